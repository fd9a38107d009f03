package io.ecto4j.testing;

import static io.ecto4j.testing.LocalPostgres.strings;
import static io.ecto4j.testing.LocalPostgres.update;
import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.ecto4j.testing.PostgresProcess.ShutdownMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postgresql.PGConnection;

/** One server for the class (creating one costs a second or two); two tests make their own. */
class PostgresProcessTest {
  private static PostgresProcess server;

  @BeforeAll
  static void createServer() {
    server = PostgresProcess.builder().setting("deadlock_timeout", "100ms").create();
  }

  @AfterAll
  static void closeServer() {
    server.close();
  }

  /** A test that failed half-way through a stop must not fail the tests after it. */
  @BeforeEach
  void running() {
    if (!server.isRunning()) {
      server.start();
    }
  }

  @Test
  void runsAServerOfItsOwnInATemporaryDirectory() throws Exception {
    String url = server.createDatabase("own");
    Path directory = server.logFile().getParent();

    assertThat(server.port()).isNotEqualTo(5432);
    assertThat(url)
        .isEqualTo("jdbc:postgresql://127.0.0.1:" + server.port() + "/own?user=postgres");
    try (Connection connection = DriverManager.getConnection(url)) {
      update(connection, "CREATE TABLE notes (body text)");
      update(connection, "INSERT INTO notes VALUES ('hello')");

      assertThat(strings(connection, "SELECT body FROM notes")).containsExactly("hello");
      assertThat(strings(connection, "SHOW deadlock_timeout")).containsExactly("100ms");
      assertThat(strings(connection, "SHOW listen_addresses")).containsExactly("127.0.0.1");
      assertThat(strings(connection, "SHOW fsync")).containsExactly("off");
      assertThat(strings(connection, "SHOW unix_socket_directories"))
          .containsExactly(directory.toString());
      assertThat(strings(connection, "SHOW data_directory"))
          .containsExactly(directory.resolve("data").toString());
    }
    assertThat(server.logFile()).exists();
    if (runsAsRoot()) {
      assertThat(Files.getOwner(directory).getName()).isEqualTo("postgres");
    }
  }

  @ParameterizedTest
  @EnumSource(value = ShutdownMode.class, names = {"FAST", "IMMEDIATE"})
  void aRestartKeepsCommittedRowsAndThePort(ShutdownMode mode) throws Exception {
    String database = "restart_" + mode.name().toLowerCase(Locale.ROOT);
    String url = server.createDatabase(database);
    int port = server.port();
    server.execute(database, "CREATE TABLE notes (body text)");

    try (Connection before = DriverManager.getConnection(url)) {
      update(before, "INSERT INTO notes VALUES ('committed')");
      server.restart(mode);

      assertThat(server.isRunning()).isTrue();
      assertThat(server.port()).isEqualTo(port);
      assertFailsWithSqlState(() -> strings(before, "SELECT 1"), "57P01", "08006");
    }
    try (Connection after = DriverManager.getConnection(url)) {
      assertThat(strings(after, "SELECT body FROM notes")).containsExactly("committed");
    }
  }

  @Test
  void aStoppedServerRefusesConnectionsUntilItStartsAgain() throws Exception {
    String url = server.createDatabase("stopped");

    server.stop(ShutdownMode.SMART);
    server.stop(ShutdownMode.SMART);

    assertThat(server.isRunning()).isFalse();
    assertFailsWithSqlState(() -> DriverManager.getConnection(url + "&connectTimeout=2"), "08001");
    server.start();
    assertThat(server.isRunning()).isTrue();
    assertThatThrownBy(server::start).hasMessageStartingWith("[AlreadyRunning]");
    try (Connection connection = DriverManager.getConnection(url)) {
      assertThat(strings(connection, "SELECT 'up'")).containsExactly("up");
    }
  }

  @Test
  void terminateEndsTheBackendOfAConnection() throws Exception {
    String url = server.createDatabase("terminated");

    try (Connection connection = DriverManager.getConnection(url)) {
      int pid = backendPid(connection);
      assertThat(server.backendPids("terminated")).containsExactly(pid);

      assertThat(server.terminate(pid)).isTrue();

      assertThat(server.backendPids("terminated")).isEmpty();
      assertFailsWithSqlState(() -> strings(connection, "SELECT 1"), "57P01", "08006");
    }
    assertThat(server.terminate((int) ProcessHandle.current().pid())).as("not a backend").isFalse();
  }

  @Test
  void awaitStatementReturnsOnceTheBackendRunsItAndOtherwiseSaysSo() throws Exception {
    String url = server.createDatabase("awaited");
    try (Connection connection = DriverManager.getConnection(url)) {
      int pid = backendPid(connection);
      assertThatThrownBy(() -> server.awaitStatement(pid, "SELECT pg_sleep", Duration.ofMillis(200)))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("[NoSuchStatement]");
      ExecutorService client = Executors.newSingleThreadExecutor();
      try {
        Future<List<String>> sleeping = client.submit(() -> strings(connection, "SELECT pg_sleep(30)::text"));
        server.awaitStatement(pid, "SELECT pg_sleep", Duration.ofSeconds(10));
        assertThat(server.terminate(pid)).isTrue();
        assertThat(catchThrowable(() -> sleeping.get(10, SECONDS))).as("ended mid-statement").isNotNull();
      } finally {
        client.shutdownNow();
      }
    }
  }

