package io.ecto4j.type;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Parameter binds with Java {@code null} as SQL {@code NULL}, one static method per type: the
 * counterpart of {@link Reads}. The {@code Types} constants bind through them, and generated
 * {@code bindInsert} methods call them directly, a call the JIT inlines rather than one binder call
 * site shared by every type.
 */
public final class Binds {
  private Binds() {}

  /**
   * A string, refused with {@link UnpairedSurrogateException} before anything is set when it is not
   * well-formed UTF-16 (see {@link Utf16}).
   */
  public static void string(PreparedStatement statement, int index, String value) throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.VARCHAR);
    } else {
      Utf16.requireText(value, index);
      statement.setString(index, value);
    }
  }

  public static void booleanOrNull(PreparedStatement statement, int index, Boolean value) throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.BOOLEAN);
    } else {
      statement.setBoolean(index, value);
    }
  }

  public static void shortOrNull(PreparedStatement statement, int index, Short value) throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.SMALLINT);
    } else {
      statement.setShort(index, value);
    }
  }

  public static void integerOrNull(PreparedStatement statement, int index, Integer value) throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.INTEGER);
    } else {
      statement.setInt(index, value);
    }
  }

  public static void longOrNull(PreparedStatement statement, int index, Long value) throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.BIGINT);
    } else {
      statement.setLong(index, value);
    }
  }

  public static void doubleOrNull(PreparedStatement statement, int index, Double value) throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.DOUBLE);
    } else {
      statement.setDouble(index, value);
    }
  }

  public static void decimal(PreparedStatement statement, int index, BigDecimal value) throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.NUMERIC);
    } else {
      statement.setBigDecimal(index, value);
    }
  }

  public static void uuid(PreparedStatement statement, int index, UUID value) throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.OTHER);
    } else {
      statement.setObject(index, value);
    }
  }

  /** A {@code timestamptz} at microsecond precision, PostgreSQL's, sent with its UTC offset. */
  public static void instant(PreparedStatement statement, int index, Instant value) throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      statement.setObject(index, value.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC));
    }
  }

  public static void bytes(PreparedStatement statement, int index, byte[] value) throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.BINARY);
    } else {
      statement.setBytes(index, value);
    }
  }
}
