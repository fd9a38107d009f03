package io.ecto4j.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PgBouncer of a test's own in front of a {@link PostgresProcess}, on a free port of 127.0.0.1,
 * from Debian's {@code pgbouncer} package: to test what works behind a pooler in transaction mode
 * (where each transaction, and each statement outside one, may get another server connection).
 *
 * <pre>{@code
 * try (PostgresProcess server = PostgresProcess.create();
 *     PgBouncerProcess pooler = PgBouncerProcess.inFrontOf(server, PgBouncerProcess.PoolMode.TRANSACTION)) {
 *   String url = pooler.jdbcUrl("shop");   // jdbc:postgresql://127.0.0.1:<port>/shop?user=postgres
 * }
 * }</pre>
 *
 * <p>It trusts the user {@code postgres}, as the server does, keeps its configuration and log in a
 * temporary directory, runs as the OS user {@code postgres} when the JVM is root (PgBouncer refuses
 * root, as PostgreSQL does), and is stopped and its directory deleted by {@link #close()}. A test
 * that needs it asks {@link #installed()} first and skips with {@link #missing()} as its reason.
 */
public final class PgBouncerProcess implements AutoCloseable {
  private static final List<Path> LOCATIONS = List.of(Path.of("/usr/sbin/pgbouncer"), Path.of("/usr/bin/pgbouncer"),
      Path.of("/usr/local/bin/pgbouncer"));
  private static final Duration START_LIMIT = Duration.ofSeconds(15);
  private static final Duration STOP_LIMIT = Duration.ofSeconds(10);

  /** PgBouncer's {@code pool_mode}: when a client gives its server connection back. */
  public enum PoolMode {
    /** At the end of the client's session: every feature works, as on a direct connection. */
    SESSION,
    /** At the end of each transaction (and after each statement outside one): sessions are not kept. */
    TRANSACTION
  }

  private final Path directory;
  private final Process process;
  private final int port;
  private final PoolMode mode;

  private PgBouncerProcess(Path directory, Process process, int port, PoolMode mode) {
    this.directory = directory;
    this.process = process;
    this.port = port;
    this.mode = mode;
  }

  /** Whether a {@code pgbouncer} program is installed where Debian puts it. */
  public static boolean installed() {
    return program().isPresent();
  }

  /** Why a test that needs PgBouncer cannot run here, and how to fix it. */
  public static String missing() {
    return "PgBouncer is not installed (looked in " + LOCATIONS + "): apt-get install -y pgbouncer; .ci/run installs it";
  }

  private static Optional<Path> program() {
    return LOCATIONS.stream().filter(Files::isExecutable).findFirst();
  }

  /**
   * Starts PgBouncer in front of {@code server} in {@code mode}, every database passed through;
   * returns once it accepts connections.
   *
   * @throws IllegalStateException if PgBouncer is missing or does not start within 15 s, with its log
   */
  public static PgBouncerProcess inFrontOf(PostgresProcess server, PoolMode mode) {
    Path program = program().orElseThrow(() -> new IllegalStateException(missing()));
    PostgresBinaries binaries = PostgresBinaries.find();
    Path directory = binaries.createDirectory();
    int port = PostgresProcess.freePort();
    Path ini = directory.resolve("pgbouncer.ini");
    Path log = directory.resolve("pgbouncer.log");
    try {
      Files.writeString(directory.resolve("userlist.txt"), "\"postgres\" \"\"\n", StandardCharsets.UTF_8);
      Files.writeString(ini, String.join("\n",
          "[databases]",
          "* = host=127.0.0.1 port=" + server.port(),
          "[pgbouncer]",
          "listen_addr = 127.0.0.1",
          "listen_port = " + port,
          "unix_socket_dir = ",
          "auth_type = trust",
          "auth_file = " + directory.resolve("userlist.txt"),
          "pool_mode = " + mode.name().toLowerCase(Locale.ROOT),
          "default_pool_size = 4",
          "max_client_conn = 100",
          "ignore_startup_parameters = extra_float_digits,options",
          "logfile = " + log,
          "pidfile = " + directory.resolve("pgbouncer.pid"),
          ""), StandardCharsets.UTF_8);
      Process process = new ProcessBuilder(binaries.commandAt(program, List.of(ini.toString())))
          .directory(directory.toFile())
          .redirectErrorStream(true)
          .redirectOutput(directory.resolve("stdout.log").toFile())
          .start();
      PgBouncerProcess pooler = new PgBouncerProcess(directory, process, port, mode);
      pooler.awaitListening(log);
      return pooler;
    } catch (IOException e) {
      throw new UncheckedIOException("could not start PgBouncer in " + directory, e);
    }
  }

  /** The port on 127.0.0.1 clients connect to. */
  public int port() {
    return port;
  }

  /** The pool mode it runs in. */
  public PoolMode mode() {
    return mode;
  }

  /** {@code jdbc:postgresql://127.0.0.1:<port>/<database>?user=postgres}, through the pooler. */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres";
  }

  private void awaitListening(Path log) {
    long deadline = System.nanoTime() + START_LIMIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw failure("PgBouncer exited with code " + process.exitValue(), log);
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        pause();
      }
    }
    close();
    throw failure("PgBouncer did not listen on 127.0.0.1:" + port + " within " + START_LIMIT, log);
  }

  private IllegalStateException failure(String what, Path log) {
    String text = Stream.of(log, directory.resolve("stdout.log")).filter(Files::exists).map(file -> {
      try {
        return Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "";
      }
    }).reduce("", String::concat);
    return new IllegalStateException(what + "; its output:\n" + text.strip());
  }

  /** Stops PgBouncer (its clients' connections close) and deletes its directory; safe to call twice. */
  @Override
  public void close() {
    if (process.isAlive()) {
      process.descendants().forEach(ProcessHandle::destroy);
      process.destroy();
      try {
        if (!process.waitFor(STOP_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
          process.descendants().forEach(ProcessHandle::destroyForcibly);
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    ServerDirectory.deleteTree(directory);
  }

  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for PgBouncer", e);
    }
  }

  @Override
  public String toString() {
    return "PgBouncer (" + mode + ") on 127.0.0.1:" + port + " in " + directory;
  }
}
