package io.ecto4j.telemetry;

import io.ecto4j.repo.QueryException;
import java.time.Duration;
import java.util.Collection;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs statements through SLF4J as Ecto's logger does: every statement at DEBUG, a statement slower
 * than the threshold at WARN, a failure at ERROR (with its lock report, if any) but a constraint
 * violation, an outcome the caller handles, at DEBUG; each in Ecto's layout, with the parameters.
 * Every repo logs this way on {@code io.ecto4j.query} by itself while that logger is at DEBUG
 * ({@link #debugLog()}); attach one for the WARN and ERROR lines:
 *
 * <pre>
 * QUERY OK source="posts" db=1.2ms queue=0.1ms idle=830.4ms
 * SELECT p0."id", p0."title" FROM "posts" AS p0 WHERE (p0."title" = ?) ["Hello"]
 * ↳ com.acme.Feed.show(Feed.java:42)
 * </pre>
 *
 * <p>Times are in milliseconds to a tenth; {@code decode} and {@code queue} are left out when zero,
 * {@code idle} when unknown. The parameters are the cast ones, strings and UUIDs in quotes, an
 * array as a list; the call site line comes with {@code TelemetryOptions.stacktrace(true)}, as
 * Ecto's {@code stacktrace: true}. A value a write puts in a redacted field is
 * {@code **redacted**}; a value compared with a redacted field is not masked (a query's
 * parameters do not know the field they meet), so keep the DEBUG level off in production where
 * query parameters may be secrets.
 *
 * <pre>{@code
 * Repo repo = Repo.builder().url(url).listener(Slf4jQueryLogger.slowerThan(Duration.ofMillis(200))).build();
 * }</pre>
 */
public final class Slf4jQueryLogger implements QueryListener {
  private static final Logger QUERY_LOG = LoggerFactory.getLogger("io.ecto4j.query");
  /** Every statement at DEBUG and nothing louder: what a repo logs with no logger of the user's. */
  private static final Slf4jQueryLogger DEBUG_LOG = new Slf4jQueryLogger(QUERY_LOG, null);

  private final Logger log;
  /** Slower statements are logged at WARN, failures at ERROR; null: everything at DEBUG. */
  private final Duration threshold;

  private Slf4jQueryLogger(Logger log, Duration threshold) {
    this.log = log;
    this.threshold = threshold;
  }

  /**
   * The log every repo writes by default while {@code io.ecto4j.query} is at DEBUG: each statement
   * at DEBUG, failures included (the caller gets the exception, or the changeset its error).
   */
  public static Slf4jQueryLogger debugLog() {
    return DEBUG_LOG;
  }

  /** Whether {@code io.ecto4j.query} logs at DEBUG, so that repos log every statement. */
  public static boolean debugEnabled() {
    return QUERY_LOG.isDebugEnabled();
  }

  /** Logs to {@code io.ecto4j.query}, warning about statements slower than {@code threshold}. */
  public static Slf4jQueryLogger slowerThan(Duration threshold) {
    return using(QUERY_LOG, threshold);
  }

  public static Slf4jQueryLogger using(Logger log, Duration threshold) {
    return new Slf4jQueryLogger(log, Objects.requireNonNull(threshold, "threshold"));
  }

  @Override
  public void onQuery(QueryEvent event) {
    TelemetryOptions telemetry = event.telemetry();
    if (!telemetry.logged()) {
      return;
    }
    if (telemetry.logLevel().isPresent()) {
      // The caller's level for this statement, whatever its outcome, as Ecto's log: :error.
      log.atLevel(telemetry.logLevel().get()).log(() -> (slow(event) ? "slow " : "") + describe(event)
          + (event.succeeded() ? "" : "\n" + event.failure().getMessage()));
    } else if (!event.succeeded() && (threshold == null || expected(event.failure()))) {
      if (log.isDebugEnabled()) {
        log.debug(describe(event) + "\n" + event.failure().getMessage());
      }
    } else if (!event.succeeded()) {
      log.error(describe(event) + "\n" + event.failure().getMessage() + event.lockWaits().map(r -> "\n" + r).orElse(""));
    } else if (slow(event)) {
      if (log.isWarnEnabled()) {
        log.warn("slow " + describe(event));
      }
    } else if (log.isDebugEnabled()) {
      log.debug(describe(event));
    }
  }

  private boolean slow(QueryEvent event) {
    return threshold != null && event.succeeded() && event.total().compareTo(threshold) >= 0;
  }

  /**
   * A constraint violation (SQLSTATE class 23) is an outcome the caller handles, as a changeset
   * error or as the exception it declared, not an error of the application: DEBUG, with its name.
   */
  private static boolean expected(Throwable failure) {
    return failure instanceof QueryException query && query.sqlState() != null
        && query.sqlState().startsWith("23");
  }

  /** The event in Ecto's log layout: outcome, source and times; the SQL and its parameters; the call site. */
  public static String describe(QueryEvent event) {
    StringBuilder out = new StringBuilder("QUERY ").append(event.succeeded() ? "OK" : "ERROR");
    if (event.table() != null) {
      out.append(" source=\"").append(event.table()).append('"');
    }
    time(out, "db", event.queryTime(), true);
    if (event.table() != null && event.rows() >= 0) {
      out.append(" rows=").append(event.rows());
    }
    time(out, "decode", event.decodeTime(), false);
    time(out, "queue", event.queueTime(), false);
    if (event.idleTime() != null) {
      time(out, "idle", event.idleTime(), true);
    }
    out.append('\n').append(event.sql()).append(' ');
    parameters(out, event.castParameters().isEmpty() ? event.parameters() : event.castParameters());
    if (event.telemetry().stacktrace()) {
      out.append("\n↳ ").append(event.callSite());
    }
    return out.toString();
  }

  /** Ecto's {@code db=1.2ms}: tenths of a millisecond, truncated; an optional time only when not zero. */
  private static void time(StringBuilder out, String label, Duration time, boolean always) {
    long tenths = time.toNanos() / 100_000;
    if (always || tenths > 0) {
      out.append(' ').append(label).append('=').append(tenths / 10).append('.').append(tenths % 10).append("ms");
    }
  }

  /** {@code [1, "text", ["a", "b"]]}: strings and UUIDs in quotes, an array parameter as a list, as Ecto logs them. */
  private static void parameters(StringBuilder out, Collection<?> values) {
    out.append('[');
    int i = 0;
    for (Object value : values) {
      out.append(i++ == 0 ? "" : ", ");
      if (value instanceof Collection<?> elements) {
        parameters(out, elements);
      } else if (value instanceof CharSequence || value instanceof UUID) {
        out.append('"').append(value).append('"');
      } else {
        out.append(value);
      }
    }
    out.append(']');
  }
}
