package io.ecto4j.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** The zonky candidate; its own class so nothing loads zonky unless it is tried. */
final class EmbeddedServer {
  private EmbeddedServer() {}

  /** Unpacks zonky's binaries, runs initdb and starts a server on a free port (a few seconds). */
  static PostgresServer start() throws Exception {
    EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
    return PostgresServer.at("embedded (zonky)", "localhost", postgres.getPort(), "postgres", null,
        "postgres", postgres);
  }
}
