package io.ecto4j.testing;

import io.ecto4j.testing.PostgresProcess.ShutdownMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A PostgreSQL data directory in a temporary directory of its own, and {@code pg_ctl} over it.
 *
 * <p>Layout: {@code <tmp>/data} (the cluster), {@code <tmp>/server.log}, and the Unix socket in
 * {@code <tmp>} itself, so nothing is written to {@code /var/run/postgresql}.
 */
final class ServerDirectory {
  static final String HOST = "127.0.0.1";
  static final String SUPERUSER = "postgres";

  private static final Duration INITDB_LIMIT = Duration.ofSeconds(120);
  /** pg_ctl bounds its own waits; this bounds pg_ctl itself, should it hang. */
  private static final Duration PG_CTL_MARGIN = Duration.ofSeconds(30);
  private static final int LOG_TAIL_LINES = 30;

  private final PostgresBinaries binaries;
  private final Path directory;
  private final Path data;
  private final Path log;

  private ServerDirectory(PostgresBinaries binaries, Path directory) {
    this.binaries = binaries;
    this.directory = directory;
    this.data = directory.resolve("data");
    this.log = directory.resolve("server.log");
  }

  /** Finds the binaries and makes an empty temporary directory they may write to. */
  static ServerDirectory create() {
    PostgresBinaries binaries = PostgresBinaries.find();
    return new ServerDirectory(binaries, binaries.createDirectory());
  }

  Path path() {
    return directory;
  }

  Path logFile() {
    return log;
  }

  /** Runs initdb (trusting {@code postgres}), then appends the fixture's and caller's settings. */
  void initdb(Map<String, String> settings) {
    require(BoundedCommand.run(binaries.command("initdb", List.of("-D", data.toString(),
        "-A", "trust", "-U", SUPERUSER, "-E", "UTF8", "--no-locale", "--no-sync")),
        directory, INITDB_LIMIT), "initdb could not create a data directory");
    Map<String, String> all = new LinkedHashMap<>();
    all.put("listen_addresses", HOST);
    all.put("unix_socket_directories", directory.toString());
    // A process crash keeps the OS's file cache, so committed rows survive an immediate shutdown.
    all.put("fsync", "off");
    all.put("full_page_writes", "off");
    all.putAll(settings);
    appendToConfiguration(all);
  }

  /**
   * Copies the primary on {@code primaryPort} into this directory with {@code pg_basebackup -R},
   * which writes {@code standby.signal} and the connection to stream from; then the fixture's
   * settings, as {@link #initdb} appends them (the copy carries the primary's, with its socket
   * directory, which must not be shared).
   */
  void basebackup(int primaryPort, Map<String, String> settings) {
    require(BoundedCommand.run(binaries.command("pg_basebackup", List.of("-D", data.toString(), "-R",
        "-h", HOST, "-p", Integer.toString(primaryPort), "-U", SUPERUSER, "-X", "stream", "--no-sync",
        "-c", "fast")), directory, INITDB_LIMIT), "pg_basebackup could not copy the primary on port " + primaryPort);
    Map<String, String> all = new LinkedHashMap<>();
    all.put("listen_addresses", HOST);
    all.put("unix_socket_directories", directory.toString());
    all.put("hot_standby", "on");
    all.putAll(settings);
    appendToConfiguration(all);
  }

  /** {@code pg_ctl promote -w}: the standby ends recovery and takes writes. */
  BoundedCommand.Result promote(int seconds) {
    return pgCtl(seconds, "promote");
  }

  /** {@code pg_ctl start -w}: returns once the server accepts connections, or within the limit. */
  BoundedCommand.Result start(int port, int seconds) {
    return pgCtl(seconds, "start", "-l", log.toString(), "-o", "-p " + port);
  }

  BoundedCommand.Result stop(ShutdownMode mode, int seconds) {
    return pgCtl(seconds, "stop", "-m", mode.pgCtlName());
  }

  /**
   * Whether a postmaster may run on this directory: its lock file is there (a clean stop removes
   * it; a failed start never wrote it).
   */
  boolean mayBeRunning() {
    return Files.exists(data.resolve("postmaster.pid"));
  }

  /** The postmaster's process, from the first line of {@code postmaster.pid}. */
  ProcessHandle postmaster() {
    long pid;
    try {
      pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ProcessHandle.of(pid).orElseThrow(() ->
        failure("the postmaster " + pid + " exited right after starting"));
  }

  /** Throws, with the command's output and the log's tail, unless the command succeeded. */
  void require(BoundedCommand.Result result, String what) {
    if (!result.succeeded()) {
      throw new IllegalStateException(
          PostgresProcessMessages.commandFailed(what, result, log, logTail()));
    }
  }

  /** A failure that is not a command's, e.g. a wait that ran out, with the log's tail. */
  IllegalStateException failure(String message) {
    return new IllegalStateException(PostgresProcessMessages.withLog(message, log, logTail()));
  }

  /** The server log's last lines, or "" when there is none yet. */
  String logTail() {
    try {
      String text = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
      List<String> lines = text.lines().toList();
      return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES),
          lines.size()));
    } catch (IOException e) {
      return "";
    }
  }

  void delete() {
    deleteTree(directory);
  }

  /** Deletes a fixture's directory and everything in it; nothing happens if it is gone already. */
  static void deleteTree(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(PostgresProcessMessages.notDeleted(directory), e);
    }
  }

  /** {@code pg_ctl <action> -D <data> -w -t <seconds> <arguments>}: it waits, but not forever. */
  private BoundedCommand.Result pgCtl(int seconds, String action, String... arguments) {
    List<String> command = new ArrayList<>(
        List.of(action, "-D", data.toString(), "-w", "-t", Integer.toString(seconds)));
    command.addAll(List.of(arguments));
    return BoundedCommand.run(binaries.command("pg_ctl", command), directory,
        Duration.ofSeconds(seconds).plus(PG_CTL_MARGIN));
  }

  /** Later lines win in postgresql.conf, so these override initdb's defaults. */
  private void appendToConfiguration(Map<String, String> settings) {
    List<String> lines = new ArrayList<>(List.of("", "# Set by ecto4j-test's PostgresProcess"));
    settings.forEach((name, value) -> lines.add(name + " = '"
        + value.replace("\\", "\\\\").replace("'", "''") + "'"));
    try {
      // Appending keeps the file's owner, postgres when the JVM is root.
      Files.write(data.resolve("postgresql.conf"), lines, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
