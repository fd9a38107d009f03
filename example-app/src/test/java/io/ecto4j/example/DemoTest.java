package io.ecto4j.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** The main command, end to end: migrate, seed, walk through the lesson, on the test server. */
class DemoTest {

  private static String run(String... args) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int status;
    try (TestDatabase server = TestDatabase.create(); PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      String database = server.name() + "_demo";
      try {
        String[] withServer = new String[args.length + 2];
        System.arraycopy(args, 0, withServer, 0, args.length);
        withServer[args.length] = "--database-url=" + server.jdbcUrl() + (server.jdbcUrl().contains("?") ? "&" : "?")
            + "user=" + server.user() + (server.password() == null ? "" : "&password=" + server.password());
        withServer[args.length + 1] = "--database=" + database;
        status = new Main(out).run(withServer, null);
      } finally {
        dropQuietly(server, database);
      }
    }
    assertThat(status).isZero();
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static void dropQuietly(TestDatabase server, String database) throws SQLException {
    server.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
  }

  @Test
  void theDemoRunsStartToFinish() throws Exception {
    String output = run("demo");
    assertThat(output)
        .contains("== Migrated 20261123000003")
        .containsPattern("comments   \\[#{30}\\] (\\d+)/\\1")
        .contains("== 1. The Repo ==", "== 3. Changesets ==", "== 8. The exercise: a Blog context ==")
        .contains("email: {\"must be a valid email\", [validation: :format]}")
        .contains("insufficient stock for product 3")
        .contains("Post.comments is not loaded")
        .contains("== Statements run, by section ==");
    assertThat(output).containsPattern("5\\. Preloading\\s+4\\b");
  }

  @Test
  void helpListsTheCommands() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int status = new Main(new PrintStream(bytes, true, StandardCharsets.UTF_8)).run(new String[] {"--help"}, null);
    assertThat(status).isZero();
    assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("demo", "migrate", "rollback", "seed");
    ByteArrayOutputStream wrong = new ByteArrayOutputStream();
    assertThat(new Main(new PrintStream(wrong, true, StandardCharsets.UTF_8)).run(new String[] {"dance"}, null)).isEqualTo(2);
    assertThat(wrong.toString(StandardCharsets.UTF_8)).contains("unknown argument(s) [dance]");
  }

  @Test
  void theDashboardFlagServesOnTheDefaultPortOrTheOneGiven() {
    assertThat(Main.Options.parse(new String[] {"--dashboard"}, null).dashboardPort())
        .isEqualTo(ExampleDashboard.DEFAULT_PORT);
    assertThat(Main.Options.parse(new String[] {"seed", "--dashboard=4141"}, null).dashboardPort()).isEqualTo(4141);
    assertThat(Main.Options.parse(new String[] {"demo"}, null).dashboardPort()).isNull();
    assertThat(Main.Options.parse(new String[] {"--dashboard=x"}, null).error()).contains("[--dashboard=x]");
  }
}