  @Test
  void aSuspendedBackendAnswersOnlyAfterItIsResumed() throws Exception {
    String url = server.createDatabase("frozen");
    ExecutorService client = Executors.newSingleThreadExecutor();

    try (Connection connection = DriverManager.getConnection(url + "&socketTimeout=30")) {
      int pid = backendPid(connection);
      server.suspend(pid);
      Future<List<String>> answer = client.submit(() -> strings(connection, "SELECT 'awake'"));

      assertThatThrownBy(() -> answer.get(500, MILLISECONDS)).isInstanceOf(TimeoutException.class);
      assertThat(server.backendPids("frozen"))
          .as("other connections are served")
          .containsExactly(pid);
      server.resume(pid);
      assertThat(answer.get(10, SECONDS)).containsExactly("awake");
    } finally {
      client.shutdownNow();
    }
  }

  @Test
  void aClientTimeoutSeesASuspendedBackendAsABrokenConnection() throws Exception {
    String url = server.createDatabase("timed_out");

    try (Connection connection = DriverManager.getConnection(url + "&socketTimeout=1")) {
      int pid = backendPid(connection);
      server.suspend(pid);
      long started = System.nanoTime();

      assertFailsWithSqlState(() -> strings(connection, "SELECT 1"), "08006");
      assertThat(System.nanoTime() - started).isBetween(900_000_000L, 10_000_000_000L);
      server.resume(pid);
    }
  }

  @Test
  void onlyThisServersProcessesMayBeSignalled() throws Exception {
    Process sleeper = new ProcessBuilder("sleep", "30").start();
    try {
      assertThatThrownBy(() -> server.suspend((int) sleeper.pid()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("[NotABackend] process " + sleeper.pid() + " is not a backend");
      assertThatThrownBy(() -> server.resume((int) sleeper.pid()))
          .isInstanceOf(IllegalArgumentException.class);
    } finally {
      sleeper.destroyForcibly();
    }
  }

  @Test
  void settingsTheFixtureOwnsOrCannotWriteAreRefused() {
    assertThatThrownBy(() -> PostgresProcess.builder().setting("port", "5432"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("[ReservedSetting] PostgresProcess sets port itself");
    assertThatThrownBy(() -> PostgresProcess.builder().setting("work mem", "4MB"))
        .hasMessageStartingWith("[BadSetting] \"work mem\" is not a PostgreSQL setting name");
    assertThatThrownBy(() -> PostgresProcess.builder().setting("search_path", "a\nfsync = on"))
        .hasMessageStartingWith("[BadSetting] the value of search_path holds a line break");
  }

  @Test
  void aServerThatCannotStartSaysWhyAndLeavesNothingBehind() {
    Throwable failure = catchFailure(
        () -> PostgresProcess.builder().setting("no_such_setting", "on").create());

    assertThat(failure)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("[PostgresProcess] could not start PostgreSQL on port ")
        .hasMessageContaining("pg_ctl start")
        .hasMessageContaining("exited with code 1")
        .hasMessageContaining("unrecognized configuration parameter \"no_such_setting\"");
    Matcher log = Pattern.compile("Last lines of (\\S+):").matcher(failure.getMessage());
    assertThat(log.find()).as("the message names the log").isTrue();
    assertThat(Path.of(log.group(1)).getParent()).doesNotExist();
  }

  @Test
  void closeStopsTheServerDeletesItsDirectoryAndMayBeCalledTwice() throws Exception {
    PostgresProcess own = PostgresProcess.create();
    Path directory = own.logFile().getParent();
    String url = own.jdbcUrl("postgres");

    try (Connection frozen = DriverManager.getConnection(url)) {
      own.suspend(backendPid(frozen));
      own.close();
    }

    assertThat(directory).doesNotExist();
    assertThat(own.isRunning()).isFalse();
    assertFailsWithSqlState(() -> DriverManager.getConnection(url + "&connectTimeout=2"), "08001");
    own.close();
    assertThatThrownBy(own::start).hasMessageStartingWith("[Closed]");
  }

  private static int backendPid(Connection connection) throws SQLException {
    return connection.unwrap(PGConnection.class).getBackendPID();
  }

  private static void assertFailsWithSqlState(ThrowingCallable call, String... states) {
    assertThat(catchFailure(call))
        .isInstanceOfSatisfying(SQLException.class,
            e -> assertThat(e.getSQLState()).as(e.getMessage()).isIn((Object[]) states));
  }

  private static Throwable catchFailure(ThrowingCallable call) {
    Throwable failure = catchThrowable(call);
    assertThat(failure).as("expected a failure").isNotNull();
    return failure;
  }

  private static boolean runsAsRoot() {
    return "root".equals(System.getProperty("user.name"));
  }
}
