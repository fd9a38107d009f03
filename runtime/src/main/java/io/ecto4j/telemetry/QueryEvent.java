package io.ecto4j.telemetry;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One statement a repo ran, with Ecto's time breakdown.
 *
 * @param sql the statement text with {@code ?} placeholders: already a normalised "shape"
 * @param source the operation and table, e.g. {@code "SELECT comments"}
 * @param parameterCount the number of placeholders
 * @param parameters the bound values when the statement came from a query, else empty
 * @param rows rows returned or changed; -1 when unknown (a stream, a failure)
 * @param queueTime waiting for a pooled connection (zero inside a transaction)
 * @param queryTime running the statement until its first result
 * @param decodeTime reading and mapping the rows
 * @param total all three
 * @param callSite the first caller frame outside ecto4j
 * @param failure the exception the statement failed with, or null
 * @param lockReport for a statement that failed on {@code lock_timeout} (SQLSTATE 55P03), the
 *     {@link LockWaits} report taken at that moment; else null
 * @param threadId the thread that ran the statement
 */
public record QueryEvent(String sql, String source, int parameterCount, List<Object> parameters, long rows,
    Duration queueTime, Duration queryTime, Duration decodeTime, Duration total, String callSite,
    RuntimeException failure, String lockReport, long threadId) {
  private static final Pattern TABLE = Pattern.compile(
      "(?i)\\b(?:FROM|INTO|UPDATE|JOIN)\\s+((?:\"[^\"]+\"|\\w+)(?:\\.(?:\"[^\"]+\"|\\w+))?)");

  public boolean succeeded() {
    return failure == null;
  }

  public Optional<String> lockWaits() {
    return Optional.ofNullable(lockReport);
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
