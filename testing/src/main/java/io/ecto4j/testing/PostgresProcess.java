package io.ecto4j.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A PostgreSQL server of a test's own, for fault tests: restart it, crash it, end or freeze the
 * backend behind a connection, and see what the code under test does.
 *
 * <pre>{@code
 * try (PostgresProcess server =
 *     PostgresProcess.builder().setting("deadlock_timeout", "100ms").create()) {
 *   String url = server.createDatabase("shop");
 *   server.execute("shop", "CREATE TABLE orders (id int PRIMARY KEY)");
 *   try (Connection connection = DriverManager.getConnection(url)) {
 *     int pid = connection.unwrap(PGConnection.class).getBackendPID();
 *     server.suspend(pid);      // the connection's statements now get no answer
 *     ...
 *     server.resume(pid);
 *     server.terminate(pid);    // its next statement fails with SQLSTATE 57P01
 *   }
 *   server.restart(ShutdownMode.IMMEDIATE);   // a crash: committed rows survive it
 * }
 * }</pre>
 *
 * <p>The server runs the installed PostgreSQL ({@code pg_config --bindir}, else the newest
 * {@code /usr/lib/postgresql/<version>/bin}) from a fresh temporary directory, on a free port of
 * 127.0.0.1, with its Unix socket in that directory, and trusts the user {@code postgres}. It
 * never touches another server. When the JVM runs as root, as in many CI containers, the programs
 * run as the OS user {@code postgres} through {@code runuser}, since PostgreSQL refuses to run as
 * root. It runs with {@code fsync=off}: an operating-system crash could lose data, but a
 * process crash, which is what {@link ShutdownMode#IMMEDIATE} is, keeps every committed row.
 *
 * <p>Every wait is bounded (a start or stop by 60 s, ending a backend by 10 s), and every failure
 * is an {@link IllegalStateException} naming the command, its exit code and the last lines of
 * {@link #logFile()}. The SQL helpers throw {@link SQLException} as {@link TestDatabase} does.
 *
 * <p>The trade-off: a server of one's own takes about two seconds to create, so share one per
 * test class; tests that need not hurt the server are faster with {@link EctoTest}. Starting,
 * stopping and closing are synchronized; the other methods may be called from any thread, so a
 * test can {@link #resume(int)} a backend that another thread waits on.
 */
public final class PostgresProcess implements AutoCloseable {
  private static final String ADMIN_DATABASE = "postgres";
  private static final Set<String> RESERVED =
      Set.of("port", "listen_addresses", "unix_socket_directories");
  private static final Pattern SETTING_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");
  private static final int PG_CTL_SECONDS = 60;
  private static final int CLOSE_STOP_SECONDS = 20;
  private static final Duration SIGNAL_LIMIT = Duration.ofSeconds(10);
  private static final Duration TERMINATE_LIMIT = Duration.ofSeconds(10);
  private static final long POLL_MILLIS = 10;
  private static final int PORT_ATTEMPTS = 3;

  private final ServerDirectory directory;
  private final Set<Integer> suspended = ConcurrentHashMap.newKeySet();
  private final Thread shutdownHook = new Thread(this::close, "ecto4j-postgres-stop");
  private volatile int port;
  private volatile ProcessHandle postmaster;
  private volatile boolean closed;

  private PostgresProcess(ServerDirectory directory) {
    this.directory = directory;
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * Creates a data directory and starts a server on it, with the default settings; like
   * {@link TestDatabase#create()}, it is ready to use when this returns (about two seconds).
   *
   * @throws IllegalStateException if that fails; the message holds the server log's last lines
   */
  public static PostgresProcess create() {
    return builder().create();
  }

  /** A builder for a server with settings of its own: {@code builder().setting(...).create()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** The TCP port on 127.0.0.1; it stays the same across {@link #restart}. */
  public int port() {
    return port;
  }

  /** {@code jdbc:postgresql://127.0.0.1:<port>/<database>?user=postgres}. */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://" + ServerDirectory.HOST + ":" + port + "/"
        + URLEncoder.encode(database, StandardCharsets.UTF_8)
        + "?user=" + ServerDirectory.SUPERUSER;
  }

  /** Creates a database and returns its {@link #jdbcUrl(String) JDBC URL}. */
  public String createDatabase(String name) throws SQLException {
    execute(ADMIN_DATABASE, "CREATE DATABASE " + quoteIdentifier(name));
    return jdbcUrl(name);
  }

  /** Runs one statement, committed, on a fresh connection to {@code database}, as postgres. */
  public void execute(String database, String sql) throws SQLException {
    try (Connection connection = connect(database);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /**
   * A streaming replica of this server: a copy made with {@code pg_basebackup -R} into a directory
   * of its own, started on a free port of 127.0.0.1 as a hot standby that serves reads and
   * replays this server's writes (asynchronously: {@link #awaitReplayed} waits for it). Close it
   * before, or independently of, its primary. A replica can be {@link #promote() promoted}.
   *
   * @throws IllegalStateException if the copy or the start fails, with the log's last lines
   */
  public PostgresProcess replica() {
    return replica(Map.of());
  }

  /** {@link #replica()} with settings of the replica's own, as {@link Builder#setting} takes them. */
  public PostgresProcess replica(Map<String, String> settings) {
    requireOpen();
    Builder checked = builder();
    settings.forEach(checked::setting);
    return Started.orClosed(new PostgresProcess(ServerDirectory.create()), replica -> {
      replica.directory.basebackup(port, checked.settings);
      replica.startOnAFreePort();
    });
  }

  /**
   * Promotes this replica to a primary ({@code pg_ctl promote -w}): it stops replaying and takes
   * writes; its old primary, if still running, no longer reaches it.
   *
   * @throws IllegalStateException if this server is not a replica, or the promotion fails
   */
  public synchronized void promote() {
    requireOpen();
    directory.require(directory.promote(PG_CTL_SECONDS), "could not promote the replica on port " + port);
  }

  /** Whether this server is a standby replaying a primary's WAL ({@code pg_is_in_recovery()}). */
  public boolean isReplica() throws SQLException {
    try (Connection connection = connect(ADMIN_DATABASE);
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT pg_is_in_recovery()")) {
      row.next();
      return row.getBoolean(1);
    }
  }

  /**
   * Waits, at most {@code within}, until {@code replica} has replayed everything this server had
   * written when the call began ({@code pg_current_wal_lsn()} here, {@code pg_last_wal_replay_lsn()}
   * there), so that a test reads its own writes on the replica.
   *
   * @throws IllegalStateException if it has not within that time
   */
  public void awaitReplayed(PostgresProcess replica, Duration within) throws SQLException {
    long deadline = System.nanoTime() + within.toNanos();
    String written;
    try (Connection connection = connect(ADMIN_DATABASE);
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT pg_current_wal_lsn()::text")) {
      row.next();
      written = row.getString(1);
    }
    try (Connection connection = replica.connect(ADMIN_DATABASE);
        PreparedStatement query = connection.prepareStatement(
            "SELECT pg_last_wal_replay_lsn() >= ?::pg_lsn")) {
      query.setString(1, written);
      while (!replayed(query)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the replica on port " + replica.port + " has not replayed "
              + written + " of the primary on port " + port + " within " + within);
        }
        sleepQuietly();
      }
    }
  }

  private static boolean replayed(PreparedStatement query) throws SQLException {
    try (ResultSet row = query.executeQuery()) {
      return row.next() && row.getBoolean(1);
    }
  }

  private static void sleepQuietly() {
    try {
      Thread.sleep(POLL_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a replica", e);
    }
  }

  /**
   * Starts the server again after {@link #stop}, on the same port and data.
   *
   * @throws IllegalStateException if it is running, or does not accept connections within 60 s
   */
  public synchronized void start() {
    requireOpen();
    if (isRunning()) {
      throw new IllegalStateException(PostgresProcessMessages.alreadyRunning(port));
    }
    directory.require(directory.start(port, PG_CTL_SECONDS),
        "could not start PostgreSQL on port " + port);
    postmaster = directory.postmaster();
  }

  /**
   * Stops the server with {@code pg_ctl stop -m <mode>}; does nothing if it is not running.
   * Suspended backends are resumed first, so they cannot hold the shutdown up.
   *
   * @throws IllegalStateException if it has not stopped within 60 s (e.g.
   *     {@link ShutdownMode#SMART} while clients stay connected); it then still runs
   */
  public synchronized void stop(ShutdownMode mode) {
    requireOpen();
    if (!isRunning()) {
      return;
    }
    resumeSuspended();
    directory.require(directory.stop(mode, PG_CTL_SECONDS),
        "could not stop PostgreSQL (" + mode + ")");
    postmaster = null;
  }

  /** {@link #stop(ShutdownMode)}, then {@link #start()}: same port, same data. */
  public synchronized void restart(ShutdownMode mode) {
    stop(mode);
    start();
  }

  /** Whether the server's main process (the postmaster) is alive. */
  public boolean isRunning() {
    ProcessHandle server = postmaster;
    return server != null && server.isAlive();
  }

  /**
   * The process ids of the client backends connected to {@code database}, in ascending order; the
   * connection asking is not among them. One backend serves one JDBC connection.
   */
  public List<Integer> backendPids(String database) throws SQLException {
    try (Connection connection = connect(ADMIN_DATABASE);
        PreparedStatement query = connection.prepareStatement(
            "SELECT pid FROM pg_stat_activity WHERE datname = ? AND backend_type = 'client backend'"
                + " AND pid <> pg_backend_pid() ORDER BY pid")) {
      query.setString(1, database);
      List<Integer> pids = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          pids.add(rows.getInt(1));
        }
      }
      return pids;
    }
  }

  /**
   * Ends a backend with {@code pg_terminate_backend} and waits, at most 10 s, until it is gone;
   * its client then fails with SQLSTATE 57P01 (or 08006 if it finds the socket closed first). A
   * suspended backend is resumed so it can end.
   *
   * @return false if {@code pid} is not a backend of this server
   */
  public boolean terminate(int pid) throws SQLException {
    try (Connection connection = connect(ADMIN_DATABASE)) {
      if (!terminateBackend(connection, pid)) {
        return false;
      }
      if (suspended.contains(pid)) {
        continueQuietly(pid);
      }
      awaitGone(connection, pid);
      return true;
    }
  }

  /**
   * Waits, at most {@code within}, until backend {@code pid} is running a statement whose text
   * starts with {@code statementStart}, so that a test can {@link #terminate} or {@link #suspend}
   * it in the middle of that statement:
   *
   * <pre>{@code
   * CompletableFuture.runAsync(() -> { server.awaitStatement(pid, "SELECT pg_sleep", ofSeconds(10)); server.terminate(pid); });
   * }</pre>
   *
   * @throws IllegalStateException if it does not within that time
   */
  public void awaitStatement(int pid, String statementStart, Duration within) throws SQLException {
    long deadline = System.nanoTime() + within.toNanos();
    try (Connection connection = connect(ADMIN_DATABASE);
        PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM pg_stat_activity"
            + " WHERE pid = ? AND state = 'active' AND starts_with(query, ?)")) {
      query.setInt(1, pid);
      query.setString(2, statementStart);
      while (!stillListed(query)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(PostgresProcessMessages.noSuchStatement(pid, statementStart, within));
        }
        pause(pid);
      }
    }
  }

  /**
   * Freezes a backend ({@code SIGSTOP}): its client's statements get no answer, as from a server
   * that hangs, until {@link #resume(int)}. Other connections are served as before.
   *
   * @throws IllegalArgumentException if {@code pid} is not a process of this server, so no other
   *     process can be stopped by mistake
   */
  public void suspend(int pid) {
    requireBackend(pid);
    signal("STOP", pid);
    suspended.add(pid);
  }

  /** Lets a {@link #suspend(int) suspended} backend run again ({@code SIGCONT}). */
  public void resume(int pid) {
    requireBackend(pid);
    signal("CONT", pid);
    suspended.remove(pid);
  }

  /** The server's log ({@code pg_ctl -l}); it is deleted with the rest on {@link #close()}. */
  public Path logFile() {
    return directory.logFile();
  }

  /**
   * Stops the server (fast, else immediate, else by killing it) and deletes its directory. Safe
   * to call twice; a server left open is closed when the JVM exits.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    removeShutdownHook();
    try {
      stopForGood();
    } finally {
      directory.delete();
    }
  }

  @Override
  public String toString() {
    return "PostgreSQL on " + ServerDirectory.HOST + ":" + port + " in " + directory.path();
  }

  /** How {@link #stop} shuts the server down: {@code pg_ctl stop -m smart|fast|immediate}. */
  public enum ShutdownMode {
    /** Waits for every client to disconnect; new connections are refused meanwhile. */
    SMART,
    /** Ends every session (their clients see SQLSTATE 57P01), then checkpoints. */
    FAST,
    /** Kills every process without a checkpoint, like a crash; the next start recovers. */
    IMMEDIATE;

    String pgCtlName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Settings for a server; {@link #create()} creates and starts it. */
  public static final class Builder {
    private final Map<String, String> settings = new LinkedHashMap<>();

    private Builder() {}

    /**
     * A server setting, as in postgresql.conf: {@code setting("deadlock_timeout", "100ms")}. It
     * may override the defaults {@code fsync=off} and {@code full_page_writes=off}; the port, the
     * listen address and the socket directory are the fixture's own.
     */
    public Builder setting(String name, String value) {
      if (!SETTING_NAME.matcher(name).matches()) {
        throw new IllegalArgumentException(PostgresProcessMessages.badSettingName(name));
      }
      if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException(PostgresProcessMessages.reservedSetting(name));
      }
      if (value.chars().anyMatch(c -> c == '\n' || c == '\r' || c == 0)) {
        throw new IllegalArgumentException(PostgresProcessMessages.badSettingValue(name, value));
      }
      settings.put(name, value);
      return this;
    }

    /**
     * Creates a data directory ({@code initdb}) and starts the server on a free port.
     *
     * @throws IllegalStateException if that fails; the message holds the server log's last lines
     */
    public PostgresProcess create() {
      return createWith(new LinkedHashMap<>(settings));
    }
  }

  private static PostgresProcess createWith(Map<String, String> settings) {
    return Started.orClosed(new PostgresProcess(ServerDirectory.create()), server -> {
      server.directory.initdb(settings);
      server.startOnAFreePort();
    });
  }

  /** A free port can be taken by another process before the server binds it; then try another. */
  private void startOnAFreePort() {
    for (int attempt = 1; ; attempt++) {
      port = freePort();
      BoundedCommand.Result result = directory.start(port, PG_CTL_SECONDS);
      if (result.succeeded()) {
        postmaster = directory.postmaster();
        return;
      }
      if (attempt == PORT_ATTEMPTS || !directory.logTail().contains("Address already in use")) {
        directory.require(result, "could not start PostgreSQL on port " + port);
      }
    }
  }

  /** Ends the server whatever state it is in; used by close() and the shutdown hook. */
  private void stopForGood() {
    ProcessHandle server = postmaster;
    postmaster = null;
    if (!directory.mayBeRunning()) {
      return;
    }
    resumeSuspended();
    for (ShutdownMode mode : List.of(ShutdownMode.FAST, ShutdownMode.IMMEDIATE)) {
      try {
        if (directory.stop(mode, CLOSE_STOP_SECONDS).succeeded()) {
          return;
        }
      } catch (IllegalStateException timedOut) {
        // pg_ctl itself hung; the next mode, or the kill below, ends the server.
      }
    }
    if (server != null) {
      server.destroyForcibly();  // its backends notice their postmaster's death and exit
    }
  }

  private void resumeSuspended() {
    List.copyOf(suspended).forEach(this::continueQuietly);
  }

  /** SIGCONT to a backend that may have ended meanwhile, which is no failure. */
  private void continueQuietly(int pid) {
    try {
      signal("CONT", pid);
    } catch (IllegalStateException gone) {
      // Nothing to resume.
    }
    suspended.remove(pid);
  }

  private void removeShutdownHook() {
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // close() runs from the hook itself, or the JVM is exiting: nothing left to unregister.
    }
  }

  private Connection connect(String database) throws SQLException {
    requireOpen();
    Properties properties = new Properties();
    // A restart or a killed backend must fail an admin call in seconds, not hang it.
    properties.setProperty("connectTimeout", "5");
    properties.setProperty("socketTimeout", "60");
    return DriverManager.getConnection(jdbcUrl(database), properties);
  }

  private static boolean terminateBackend(Connection connection, int pid) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement("SELECT pg_terminate_backend(?)")) {
      query.setInt(1, pid);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() && rows.getBoolean(1);
      }
    }
  }

  /** Polls pg_stat_activity (each query sees a fresh snapshot in autocommit) until a deadline. */
  private void awaitGone(Connection connection, int pid) throws SQLException {
    long deadline = System.nanoTime() + TERMINATE_LIMIT.toNanos();
    try (PreparedStatement query =
        connection.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE pid = ?")) {
      query.setInt(1, pid);
      while (stillListed(query)) {
        if (System.nanoTime() > deadline) {
          throw directory.failure("backend " + pid + " was told to end but still ran after "
              + TERMINATE_LIMIT.toSeconds() + " s");
        }
        pause(pid);
      }
    }
  }

  /** Whether the count the query asks for is above zero. */
  private static boolean stillListed(PreparedStatement query) throws SQLException {
    try (ResultSet rows = query.executeQuery()) {
      return rows.next() && rows.getInt(1) > 0;
    }
  }

  private static void pause(int pid) {
    try {
      Thread.sleep(POLL_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(
          PostgresProcessMessages.interrupted("backend " + pid), e);
    }
  }

  /** Only children of this server's postmaster may be signalled: never anyone else's process. */
  private void requireBackend(int pid) {
    requireOpen();
    ProcessHandle server = postmaster;
    boolean ours = server != null && ProcessHandle.of(pid)
        .flatMap(ProcessHandle::parent)
        .filter(parent -> parent.pid() == server.pid())
        .isPresent();
    if (!ours) {
      throw new IllegalArgumentException(PostgresProcessMessages.notABackend(pid, port));
    }
  }

  private void signal(String signal, int pid) {
    directory.require(
        BoundedCommand.run(List.of("kill", "-" + signal, Integer.toString(pid)), directory.path(),
            SIGNAL_LIMIT),
        "could not send SIG" + signal + " to backend " + pid);
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException(PostgresProcessMessages.closed());
    }
  }

  /** A free port of 127.0.0.1 now; another process may take it before the caller binds it. */
  static int freePort() {
    try (ServerSocket socket =
        new ServerSocket(0, 1, InetAddress.getByName(ServerDirectory.HOST))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(PostgresProcessMessages.noFreePort(ServerDirectory.HOST), e);
    }
  }

  private static String quoteIdentifier(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }
}
