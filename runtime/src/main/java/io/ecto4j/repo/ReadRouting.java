package io.ecto4j.repo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Which server runs a read: the rules of {@link Replicas}, the replicas' last known states, and
 * each thread's read-your-writes position. Shared by every view of one repo ({@code withPrefix},
 * {@code primary()}…), so that a state read once serves them all.
 */
final class ReadRouting {
  static final String PRIMARY = "primary";

  /** A read that locks rows needs the primary: a standby refuses {@code FOR UPDATE} and its kin. */
  private static final Pattern LOCKS = Pattern.compile("\\bFOR\\s+(?:NO\\s+KEY\\s+)?(?:UPDATE|SHARE|KEY\\s+SHARE)\\b",
      Pattern.CASE_INSENSITIVE);
  /**
   * A replica's state: in recovery, its replay position, and the age of the last transaction it
   * replayed, which is its lag unless it has replayed everything the primary had written.
   */
  private static final String CHECK = "SELECT pg_is_in_recovery(), pg_last_wal_replay_lsn()::text,"
      + " COALESCE(EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()) * 1000, 0)";
  private static final int CHECK_TIMEOUT_SECONDS = 2;
  /** While a replica is behind a thread's writes, it is asked again at most this often; meanwhile the primary reads. */
  private static final long CATCH_UP_NANOS = Duration.ofMillis(20).toNanos();

  /** Where a read goes: by the rules, or pinned by {@link Repo#primary()} / {@link Repo#replica()}. */
  enum Route {
    AUTO,
    PRIMARY,
    REPLICA
  }

  /** A server chosen for one statement. */
  record Target(String name, DataSource dataSource, Replica replica) {
    boolean isPrimary() {
      return replica == null;
    }
  }

  private final DataSource primary;
  private final List<Replica> replicas = new ArrayList<>();
  private final Replicas rules;
  private final Clock clock;
  private final AtomicInteger turn = new AtomicInteger();
  /** The WAL position each thread must see: 0 none, -1 "wrote, position not asked yet". */
  private final ThreadLocal<long[]> seen = ThreadLocal.withInitial(() -> new long[1]);
  private final ThreadLocal<int[]> pinnedToPrimary = ThreadLocal.withInitial(() -> new int[1]);
  /** The primary's WAL position as last asked, and when (nanoTime): what "caught up" means for a replica. */
  private volatile long primaryPosition;
  private volatile long primaryAskedNanos;
  private volatile boolean primaryAsked;

  ReadRouting(DataSource primary, Replicas rules, Clock clock) {
    this.primary = primary;
    this.rules = rules;
    this.clock = clock;
    for (Map.Entry<String, DataSource> server : rules.servers().entrySet()) {
      replicas.add(new Replica(server.getKey(), server.getValue()));
    }
  }

  Target primaryTarget() {
    return new Target(PRIMARY, primary, null);
  }

  /**
   * The server for a read outside a transaction. {@code sql} is looked at only for a row lock;
   * {@code route} is the view's pin.
   */
  Target forRead(String sql, Route route) {
    if (route == Route.PRIMARY || pinnedToPrimary.get()[0] > 0 || LOCKS.matcher(sql).find()) {
      return primaryTarget();
    }
    long needed = route == Route.REPLICA || !rules.readYourWrites() ? 0 : seen.get()[0];
    if (needed < 0) {
      return primaryTarget(); // the first read after a write: the primary, which then tells the position
    }
    int size = replicas.size();
    int start = Math.floorMod(turn.getAndIncrement(), size);
    for (int i = 0; i < size; i++) {
      Replica replica = replicas.get((start + i) % size);
      if (replica.serves(needed)) {
        return new Target(replica.name, replica.dataSource, replica);
      }
    }
    return primaryTarget();
  }

  /** A write ran on the primary for this thread: its next read goes there and learns the position. */
  void wrote() {
    if (rules.readYourWrites()) {
      seen.get()[0] = -1;
    }
  }

  /** Whether the read about to run on the primary should also ask for the WAL position. */
  boolean wantsPosition() {
    return rules.readYourWrites() && seen.get()[0] < 0;
  }

