package io.ecto4j.telemetry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Who blocks whom right now, from {@code pg_stat_activity} and {@code pg_blocking_pids} (which reads
 * {@code pg_locks}): step 2 of the runbook, "review lock wait events and identify the transaction
 * owners".
 *
 * <pre>{@code
 * for (LockWaits.Wait wait : LockWaits.current(dataSource)) {
 *   log.warn("{} waits {} on {}", wait.blockedPid(), wait.waiting(), wait.blockingPid());
 * }
 * }</pre>
 */
public final class LockWaits {
  /** One blocked session and one session it waits for. */
  public record Wait(int blockedPid, String blockedQuery, String waitEvent, Duration waiting,
      Duration blockedTransactionAge, int blockingPid, String blockingQuery, String blockingState,
      Duration blockingTransactionAge, String lockedRelations) {
    @Override
    public String toString() {
      return "pid " + blockedPid + " (" + blockedQuery + ") has waited " + waiting.toMillis() + " ms on " + waitEvent
          + " for pid " + blockingPid + " [" + blockingState + ", transaction open "
          + blockingTransactionAge.toMillis() + " ms, last query: " + blockingQuery + "]"
          + (lockedRelations == null ? "" : " on " + lockedRelations);
    }
  }

  /** An open transaction holding locks: a candidate owner of a wait that already timed out. */
  public record Holder(int pid, String state, Duration transactionAge, String query, String relations) {
    @Override
    public String toString() {
      return "pid " + pid + " [" + state + ", transaction open " + transactionAge.toMillis() + " ms, last query: "
          + query + "] holds locks on " + relations;
    }
  }

  // Ages use clock_timestamp(), not now(): now() is when the statement (or its transaction) began,
  // which can precede a waiter's query_start seen in pg_stat_activity, giving a negative wait.
  private static final String WAITS = """
      SELECT w.pid, w.query, coalesce(w.wait_event_type || ':' || w.wait_event, ''),
             (extract(epoch FROM clock_timestamp() - w.query_start) * 1000)::bigint,
             (extract(epoch FROM clock_timestamp() - coalesce(w.xact_start, clock_timestamp())) * 1000)::bigint,
             b.pid, b.query, b.state,
             (extract(epoch FROM clock_timestamp() - coalesce(b.xact_start, clock_timestamp())) * 1000)::bigint,
             (SELECT string_agg(DISTINCT l.relation::regclass::text, ', ') FROM pg_locks l
               WHERE l.pid = b.pid AND l.relation IS NOT NULL AND l.mode LIKE '%Exclusive%')
      FROM pg_stat_activity w
      CROSS JOIN LATERAL unnest(pg_blocking_pids(w.pid)) AS blocking(pid)
      JOIN pg_stat_activity b ON b.pid = blocking.pid
      WHERE w.datname = current_database()
      ORDER BY 4 DESC""";

  private static final String HOLDERS = """
      SELECT a.pid, a.state, (extract(epoch FROM clock_timestamp() - a.xact_start) * 1000)::bigint, a.query,
             string_agg(DISTINCT l.relation::regclass::text, ', ')
      FROM pg_stat_activity a JOIN pg_locks l ON l.pid = a.pid AND l.granted AND l.relation IS NOT NULL
      WHERE a.datname = current_database() AND a.pid <> pg_backend_pid() AND a.xact_start IS NOT NULL
        AND l.mode IN ('RowExclusiveLock', 'RowShareLock', 'ShareRowExclusiveLock', 'ExclusiveLock',
                       'AccessExclusiveLock', 'ShareUpdateExclusiveLock', 'ShareLock')
      GROUP BY a.pid, a.state, a.xact_start, a.query
      ORDER BY 3 DESC""";

  private LockWaits() {}

  /** The sessions of this database waiting for a lock, each with a session that blocks it, longest wait first. */
  public static List<Wait> current(DataSource dataSource) {
    return read(dataSource, WAITS, row -> new Wait(row.getInt(1), row.getString(2), row.getString(3),
        Duration.ofMillis(row.getLong(4)), Duration.ofMillis(row.getLong(5)), row.getInt(6), row.getString(7),
        row.getString(8), Duration.ofMillis(row.getLong(9)), row.getString(10)));
  }

  /** Open transactions of other sessions holding locks that block writers, oldest first. */
  public static List<Holder> holders(DataSource dataSource) {
    return read(dataSource, HOLDERS, row -> new Holder(row.getInt(1), row.getString(2),
        Duration.ofMillis(row.getLong(3)), row.getString(4), row.getString(5)));
  }

  /**
   * A printable report: current waits, and the open transactions holding locks. Never throws: a
   * failure to read the catalog becomes the report's text, as it is attached to failing statements.
   */
  public static String describe(DataSource dataSource) {
    try {
      StringBuilder report = new StringBuilder("lock waits:\n");
      List<Wait> waits = current(dataSource);
      if (waits.isEmpty()) {
        report.append("  (no session is waiting now)\n");
      }
      waits.forEach(w -> report.append("  ").append(w).append('\n'));
      report.append("open transactions holding locks:\n");
      holders(dataSource).forEach(h -> report.append("  ").append(h).append('\n'));
      return report.toString();
    } catch (RuntimeException e) {
      return "lock waits: could not read pg_stat_activity: " + e.getMessage();
    }
  }

  private interface Row<T> {
    T read(ResultSet row) throws SQLException;
  }

  private static <T> List<T> read(DataSource dataSource, String sql, Row<T> mapper) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql);
        ResultSet rows = statement.executeQuery()) {
      List<T> found = new ArrayList<>();
      while (rows.next()) {
        found.add(mapper.read(rows));
      }
      return found;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read pg_stat_activity/pg_locks: " + e.getMessage(), e);
    }
  }
}
