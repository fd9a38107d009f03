package io.ecto4j.dashboard.internal;

import java.time.Duration;
import java.util.List;

/**
 * The Health page's questions, in the spirit of ecto_psql_extras and PgHero, each one statement on
 * the statistics views of the current database. Column names carry their unit for the page:
 * {@code _bytes} is a size, {@code _ms} a duration, {@code _seconds} an age, {@code _ratio} a
 * fraction shown as a percentage.
 */
public final class HealthChecks {
  /** One question: its id, its title, why one asks it, and the statement that answers it. */
  public record Check(String id, String title, String why, String sql, List<Object> parameters) {}

  private static final String USER_RELATIONS = "n.nspname NOT IN ('pg_catalog', 'information_schema') "
      + "AND n.nspname NOT LIKE 'pg_toast%'";

  private HealthChecks() {}

  /** The checks, with long-running queries meaning running longer than {@code longRunning}. */
  public static List<Check> all(Duration longRunning, boolean inRecovery) {
    return List.of(
        check("cache_hit", "Cache hit ratios",
            "below 99% the working set does not fit in shared_buffers: reads go to disk",
            """
            SELECT 'tables' AS relations,
                   sum(heap_blks_hit)::float8 / nullif(sum(heap_blks_hit) + sum(heap_blks_read), 0) AS hit_ratio,
                   sum(heap_blks_hit) AS blocks_hit, sum(heap_blks_read) AS blocks_read
            FROM pg_statio_user_tables
            UNION ALL
            SELECT 'indexes', sum(idx_blks_hit)::float8 / nullif(sum(idx_blks_hit) + sum(idx_blks_read), 0),
                   sum(idx_blks_hit), sum(idx_blks_read)
            FROM pg_statio_user_indexes"""),
        check("index_usage", "Index usage",
            "a large table mostly read by sequential scans is missing an index (see the Queries page's plans)",
            """
            SELECT schemaname || '.' || relname AS "table",
                   coalesce(idx_scan, 0)::float8 / nullif(seq_scan + coalesce(idx_scan, 0), 0) AS index_use_ratio,
                   seq_scan, coalesce(idx_scan, 0) AS idx_scan, n_live_tup AS live_rows
            FROM pg_stat_user_tables ORDER BY n_live_tup DESC, relname LIMIT 50"""),
        check("seq_scans", "Sequential scans",
            "many scans reading many rows each: a filter no index serves",
            """
            SELECT schemaname || '.' || relname AS "table", seq_scan, seq_tup_read AS rows_read,
                   seq_tup_read / nullif(seq_scan, 0) AS rows_per_scan, n_live_tup AS live_rows
            FROM pg_stat_user_tables WHERE seq_scan > 0 ORDER BY seq_tup_read DESC, relname LIMIT 50"""),
        check("unused_indexes", "Unused indexes",
            "never scanned since the statistics were reset, yet written on every insert and update; "
                + "drop them (concurrently) if replicas do not use them either",
            """
            SELECT s.schemaname || '.' || s.relname AS "table", s.indexrelname AS index,
                   pg_relation_size(s.indexrelid) AS index_bytes, s.idx_scan AS index_scans
            FROM pg_stat_user_indexes s JOIN pg_index i ON i.indexrelid = s.indexrelid
            WHERE s.idx_scan = 0 AND NOT i.indisunique AND NOT i.indisprimary
            ORDER BY pg_relation_size(s.indexrelid) DESC, s.indexrelname LIMIT 50"""),
        check("duplicate_indexes", "Duplicate indexes",
            "indexes on the same columns, with the same operator classes, expressions and predicate: keep one",
            """
            SELECT i.indrelid::regclass::text AS "table",
                   string_agg(i.indexrelid::regclass::text, ', ' ORDER BY i.indexrelid::regclass::text) AS indexes,
                   sum(pg_relation_size(i.indexrelid))::bigint AS total_bytes
            FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE %s
            GROUP BY i.indrelid, i.indkey::text, i.indclass::text, coalesce(i.indexprs::text, ''),
                     coalesce(i.indpred::text, '')
            HAVING count(*) > 1 ORDER BY 1""".formatted(USER_RELATIONS)),
        check("bloat", "Bloat estimate",
            "dead rows not yet vacuumed, and the share of the table they take: an estimate from the "
                + "statistics, not a page scan; a high share with an old vacuum means autovacuum cannot keep up",
            """
            SELECT schemaname || '.' || relname AS "table", n_live_tup AS live_rows, n_dead_tup AS dead_rows,
                   n_dead_tup::float8 / nullif(n_live_tup + n_dead_tup, 0) AS dead_ratio,
                   (pg_table_size(relid) * n_dead_tup / nullif(n_live_tup + n_dead_tup, 0))::bigint AS wasted_bytes
            FROM pg_stat_user_tables ORDER BY n_dead_tup DESC, relname LIMIT 50"""),
        check("table_sizes", "Table sizes",
            "where the disk goes: the heap, its indexes, and the total with TOAST",
            """
            SELECT n.nspname || '.' || c.relname AS "table", pg_total_relation_size(c.oid) AS total_bytes,
                   pg_table_size(c.oid) AS table_bytes, pg_indexes_size(c.oid) AS indexes_bytes,
                   greatest(c.reltuples, 0)::bigint AS estimated_rows
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p', 'm') AND %s
            ORDER BY 2 DESC, 1 LIMIT 50""".formatted(USER_RELATIONS)),
        check("index_sizes", "Index sizes",
            "large indexes that are rarely scanned cost writes and cache for nothing",
            """
            SELECT schemaname || '.' || relname AS "table", indexrelname AS index,
                   pg_relation_size(indexrelid) AS index_bytes, idx_scan AS index_scans
            FROM pg_stat_user_indexes ORDER BY 3 DESC, 2 LIMIT 50"""),
        check("vacuum", "Vacuum and analyze",
            "how long since each table was vacuumed and analyzed (by hand or by autovacuum); stale "
                + "statistics give bad plans",
            """
            SELECT schemaname || '.' || relname AS "table",
                   extract(epoch FROM now() - greatest(last_vacuum, last_autovacuum))::bigint AS since_vacuum_seconds,
                   extract(epoch FROM now() - greatest(last_analyze, last_autoanalyze))::bigint AS since_analyze_seconds,
                   n_mod_since_analyze AS changed_since_analyze, n_dead_tup AS dead_rows
            FROM pg_stat_user_tables ORDER BY relname LIMIT 100"""),
        new Check("long_running", "Long-running queries",
            "statements of this database running longer than " + longRunning.toMillis() + " ms",
            """
            SELECT pid, state, (extract(epoch FROM clock_timestamp() - query_start) * 1000)::bigint AS running_ms,
                   coalesce(wait_event_type || ':' || wait_event, '') AS wait_event,
                   (extract(epoch FROM clock_timestamp() - xact_start) * 1000)::bigint AS transaction_ms,
                   coalesce(application_name, '') AS application, query
            FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND state IS NOT NULL
              AND state <> 'idle' AND clock_timestamp() - query_start > make_interval(secs => ?)
            ORDER BY 3 DESC LIMIT 50""", List.of(longRunning.toMillis() / 1000.0)),
        check("connections", "Connections by state",
            "'idle in transaction' holds locks and snapshots: a transaction left open",
            """
            SELECT coalesce(state, backend_type) AS state, count(*) AS connections,
                   greatest(0, (extract(epoch FROM max(clock_timestamp() - state_change)) * 1000)::bigint) AS longest_in_state_ms
            FROM pg_stat_activity WHERE datname = current_database() OR datname IS NULL
            GROUP BY 1 ORDER BY 2 DESC, 1"""),
        inRecovery
            ? check("replication", "Replication lag",
                "this server is a replica: how far its replay is behind the primary",
                """
                SELECT 'this server' AS replica,
                       (extract(epoch FROM now() - pg_last_xact_replay_timestamp()) * 1000)::bigint AS replay_lag_ms,
                       pg_wal_lsn_diff(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn())::bigint AS lag_bytes""")
            : check("replication", "Replication lag",
                "replicas streaming from this server, and how far behind each one replays (none: no replica)",
                """
                SELECT coalesce(application_name, '') AS replica, coalesce(client_addr::text, 'local') AS address,
                       state, (extract(epoch FROM replay_lag) * 1000)::bigint AS replay_lag_ms,
                       pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)::bigint AS lag_bytes
                FROM pg_stat_replication ORDER BY 1"""));
  }

  /** The page's header: database size, connections, and the server's version. */
  public static final String SUMMARY = """
      SELECT current_database() AS database, pg_database_size(current_database()) AS database_bytes,
             (SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()) AS connections,
             current_setting('max_connections')::int AS max_connections,
             split_part(current_setting('server_version'), ' ', 1) AS server_version,
             pg_is_in_recovery() AS replica,
             (SELECT (extract(epoch FROM now() - stats_reset))::bigint FROM pg_stat_database
               WHERE datname = current_database()) AS since_stats_reset_seconds""";

  private static Check check(String id, String title, String why, String sql) {
    return new Check(id, title, why, sql, List.of());
  }
}
