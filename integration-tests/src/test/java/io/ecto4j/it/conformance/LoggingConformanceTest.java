package io.ecto4j.it.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.it.schemas.BlogSchema;
import io.ecto4j.it.schemas.Posts;
import io.ecto4j.query.Update;
import io.ecto4j.repo.QueryException;
import io.ecto4j.repo.Repo;
import io.ecto4j.telemetry.Slf4jQueryLogger;
import io.ecto4j.telemetry.TelemetryOptions;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** {@link Slf4jQueryLogger} logs as Ecto's SQL logger: outcome, source and times, the SQL and its parameters. */
@EctoTest
class LoggingConformanceTest {
  @BeforeAll
  static void tables(TestDatabase db) throws SQLException {
    BlogSchema.create(db);
  }

  /** Every line logged, with its level, at every level. */
  static final class CapturedLog extends LegacyAbstractLogger {
    final List<String> lines = new ArrayList<>();
    boolean debugEnabled = true;

    CapturedLog() {
      this.name = "captured";
    }

    String all() {
      return String.join("\n", lines);
    }

    @Override
    public boolean isTraceEnabled() {
      return true;
    }

    @Override
    public boolean isDebugEnabled() {
      return debugEnabled;
    }

    @Override
    public boolean isInfoEnabled() {
      return true;
    }

    @Override
    public boolean isWarnEnabled() {
      return true;
    }

    @Override
    public boolean isErrorEnabled() {
      return true;
    }

