package io.ecto4j.type;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Column reads with SQL {@code NULL} as Java {@code null}, one static method per type. The
 * {@link Types} constants read through them, and generated {@code fromRow} methods call them
 * directly, {@code Reads.longOrNull(row, offset + 1)}: a call the JIT inlines, where a read through a
 * {@code FieldType} goes through one shared lambda call site for every type. The primitive getters
 * ask {@code wasNull()} only when they return zero, the one value {@code NULL} comes back as.
 */
public final class Reads {
  private Reads() {}

  public static String string(ResultSet row, int index) throws SQLException {
    return row.getString(index);
  }

  public static Boolean booleanOrNull(ResultSet row, int index) throws SQLException {
    boolean value = row.getBoolean(index);
    return !value && row.wasNull() ? null : value;
  }

  public static Short shortOrNull(ResultSet row, int index) throws SQLException {
    short value = row.getShort(index);
    return value == 0 && row.wasNull() ? null : value;
  }

  public static Integer integerOrNull(ResultSet row, int index) throws SQLException {
    int value = row.getInt(index);
    return value == 0 && row.wasNull() ? null : value;
  }

  public static Long longOrNull(ResultSet row, int index) throws SQLException {
    long value = row.getLong(index);
    return value == 0 && row.wasNull() ? null : value;
  }

  public static Double doubleOrNull(ResultSet row, int index) throws SQLException {
    double value = row.getDouble(index);
    return value == 0 && row.wasNull() ? null : value;
  }

  public static BigDecimal decimal(ResultSet row, int index) throws SQLException {
    return row.getBigDecimal(index);
  }

  public static UUID uuid(ResultSet row, int index) throws SQLException {
    return row.getObject(index, UUID.class);
  }

  /**
   * A {@code timestamptz} as an {@code Instant}, through {@code Timestamp}: exact for
   * {@code timestamptz}, and without the {@code OffsetDateTime} the driver would build (with fresh
   * zone rules per value on JDK 17).
   */
  public static Instant instant(ResultSet row, int index) throws SQLException {
    Timestamp value = row.getTimestamp(index);
    return value == null ? null : value.toInstant();
  }

  /**
   * A {@code timestamptz} as an {@code OffsetDateTime} at UTC, through {@code Timestamp} as
   * {@link #instant} reads it (the driver's own {@code OffsetDateTime} read builds zone rules per value).
   */
  public static OffsetDateTime offsetDateTime(ResultSet row, int index) throws SQLException {
    Timestamp value = row.getTimestamp(index);
    return value == null ? null : value.toInstant().atOffset(ZoneOffset.UTC);
  }

  /** A {@code timestamp} (without time zone) as the driver reads it, with no zone involved. */
  public static LocalDateTime localDateTime(ResultSet row, int index) throws SQLException {
    return row.getObject(index, LocalDateTime.class);
  }

  public static LocalDate localDate(ResultSet row, int index) throws SQLException {
    return row.getObject(index, LocalDate.class);
  }

  public static byte[] bytes(ResultSet row, int index) throws SQLException {
    return row.getBytes(index);
  }
}
