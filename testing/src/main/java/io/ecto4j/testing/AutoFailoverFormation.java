package io.ecto4j.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A pg_auto_failover formation of a test's own: a monitor, a primary and a secondary on free ports
 * of 127.0.0.1, each kept by a {@code pg_autoctl run} process, from Debian's
 * {@code postgresql-15-auto-failover} package. The formation commits synchronously (the monitor
 * sets {@code synchronous_standby_names = 'ANY 1 (…)'} on the primary), so a failover it runs
 * loses no commit a client saw.
 *
 * <pre>{@code
 * try (AutoFailoverFormation formation = AutoFailoverFormation.start()) {
 *   formation.createDatabase("shop");
 *   String url = formation.jdbcUrl("shop");   // both hosts, targetServerType=primary
 *   formation.failover();                     // pg_autoctl perform failover: the secondary is primary now
 * }
 * }</pre>
 *
 * <p>Every program runs as the OS user {@code postgres} when the JVM is root, as
 * {@link PostgresProcess}'s do, with its configuration and state ({@code XDG_*} directories) in the
 * formation's temporary directory. Each server listens on 127.0.0.1 only, keeps its Unix socket in
 * that directory, and runs with small memory settings ({@code postgresql.auto.conf} overrides the
 * sizes pg_autoctl derives from the machine's memory). Every wait is bounded; {@link #close()}
 * stops every process and deletes the directory. A test that needs it asks {@link #installed()}
 * first and skips with {@link #missing()} as its reason.
 */
public final class AutoFailoverFormation implements AutoCloseable {
  private static final List<Path> LOCATIONS = List.of(Path.of("/usr/bin/pg_autoctl"),
      Path.of("/usr/local/bin/pg_autoctl"));
  private static final Duration CREATE_LIMIT = Duration.ofSeconds(120);
  private static final Duration STABLE_LIMIT = Duration.ofSeconds(120);
  private static final int PERFORM_WAIT_SECONDS = 90;
  private static final Duration PERFORM_MARGIN = Duration.ofSeconds(30);
  private static final Duration STOP_LIMIT = Duration.ofSeconds(20);
  private static final long POLL_MILLIS = 100;
  private static final String MONITOR_DATABASE = "pg_auto_failover";
  private static final String MONITOR_USER = "autoctl_node";

  private final PostgresBinaries binaries;
  private final Path program;
  private final Path directory;
  private final List<Process> keepers = new ArrayList<>();
  private final Thread shutdownHook = new Thread(this::close, "ecto4j-pg-auto-failover-stop");
  private int monitorPort;
  private final List<Integer> nodePorts = new ArrayList<>();
  private boolean closed;

  private AutoFailoverFormation(PostgresBinaries binaries, Path program) {
    this.binaries = binaries;
    this.program = program;
    this.directory = binaries.createDirectory();
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** Whether {@code pg_autoctl} is installed where Debian puts it. */
  public static boolean installed() {
    return program().isPresent();
  }

  /** Why a test that needs pg_auto_failover cannot run here, and how to fix it. */
  public static String missing() {
    return "[NoPgAutoctl] pg_auto_failover is not installed (looked for pg_autoctl in " + LOCATIONS
        + "): apt-get install -y postgresql-15-auto-failover; .ci/run installs it";
  }

  private static Optional<Path> program() {
    return LOCATIONS.stream().filter(Files::isExecutable).findFirst();
  }

  /**
   * Creates and runs a monitor, a primary and a secondary, and returns once the monitor reports
   * them as {@code primary} and {@code secondary} (about twenty seconds).
   *
   * @throws IllegalStateException if pg_autoctl is missing or a step fails or runs out of time,
   *     with the output of the pg_autoctl processes
   */
  public static AutoFailoverFormation start() {
    Path program = program().orElseThrow(() -> new IllegalStateException(missing()));
    return Started.orClosed(new AutoFailoverFormation(PostgresBinaries.find(), program), formation -> {
      formation.createMonitor();
      formation.createNode("node_1");
      formation.createNode("node_2");
      formation.awaitStable();
    });
  }

  /**
   * {@code jdbc:postgresql://127.0.0.1:<node 1>,127.0.0.1:<node 2>/<database>?user=postgres&targetServerType=primary}:
   * pgjdbc connects to whichever node is the primary.
   */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://" + nodePorts.stream().map(port -> ServerDirectory.HOST + ":" + port)
        .collect(Collectors.joining(",")) + "/" + URLEncoder.encode(database, StandardCharsets.UTF_8)
        + "?user=" + ServerDirectory.SUPERUSER + "&targetServerType=primary";
  }

  /** The nodes' ports on 127.0.0.1, in the order of {@link #jdbcUrl}. */
  public List<Integer> nodePorts() {
    return List.copyOf(nodePorts);
  }

  /** The port of the node the monitor reports as primary now. */
  public int primaryPort() throws SQLException {
    Map<Integer, String> states = states();
    return states.entrySet().stream().filter(node -> node.getValue().equals("primary"))
        .mapToInt(Map.Entry::getKey).findFirst()
        .orElseThrow(() -> new IllegalStateException("no node is primary: " + states));
  }

  /** Each node's port and the state the monitor last heard it report ({@code primary}, {@code secondary}, …). */
  public Map<Integer, String> states() throws SQLException {
    try (Connection connection = connect(monitorPort, MONITOR_DATABASE, MONITOR_USER);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT nodeport, reportedstate FROM pgautofailover.node")) {
      Map<Integer, String> states = new TreeMap<>();
      while (rows.next()) {
        states.put(rows.getInt(1), rows.getString(2));
      }
      return states;
    }
  }

  /** Creates a database on the primary (the secondary replays it) and returns its {@link #jdbcUrl}. */
  public String createDatabase(String name) throws SQLException {
    execute("postgres", "CREATE DATABASE \"" + name.replace("\"", "\"\"") + "\"");
    return jdbcUrl(name);
  }

  /** Runs one statement, committed, on the primary's {@code database}, as postgres. */
  public void execute(String database, String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(jdbcUrl(database), timeouts());
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /**
   * {@code pg_autoctl perform failover}: the monitor demotes the primary and promotes the
   * secondary; returns once they have swapped roles.
   */
  public void failover() {
    perform("failover");
  }

  /** {@code pg_autoctl perform switchover}: in a formation of two nodes, the same as {@link #failover()}. */
  public void switchover() {
    perform("switchover");
  }

  private void perform(String action) {
    requireOpen();
    require(run(List.of("perform", action, "--pgdata", dataOf("monitor").toString(),
        "--wait", Integer.toString(PERFORM_WAIT_SECONDS)),
        Duration.ofSeconds(PERFORM_WAIT_SECONDS).plus(PERFORM_MARGIN)), "pg_autoctl perform " + action);
    awaitStable();
  }

  private void createMonitor() {
    monitorPort = PostgresProcess.freePort();
    Path data = dataOf("monitor");
    initdb(data);
    require(run(List.of("create", "monitor", "--pgdata", data.toString(), "--pgport",
        Integer.toString(monitorPort), "--hostname", ServerDirectory.HOST, "--listen", ServerDirectory.HOST,
        "--auth", "trust", "--no-ssl", "--pgctl", binaries.bindir().resolve("pg_ctl").toString()),
        CREATE_LIMIT), "pg_autoctl create monitor");
    keep(data, "monitor");
  }

  /**
   * The first node finds the formation empty and becomes its primary on the data directory made
   * here; the second finds a primary and copies it ({@code pg_basebackup}), settings included.
   */
  private void createNode(String name) {
    int port = PostgresProcess.freePort();
    Path data = dataOf(name);
    if (nodePorts.isEmpty()) {
      initdb(data);
    }
    require(run(List.of("create", "postgres", "--pgdata", data.toString(), "--pgport", Integer.toString(port),
        "--pghost", ServerDirectory.HOST, "--listen", ServerDirectory.HOST, "--hostname", ServerDirectory.HOST,
        "--name", name, "--username", ServerDirectory.SUPERUSER, "--dbname", "postgres", "--auth", "trust",
        "--no-ssl", "--monitor", monitorUri(), "--pgctl", binaries.bindir().resolve("pg_ctl").toString()),
        CREATE_LIMIT), "pg_autoctl create postgres (" + name + ")");
    nodePorts.add(port);
    keep(data, name);
  }

  private String monitorUri() {
    return "postgres://" + MONITOR_USER + "@" + ServerDirectory.HOST + ":" + monitorPort + "/" + MONITOR_DATABASE
        + "?sslmode=disable";
  }

  /**
   * initdb, then settings in {@code postgresql.auto.conf}, which PostgreSQL reads after the file
   * pg_autoctl includes: otherwise each server would size its shared buffers for the whole machine.
   */
  private void initdb(Path data) {
    require(BoundedCommand.run(binaries.command("initdb", List.of("-D", data.toString(), "-A", "trust",
        "-U", ServerDirectory.SUPERUSER, "-E", "UTF8", "--no-locale", "--no-sync")), directory, CREATE_LIMIT),
        "initdb " + data);
    List<String> settings = List.of("shared_buffers = '32MB'", "work_mem = '4MB'",
        "maintenance_work_mem = '32MB'", "effective_cache_size = '128MB'",
        "unix_socket_directories = '" + directory + "'", "fsync = off", "full_page_writes = off");
    try {
      // Appending keeps the file's owner, postgres when the JVM is root.
      Files.write(data.resolve("postgresql.auto.conf"), settings, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code pg_autoctl run} in the background: it keeps the node's PostgreSQL and talks to the monitor. */
  private void keep(Path data, String name) {
    try {
      Process keeper = new ProcessBuilder(command(List.of("run", "--pgdata", data.toString())))
          .directory(directory.toFile())
          .redirectErrorStream(true)
          .redirectOutput(directory.resolve(name + ".log").toFile())
          .start();
      keeper.getOutputStream().close();
      keepers.add(keeper);
    } catch (IOException e) {
      throw new UncheckedIOException("could not run pg_autoctl for " + name + " in " + directory, e);
    }
  }

  /** Waits until every node reports the state the monitor assigned it, one primary and the rest secondaries. */
  private void awaitStable() {
    long deadline = System.nanoTime() + STABLE_LIMIT.toNanos();
    String last = "no answer yet";
    while (System.nanoTime() < deadline) {
      try (Connection connection = connect(monitorPort, MONITOR_DATABASE, MONITOR_USER);
          Statement statement = connection.createStatement();
          ResultSet row = statement.executeQuery("SELECT count(*) FILTER (WHERE reportedstate = 'primary'),"
              + " count(*) FILTER (WHERE reportedstate = 'secondary'), count(*) FILTER (WHERE reportedstate <> goalstate),"
              + " string_agg(nodename || ': ' || reportedstate || ' -> ' || goalstate, ', ')"
              + " FROM pgautofailover.node")) {
        row.next();
        last = row.getString(4);
        if (row.getInt(1) == 1 && row.getInt(2) == nodePorts.size() - 1 && row.getInt(3) == 0) {
          return;
        }
      } catch (SQLException e) {
        last = e.getMessage();
      }
      pause();
    }
    throw failure("the formation did not settle on one primary and " + (nodePorts.size() - 1)
        + " secondary within " + STABLE_LIMIT + "; last seen: " + last);
  }

  private BoundedCommand.Result run(List<String> arguments, Duration limit) {
    return BoundedCommand.run(command(arguments), directory, limit);
  }

  /** pg_autoctl with its configuration and state in the formation's directory, not in a home directory. */
  private List<String> command(List<String> arguments) {
    List<String> command = new ArrayList<>(List.of("HOME=" + directory,
        "XDG_CONFIG_HOME=" + directory.resolve("config"), "XDG_DATA_HOME=" + directory.resolve("share"),
        "XDG_RUNTIME_DIR=" + directory.resolve("run"),
        "PATH=" + binaries.bindir() + ":/usr/local/bin:/usr/bin:/bin", program.toString()));
    command.addAll(arguments);
    return binaries.commandAt(Path.of("/usr/bin/env"), command);
  }

  private Path dataOf(String node) {
    return directory.resolve(node);
  }

  private void require(BoundedCommand.Result result, String what) {
    if (!result.succeeded()) {
      throw failure(what + " failed: `" + result.commandLine() + "` exited with code " + result.exitCode()
          + "\nIts output:\n" + result.output());
    }
  }

  /** A failure with the last lines each pg_autoctl process wrote. */
  private IllegalStateException failure(String message) {
    StringBuilder text = new StringBuilder("[AutoFailoverFormation] ").append(message);
    try (Stream<Path> logs = Files.list(directory)) {
      for (Path log : logs.filter(file -> file.toString().endsWith(".log")).sorted().toList()) {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        text.append("\nLast lines of ").append(log).append(":\n")
            .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size())));
      }
    } catch (IOException | UncheckedIOException e) {
      text.append("\n(could not read the logs: ").append(e.getMessage()).append(')');
    }
    return new IllegalStateException(text.toString());
  }

  private static Connection connect(int port, String database, String user) throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://" + ServerDirectory.HOST + ":" + port + "/" + database
        + "?user=" + user, timeouts());
  }

  private static Properties timeouts() {
    Properties properties = new Properties();
    properties.setProperty("connectTimeout", "5");
    properties.setProperty("socketTimeout", "60");
    return properties;
  }

  private static void pause() {
    try {
      Thread.sleep(POLL_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the pg_auto_failover formation", e);
    }
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("[Closed] this AutoFailoverFormation was closed; start a new one");
    }
  }

  /**
   * Stops every pg_autoctl process (each stops its PostgreSQL; whatever outlives the bound is
   * killed, with every process it started) and deletes the directory. Safe to call twice.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // close() runs from the hook itself, or the JVM is exiting.
    }
    // The nodes first, the monitor last: a node stopping reports to it.
    for (int i = keepers.size() - 1; i >= 0; i--) {
      stop(keepers.get(i), binaries.runsAsPostgres());
    }
    keepers.clear();
    ServerDirectory.deleteTree(directory);
  }

  /**
   * SIGTERM to pg_autoctl itself, not to runuser in front of it: runuser would pass it on but kill
   * pg_autoctl two seconds later, before it has stopped its PostgreSQL.
   */
  private static void stop(Process keeper, boolean throughRunuser) {
    List<ProcessHandle> tree = Stream.concat(Stream.of(keeper.toHandle()), keeper.descendants()).toList();
    if (throughRunuser) {
      keeper.children().forEach(ProcessHandle::destroy);
    } else {
      keeper.destroy();
    }
    long deadline = System.nanoTime() + STOP_LIMIT.toNanos();
    for (ProcessHandle process : tree) {
      try {
        long left = Math.max(0, deadline - System.nanoTime());
        process.onExit().get(left, TimeUnit.NANOSECONDS);
      } catch (Exception stillAlive) {
        tree.forEach(ProcessHandle::destroyForcibly);
        return;
      }
    }
  }

  @Override
  public String toString() {
    return "pg_auto_failover formation (monitor on " + ServerDirectory.HOST + ":" + monitorPort + ", nodes on "
        + nodePorts + ") in " + directory;
  }
}