    @Override
    protected String getFullyQualifiedCallerName() {
      return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] args, Throwable t) {
      lines.add("[" + level + "] " + MessageFormatter.basicArrayFormat(pattern, args));
    }
  }

  private static Repo logged(Repo repo, CapturedLog log) {
    return repo.withListener(Slf4jQueryLogger.using(log, Duration.ofHours(1)));
  }

  /** Ports ecto_sql integration_test/sql/logging.exs "for queries": all, update_all and delete_all log their parameters in order. */
  @Test
  void forQueries(Repo repo) {
    CapturedLog log = new CapturedLog();
    Repo logged = logged(repo, log);
    logged.all(Posts.query().where(Posts.VIEW_COUNT.eq(1)).where(Posts.TITLE.eq("uuid")));
    logged.updateAll(Posts.query().where(Posts.VIEW_COUNT.eq(1)).where(Posts.TITLE.eq("uuid")), Update.set(Posts.VIEW_COUNT, 2));
    logged.deleteAll(Posts.query().where(Posts.VIEW_COUNT.eq(1)).where(Posts.TITLE.eq("uuid")));

    assertThat(log.lines).hasSize(3);
    assertThat(log.lines.get(0)).startsWith("[DEBUG] QUERY OK source=\"posts\" db=").contains("\nSELECT ")
        .endsWith(" [1, \"uuid\"]");
    assertThat(log.lines.get(1)).contains("\nUPDATE ").endsWith(" [2, 1, \"uuid\"]");
    assertThat(log.lines.get(2)).contains("\nDELETE ").endsWith(" [1, \"uuid\"]");
  }

  /** Ports ecto_sql integration_test/sql/logging.exs "for queries with stream". */
  @Test
  void forQueriesWithStream(Repo repo) {
    CapturedLog log = new CapturedLog();
    logged(repo, log).stream(Posts.query().where(Posts.VIEW_COUNT.eq(1)).where(Posts.TITLE.eq("uuid")), rows -> rows.count());

    assertThat(log.all()).contains(" [1, \"uuid\"]");
  }

  /** Ports ecto_sql integration_test/sql/logging.exs "includes stacktraces". */
  @Test
  void includesStacktraces(Repo repo) {
    CapturedLog log = new CapturedLog();
    logged(repo, log).withTelemetry(TelemetryOptions.defaults().stacktrace(true)).all(Posts.query());
    logged(repo, log).all(Posts.query());

    assertThat(log.lines.get(0)).contains("\n↳ " + LoggingConformanceTest.class.getName() + ".includesStacktraces(LoggingConformanceTest.java:");
    assertThat(log.lines.get(1)).doesNotContain("↳");
  }

  /** Ports ecto_sql integration_test/sql/logging.exs "when some measurements are nil": a failed statement logs at error. */
  @Test
  void whenSomeMeasurementsAreNil(Repo repo) {
    CapturedLog log = new CapturedLog();
    assertThatThrownBy(() -> logged(repo, log).query("BEG", List.of(), row -> 1)).isInstanceOf(QueryException.class);

    assertThat(log.all()).startsWith("[ERROR] QUERY ERROR db=").contains("\nBEG []").contains("syntax error");
  }

  /** Ports the log of ecto_sql integration_test/pg/migrations_test.exs "logs locking and transaction commands": {@code begin []}, {@code commit []}. */
  @Test
  void logsTransactionCommands(Repo repo) {
    CapturedLog log = new CapturedLog();
    Repo logged = logged(repo, log);
    logged.transaction(tx -> logged.all(Posts.query()));

    assertThat(log.lines).hasSize(3);
    assertThat(log.lines.get(0)).startsWith("[DEBUG] QUERY OK db=").endsWith("\nbegin []");
    assertThat(log.lines.get(2)).endsWith("\ncommit []");
  }

  /** Regression test for issue #19: hand-written SQL logs its parameters as given, strings quoted, nulls as null. */
  @Test
  void handWrittenSqlLogsItsParameters(Repo repo) {
    CapturedLog log = new CapturedLog();
    logged(repo, log).query("SELECT ?::text, ?::int, ?::text", java.util.Arrays.asList("x", 2, null), row -> 1);

    assertThat(log.all()).endsWith("SELECT ?::text, ?::int, ?::text [\"x\", 2, null]");
  }

  /** Regression test for issue #19: a slow statement is a warning in the same layout. */
  @Test
  void slowStatementsAreWarnings(Repo repo) {
    CapturedLog log = new CapturedLog();
    repo.withListener(Slf4jQueryLogger.using(log, Duration.ZERO)).all(Posts.query().where(Posts.TITLE.eq("slow")));

    assertThat(log.all()).startsWith("[WARN] slow QUERY OK source=\"posts\" db=").endsWith(" [\"slow\"]");
  }

  /**
   * Ports ecto_sql integration_test/sql/logging.exs "logging with custom log level": a statement
   * logs at the level its telemetry options give, Ecto's {@code log: :error}, and not at all with
   * {@code log(false)} (the events still reach other listeners).
   */
  @Test
  void withCustomLogLevel(Repo repo) {
    CapturedLog log = new CapturedLog();
    List<String> seen = new ArrayList<>();
    Repo logged = logged(repo, log).withListener(event -> seen.add(event.sql()));

    logged.withTelemetry(TelemetryOptions.defaults().log(Level.ERROR)).all(Posts.query());
    logged.withTelemetry(TelemetryOptions.defaults().log(true)).all(Posts.query());
    logged.withTelemetry(TelemetryOptions.defaults().log(false)).all(Posts.query());

    assertThat(log.lines).hasSize(2);
    assertThat(log.lines.get(0)).startsWith("[ERROR] QUERY OK source=\"posts\"");
    assertThat(log.lines.get(1)).startsWith("[DEBUG] QUERY OK source=\"posts\"");
    assertThat(seen).hasSize(3);
  }

  /**
   * Ports ecto_sql integration_test/sql/logging.exs "logging with a log: true override when
   * logging is disabled" and "with unspecified :log option when logging is disabled": with the
   * logger's level off, nothing is logged and nothing fails.
   */
  @Test
  void withALogTrueOverrideWhenLoggingIsDisabled(Repo repo) {
    CapturedLog log = new CapturedLog();
    log.debugEnabled = false;
    Repo logged = logged(repo, log);

    assertThat(logged.withTelemetry(TelemetryOptions.defaults().log(true)).all(Posts.query())).isEmpty();
    assertThat(logged.all(Posts.query())).isEmpty();
    assertThat(log.lines).isEmpty();
  }
}
