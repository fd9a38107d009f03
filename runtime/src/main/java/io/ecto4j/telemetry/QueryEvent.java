package io.ecto4j.telemetry;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One statement a repo ran, with Ecto's time breakdown: the metadata and measurements of Ecto's
 * {@code [:my_app, :repo, :query]} telemetry event. A transaction's {@code BEGIN}, {@code COMMIT}
 * and {@code ROLLBACK} are events too, with {@code sql} {@code "begin"}, {@code "commit"} and
 * {@code "rollback"}, as Ecto logs them.
 *
 * @param sql the statement text with {@code ?} placeholders: already a normalised "shape"
 * @param source the operation and table, e.g. {@code "SELECT comments"}; {@link #table()} is the table alone
 * @param parameterCount the number of placeholders
 * @param parameters the values as given, in placeholder order: a query's values, the list given to
 *     {@code repo.query}, the id given to {@code repo.get} ({@code "42"}), a changeset write's row,
 *     changes, key and filters; a value written to a redacted field is {@code **redacted**}; empty
 *     when not known (a transaction's {@code begin})
 * @param castParameters the same values cast to the types they are bound with, Ecto's
 *     {@code cast_params}: {@code 42L} for the id {@code "42"}; a query's values are typed when it is
 *     written, so for a query they are its parameters
 * @param rows rows returned or changed; -1 when unknown (a stream, a failure)
 * @param queueTime waiting for a pooled connection; zero inside a transaction or a checkout, whose
 *     connection is already held
 * @param queryTime running the statement until its first result
 * @param decodeTime reading and mapping the rows
 * @param total queue, query and decode time, as Ecto's {@code total_time} (idle time is not part of it)
 * @param idleTime how long the connection had sat in the pool since ecto4j last gave it back,
 *     Ecto's {@code idle_time}; zero inside a transaction or a checkout; null when ecto4j had not
 *     used the connection before (a new one, or a pool that is not HikariCP's), see docs/production.md
 * @param callSite the first caller frame outside ecto4j
 * @param failure the exception the statement failed with, or null
 * @param lockReport for a statement that failed on {@code lock_timeout} (SQLSTATE 55P03), the
 *     {@link LockWaits} report taken at that moment; else null
 * @param threadId the thread that ran the statement
 * @param telemetry the repo's telemetry options: the event's name and the caller's options
 * @param stacktrace the running thread's stack, innermost first, when {@link TelemetryOptions#stacktrace()} asks; else empty
 * @param server the server that ran the statement: {@code primary}, or a replica's name (see {@code Replicas})
 */
public record QueryEvent(String sql, String source, int parameterCount, List<Object> parameters,
    List<Object> castParameters, long rows, Duration queueTime, Duration queryTime, Duration decodeTime,
    Duration total, Duration idleTime, String callSite, RuntimeException failure, String lockReport, long threadId,
    TelemetryOptions telemetry, List<StackTraceElement> stacktrace, String server) {
  private static final Pattern TABLE = Pattern.compile(
      "(?i)\\b(?:FROM|INTO|UPDATE|JOIN)\\s+((?:\"[^\"]+\"|\\w+)(?:\\.(?:\"[^\"]+\"|\\w+))?)");

  /** An event of a statement the primary ran: the form before replicas named their server. */
  public QueryEvent(String sql, String source, int parameterCount, List<Object> parameters,
      List<Object> castParameters, long rows, Duration queueTime, Duration queryTime, Duration decodeTime,
      Duration total, Duration idleTime, String callSite, RuntimeException failure, String lockReport, long threadId,
      TelemetryOptions telemetry, List<StackTraceElement> stacktrace) {
    this(sql, source, parameterCount, parameters, castParameters, rows, queueTime, queryTime, decodeTime, total,
        idleTime, callSite, failure, lockReport, threadId, telemetry, stacktrace, "primary");
  }

  public boolean succeeded() {
    return failure == null;
  }

  public Optional<String> lockWaits() {
    return Optional.ofNullable(lockReport);
  }

  /**
   * The table the statement reads or writes first, Ecto's {@code source} metadata: {@code "posts"},
   * or {@code "tenant_a.posts"} with a prefix; null for a statement that names none ({@code begin}).
   */
  public String table() {
    int space = source.indexOf(' ');
    return space < 0 ? null : source.substring(space + 1);
  }

  /** The operation and the first table a statement names: {@code SELECT comments}, {@code INSERT posts}. */
  public static String sourceOf(String sql) {
    String trimmed = sql.stripLeading();
    int space = trimmed.indexOf(' ');
    String verb = (space < 0 ? trimmed : trimmed.substring(0, space)).toUpperCase(Locale.ROOT);
    Matcher table = TABLE.matcher(trimmed);
    return table.find() ? verb + " " + table.group(1).replace("\"", "") : verb;
  }

  /** The {@code ?} placeholders outside quotes. */
  public static int parameterCount(String sql) {
    int count = 0;
    char quote = 0;
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '?') {
        count++;
      }
    }
    return count;
  }
}
