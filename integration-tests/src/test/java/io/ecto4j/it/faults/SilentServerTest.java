package io.ecto4j.it.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.ecto4j.repo.NoConnectionException;
import io.ecto4j.repo.Repo;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A "server" that accepts TCP connections and never says a word, as a hung PostgreSQL or a proxy
 * in front of a dead one does. Connecting to it fails within the client's timeouts, with an
 * exception that says no connection could be had and where, and shows no password.
 */
class SilentServerTest {

  @Test
  void connectingToASilentServerFailsWithinTheClientTimeouts() throws IOException {
    List<Socket> accepted = new CopyOnWriteArrayList<>();
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread acceptor = new Thread(() -> {
        try {
          while (!silent.isClosed()) {
            accepted.add(silent.accept());
          }
        } catch (IOException closed) {
          // the test is over
        }
      }, "silent-server");
      acceptor.setDaemon(true);
      acceptor.start();
      String url = "jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/app?user=app&password=secret";
      assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThatThrownBy(() -> Repo.builder().url(url)
              .connectTimeout(Duration.ofSeconds(1)).socketTimeout(Duration.ofSeconds(1)).build())
          .isInstanceOfSatisfying(NoConnectionException.class, e -> {
            assertThat(e).hasMessageContaining("no connection could be had")
                .hasMessageContaining("in: connecting to jdbc:postgresql://127.0.0.1:" + silent.getLocalPort())
                .hasMessageNotContaining("secret");
            assertThat(e.connectionFailed()).isTrue();
          }));
      assertThat(accepted).as("the client did reach the silent server").isNotEmpty();
    } finally {
      for (Socket socket : accepted) {
        socket.close();
      }
    }
  }
}