  /** Asks the primary, on the read's own connection, for the position this thread's writes reached. */
  void learnPosition(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT pg_current_wal_lsn()::text")) {
      row.next();
      seen.get()[0] = lsn(row.getString(1));
    }
  }

  /** A replica's connection failed: skip it until its next check. */
  void failed(Target target, Exception cause) {
    if (target.replica != null) {
      target.replica.markDown("failed: " + cause.getMessage());
    }
  }

  /** Runs {@code block} with this thread's reads on the primary. */
  <R> R onPrimary(java.util.function.Supplier<R> block) {
    int[] depth = pinnedToPrimary.get();
    depth[0]++;
    try {
      return block.get();
    } finally {
      depth[0]--;
    }
  }

  /**
   * The primary's WAL position, asked at most once per recheck interval for all replicas; -1 when
   * the primary does not answer (then a replica's lag is the age of its last replayed transaction).
   */
  private long primaryPosition() {
    long now = System.nanoTime();
    if (primaryAsked && now - primaryAskedNanos < rules.recheckEvery().toNanos()) {
      return primaryPosition;
    }
    long position;
    try (Connection connection = primary.getConnection();
        Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(CHECK_TIMEOUT_SECONDS);
      try (ResultSet row = statement.executeQuery("SELECT pg_current_wal_lsn()::text")) {
        row.next();
        position = lsn(row.getString(1));
      }
    } catch (SQLException | RuntimeException e) {
      position = -1;
    }
    primaryPosition = position;
    primaryAskedNanos = now;
    primaryAsked = true;
    return position;
  }

  List<ReplicaStatus> status() {
    return replicas.stream().map(Replica::status).toList();
  }

  /** {@code 16/B374D848} as a number: the high and low 32 bits in hex. */
  static long lsn(String text) {
    if (text == null) {
      return 0;
    }
    int slash = text.indexOf('/');
    return (Long.parseLong(text.substring(0, slash), 16) << 32) | Long.parseLong(text.substring(slash + 1), 16);
  }

  /** One replica and what was last read of it; its check runs on one thread at a time. */
  final class Replica {
    private final String name;
    private final DataSource dataSource;
    private volatile ReplicaStatus status;
    private volatile long replayed;
    private volatile long checkedNanos;
    private volatile boolean everChecked;

    Replica(String name, DataSource dataSource) {
      this.name = name;
      this.dataSource = dataSource;
      this.status = new ReplicaStatus(name, false, Duration.ZERO, null, null, "not checked yet");
    }

    /** Whether this replica may serve a read that must see {@code needed}, checking it again when due. */
    boolean serves(long needed) {
      if (due()) {
        check();
      }
      if (!status.serving()) {
        return false;
      }
      if (needed > replayed) {
        if (System.nanoTime() - checkedNanos >= CATCH_UP_NANOS) {
          check(); // it may have caught up since: one query tells
        }
        return status.serving() && needed <= replayed;
      }
      return true;
    }

    private boolean due() {
      return !everChecked || System.nanoTime() - checkedNanos >= rules.recheckEvery().toNanos();
    }

    private synchronized void check() {
      long now = System.nanoTime();
      long written = primaryPosition();
      try (Connection connection = dataSource.getConnection();
          Statement statement = connection.createStatement()) {
        statement.setQueryTimeout(CHECK_TIMEOUT_SECONDS);
        try (ResultSet row = statement.executeQuery(CHECK)) {
          row.next();
          boolean inRecovery = row.getBoolean(1);
          String position = row.getString(2);
          replayed = lsn(position);
          // Caught up with what the primary had written: no lag, however old its last transaction.
          Duration lag = written >= 0 && replayed >= written ? Duration.ZERO
              : Duration.ofMillis(Math.round(row.getDouble(3)));
          String problem = !inRecovery ? "not in recovery: promoted, or not a replica"
              : lag.compareTo(rules.maxLag()) > 0 ? "lags " + lag.toMillis() + " ms, more than " + rules.maxLag() : null;
          status = new ReplicaStatus(name, inRecovery, lag, position, Instant.now(clock), problem);
        }
      } catch (SQLException | RuntimeException e) {
        status = new ReplicaStatus(name, false, Duration.ZERO, status.replayPosition(), Instant.now(clock),
            "down: " + e.getMessage());
      } finally {
        checkedNanos = now;
        everChecked = true;
      }
    }

    void markDown(String why) {
      status = new ReplicaStatus(name, false, Duration.ZERO, status.replayPosition(), Instant.now(clock), "down: " + why);
      checkedNanos = System.nanoTime();
      everChecked = true;
    }

    ReplicaStatus status() {
      return status;
    }
  }
}
