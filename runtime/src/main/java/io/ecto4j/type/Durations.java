package io.ecto4j.type;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.postgresql.util.PGInterval;

/**
 * {@code java.time.Duration} in an {@code interval} column, Ecto's {@code :duration}. A Duration is an
 * exact amount of time, so it is written as seconds and microseconds ({@code '5400 seconds 0
 * microseconds'}, which PostgreSQL keeps in the interval's time part) and an interval's days are read
 * as 24 hours. An interval with months or years has no exact length and fails to load, naming the
 * column; nanoseconds are dropped, as PostgreSQL keeps microseconds.
 */
final class Durations {
  private Durations() {}

  /** The interval input PostgreSQL parses exactly: {@code -2 seconds 500000 microseconds} is -1.5 s. */
  static String text(Duration value) {
    Duration micros = value.truncatedTo(ChronoUnit.MICROS);
    return micros.getSeconds() + " seconds " + micros.getNano() / 1000 + " microseconds";
  }

  static void bind(PreparedStatement statement, int index, Duration value) throws SQLException {
    statement.setObject(index, text(value), java.sql.Types.OTHER);
  }

  static Duration read(ResultSet row, int index) throws SQLException {
    Object stored = row.getObject(index);
    if (stored == null) {
      return null;
    }
    PGInterval interval = stored instanceof PGInterval i ? i : new PGInterval(stored.toString());
    if (interval.getYears() != 0 || interval.getMonths() != 0) {
      throw new SQLException("column " + row.getMetaData().getColumnName(index) + " holds the interval '"
          + interval.getValue() + "' with months or years, which have no fixed length and cannot be a "
          + "java.time.Duration; store days, hours and smaller units only");
    }
    return Duration.ofDays(interval.getDays()).plusHours(interval.getHours()).plusMinutes(interval.getMinutes())
        .plusSeconds(interval.getWholeSeconds()).plus(interval.getMicroSeconds(), ChronoUnit.MICROS);
  }

  /** A Duration, or an ISO 8601 duration string ({@code PT1H30M}, {@code P2DT3H}); months and years are refused. */
  static CastResult<Duration> cast(Object in) {
    if (in instanceof Duration d) {
      return CastResult.ok(d.truncatedTo(ChronoUnit.MICROS));
    }
    if (in instanceof String s && s.length() <= 100) {
      try {
        return CastResult.ok(Duration.parse(s.trim()).truncatedTo(ChronoUnit.MICROS));
      } catch (DateTimeParseException | ArithmeticException e) {
        return CastResult.invalid();
      }
    }
    return CastResult.invalid();
  }

  /** A DDL default: {@code '5400 seconds 0 microseconds'::interval}. */
  static String literal(Duration value) {
    return SqlLiterals.quote(text(value)) + "::interval";
  }
}
