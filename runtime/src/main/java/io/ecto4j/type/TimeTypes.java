package io.ecto4j.type;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.function.UnaryOperator;

/**
 * The date and time {@link FieldType}s, at microsecond ({@link ChronoUnit#MICROS}) or second
 * ({@link ChronoUnit#SECONDS}) precision: Ecto's {@code :utc_datetime_usec} and {@code :utc_datetime},
 * and so on. One precision rule for all of them: casting and reading truncate to it; binding a value
 * finer than whole seconds to a seconds type throws {@link TimePrecisionException}, as Ecto's dump
 * raises, while the microsecond types drop nanoseconds (which PostgreSQL cannot hold).
 */
final class TimeTypes {
  private TimeTypes() {}

  static FieldType<Instant> instant(ChronoUnit unit) {
    return temporal("utc_datetime", "timestamptz", unit, Instant.class, java.sql.Types.TIMESTAMP_WITH_TIMEZONE,
        Instant::getNano, Binds::instant, Reads::instant, in -> TimeCasts.map(TimeCasts.utc(in), OffsetDateTime::toInstant),
        v -> v.truncatedTo(unit), ScalarType.byEquals());
  }

  static FieldType<OffsetDateTime> offsetDateTime(ChronoUnit unit) {
    return temporal("utc_datetime", "timestamptz", unit, OffsetDateTime.class, java.sql.Types.TIMESTAMP_WITH_TIMEZONE,
        OffsetDateTime::getNano, (s, i, v) -> s.setObject(i, v.truncatedTo(ChronoUnit.MICROS)),
        Reads::offsetDateTime, TimeCasts::utc, v -> v.truncatedTo(unit), (a, b) -> a.isEqual(b));
  }

  static FieldType<LocalDateTime> localDateTime(ChronoUnit unit) {
    return temporal("naive_datetime", "timestamp", unit, LocalDateTime.class, java.sql.Types.TIMESTAMP,
        LocalDateTime::getNano, (s, i, v) -> s.setObject(i, v.truncatedTo(ChronoUnit.MICROS)),
        Reads::localDateTime, TimeCasts::naive, v -> v.truncatedTo(unit),
        ScalarType.byEquals());
  }

  static FieldType<LocalTime> localTime(ChronoUnit unit) {
    return temporal("time", "time", unit, LocalTime.class, java.sql.Types.TIME,
        LocalTime::getNano, (s, i, v) -> s.setObject(i, v.truncatedTo(ChronoUnit.MICROS)),
        (r, i) -> r.getObject(i, LocalTime.class), TimeCasts::time, v -> v.truncatedTo(unit), ScalarType.byEquals());
  }

  /**
   * A type with a time of day at {@code unit}: named and typed as Ecto's {@code base} or
   * {@code base_usec}, reading and casting truncated to {@code unit}, binding checked by {@link #checked}.
   */
  private static <V> FieldType<V> temporal(String base, String sqlBase, ChronoUnit unit, Class<V> type, int typeCode,
      ToIntFunction<V> nanos, ScalarType.Binder<V> bind, ScalarType.Reader<V> read,
      Function<Object, CastResult<V>> cast, UnaryOperator<V> truncate, BiPredicate<V, V> equality) {
    String name = name(base, unit);
    return new ScalarType<>(name, sql(sqlBase, unit), type, typeCode, checked(name, unit, nanos, bind),
        (r, i) -> truncated(read.read(r, i), truncate), in -> TimeCasts.map(cast.apply(in), truncate),
        v -> SqlLiterals.quote(v.toString()), equality);
  }

  static FieldType<LocalDate> localDate() {
    return new ScalarType<>("date", "date", LocalDate.class, java.sql.Types.DATE,
        (s, i, v) -> s.setObject(i, v), Reads::localDate, TimeCasts::date,
        v -> SqlLiterals.quote(v.toString()), ScalarType.byEquals());
  }

  /** Ecto's names: {@code utc_datetime} keeps seconds, {@code utc_datetime_usec} microseconds. */
  private static String name(String base, ChronoUnit unit) {
    return unit == ChronoUnit.SECONDS ? base : base + "_usec";
  }

  private static String sql(String base, ChronoUnit unit) {
    return unit == ChronoUnit.SECONDS ? base + "(0)" : base;
  }

  private static <V> ScalarType.Binder<V> checked(String name, ChronoUnit unit, ToIntFunction<V> nanos,
      ScalarType.Binder<V> bind) {
    if (unit != ChronoUnit.SECONDS) {
      return bind;
    }
    return (statement, index, value) -> {
      if (nanos.applyAsInt(value) != 0) {
        throw new TimePrecisionException(name, value, index);
      }
      bind.bind(statement, index, value);
    };
  }

  private static <V> V truncated(V value, UnaryOperator<V> truncate) {
    return value == null ? null : truncate.apply(value);
  }
}
