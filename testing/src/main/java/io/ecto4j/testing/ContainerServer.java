package io.ecto4j.testing;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/** The Testcontainers candidate; its own class so nothing loads Testcontainers unless it is tried. */
final class ContainerServer {
  static final String IMAGE = "postgres:15-alpine";

  private ContainerServer() {}

  static PostgresServer start() throws Exception {
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      throw new Candidate.Unavailable("no Docker engine is available");
    }
    PostgreSQLContainer<?> container = new PostgreSQLContainer<>(DockerImageName.parse(IMAGE));
    container.start();
    return PostgresServer.at("Testcontainers " + IMAGE, container.getHost(),
        container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT), container.getUsername(),
        container.getPassword(), container.getDatabaseName(), container::stop);
  }
}
