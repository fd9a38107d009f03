package io.ecto4j.type;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The built-in {@link FieldType}s, one per supported Java type. Generated companions refer to
 * these constants; see docs/schemas.md for how each maps to PostgreSQL.
 *
 * <pre>{@code
 * FieldType<List<String>> tags = Types.list(Types.STRING);
 * FieldType<Status> status = Types.enumType(Status.class, Status.values());
 * }</pre>
 */
public final class Types {
  private Types() {}

  /** {@code String} in {@code varchar(255)}, Ecto's {@code :string}. */
  public static final FieldType<String> STRING =
      new ScalarType<>("string", "varchar(255)", String.class, java.sql.Types.VARCHAR,
          Binds::string, Reads::string, Casts::string,
          SqlLiterals::quote, ScalarType.byEquals());

  /** {@code String} in {@code text}, for long values ({@code @Field(type = "text")}). */
  public static final FieldType<String> TEXT =
      new ScalarType<>("text", "text", String.class, java.sql.Types.VARCHAR,
          Binds::string, Reads::string, Casts::string,
          SqlLiterals::quote, ScalarType.byEquals());

  /** {@code boolean}/{@code Boolean} in {@code boolean}. */
  public static final FieldType<Boolean> BOOLEAN =
      new ScalarType<>("boolean", "boolean", Boolean.class, java.sql.Types.BOOLEAN,
          Binds::booleanOrNull, Reads::booleanOrNull, Casts::bool,
          String::valueOf, ScalarType.byEquals());

  /** {@code short}/{@code Short} in {@code smallint}. */
  public static final FieldType<Short> SHORT =
      new ScalarType<>("short", "smallint", Short.class, java.sql.Types.SMALLINT,
          Binds::shortOrNull, Reads::shortOrNull,
          in -> narrow(Casts.integer(in, Short.MIN_VALUE, Short.MAX_VALUE), Long::shortValue),
          String::valueOf, ScalarType.byEquals());

  /** {@code int}/{@code Integer} in {@code integer}. */
  public static final FieldType<Integer> INTEGER =
      new ScalarType<>("integer", "integer", Integer.class, java.sql.Types.INTEGER,
          Binds::integerOrNull, Reads::integerOrNull,
          in -> narrow(Casts.integer(in, Integer.MIN_VALUE, Integer.MAX_VALUE), Long::intValue),
          String::valueOf, ScalarType.byEquals());

  /** {@code long}/{@code Long} in {@code bigint}. */
  public static final FieldType<Long> LONG =
      new ScalarType<>("long", "bigint", Long.class, java.sql.Types.BIGINT,
          Binds::longOrNull, Reads::longOrNull,
          in -> Casts.integer(in, Long.MIN_VALUE, Long.MAX_VALUE),
          String::valueOf, ScalarType.byEquals());

  /** {@code double}/{@code Double} in {@code double precision}, Ecto's {@code :float}. */
  public static final FieldType<Double> DOUBLE =
      new ScalarType<>("float", "double precision", Double.class, java.sql.Types.DOUBLE,
          Binds::doubleOrNull, Reads::doubleOrNull, Casts::floating,
          String::valueOf, ScalarType.byEquals());

  /** {@code BigDecimal} in {@code numeric}, Ecto's {@code :decimal}; equal values compare equal. */
  public static final FieldType<BigDecimal> DECIMAL =
      new ScalarType<>("decimal", "numeric", BigDecimal.class, java.sql.Types.NUMERIC,
          Binds::decimal, Reads::decimal, Casts::decimal,
          BigDecimal::toPlainString, (a, b) -> a.compareTo(b) == 0);

  /** {@code UUID} in {@code uuid}, Ecto's {@code :binary_id}. */
  public static final FieldType<UUID> UUID_TYPE =
      new ScalarType<>("uuid", "uuid", UUID.class, java.sql.Types.OTHER,
          Binds::uuid, Reads::uuid, Casts::uuid,
          v -> SqlLiterals.quote(v.toString()), ScalarType.byEquals());

  /** {@code Instant} in {@code timestamptz}, microsecond precision ({@code :utc_datetime_usec}). */
  public static final FieldType<Instant> INSTANT =
      new ScalarType<>("utc_datetime", "timestamptz", Instant.class, java.sql.Types.TIMESTAMP_WITH_TIMEZONE,
          Binds::instant,
          Reads::instant, Casts::instant,
          v -> SqlLiterals.quote(v.toString()), ScalarType.byEquals());

  /** {@code OffsetDateTime} in {@code timestamptz}, read back at UTC. */
  public static final FieldType<OffsetDateTime> OFFSET_DATE_TIME =
      new ScalarType<>("utc_datetime", "timestamptz", OffsetDateTime.class,
          java.sql.Types.TIMESTAMP_WITH_TIMEZONE,
          (s, i, v) -> s.setObject(i, v.truncatedTo(ChronoUnit.MICROS)),
          (r, i) -> utc(r.getTimestamp(i)), Casts::offsetDateTime,
          v -> SqlLiterals.quote(v.toString()), (a, b) -> a.isEqual(b));

  /** {@code LocalDateTime} in {@code timestamp}, Ecto's {@code :naive_datetime_usec}. */
  public static final FieldType<LocalDateTime> LOCAL_DATE_TIME =
      new ScalarType<>("naive_datetime", "timestamp", LocalDateTime.class, java.sql.Types.TIMESTAMP,
          (s, i, v) -> s.setObject(i, v.truncatedTo(ChronoUnit.MICROS)),
          (r, i) -> r.getObject(i, LocalDateTime.class), Casts::localDateTime,
          v -> SqlLiterals.quote(v.toString()), ScalarType.byEquals());

  /** {@code LocalDate} in {@code date}. */
  public static final FieldType<LocalDate> LOCAL_DATE =
      new ScalarType<>("date", "date", LocalDate.class, java.sql.Types.DATE,
          (s, i, v) -> s.setObject(i, v), (r, i) -> r.getObject(i, LocalDate.class), Casts::localDate,
          v -> SqlLiterals.quote(v.toString()), ScalarType.byEquals());

  /** {@code LocalTime} in {@code time}. */
  public static final FieldType<LocalTime> LOCAL_TIME =
      new ScalarType<>("time", "time", LocalTime.class, java.sql.Types.TIME,
          (s, i, v) -> s.setObject(i, v.truncatedTo(ChronoUnit.MICROS)),
          (r, i) -> r.getObject(i, LocalTime.class), Casts::localTime,
          v -> SqlLiterals.quote(v.toString()), ScalarType.byEquals());

  /** {@code byte[]} in {@code bytea}, Ecto's {@code :binary}; compared by content. */
  public static final FieldType<byte[]> BYTES =
      new ScalarType<>("binary", "bytea", byte[].class, java.sql.Types.BINARY,
          Binds::bytes, Reads::bytes, Casts::bytes,
          v -> "'\\x" + java.util.HexFormat.of().formatHex(v) + "'::bytea", Arrays::equals);

  /**
   * Any value, Ecto's {@code :any}: only for virtual fields ({@code @Field(virtual = true) Object
   * anything()}), which are never stored; casting keeps the value as it is.
   */
  public static final FieldType<Object> ANY =
      new ScalarType<>("any", "any", Object.class, java.sql.Types.OTHER,
          (s, i, v) -> s.setObject(i, v), (r, i) -> r.getObject(i), CastResult::ok,
          String::valueOf, ScalarType.byEquals());

  /** A JSON object in {@code jsonb}, Ecto's {@code :map}, read and written with Jackson. */
  public static final FieldType<Map<String, Object>> JSON_MAP = JsonType.MAP;

  /**
   * A Java enum stored as its name in {@code varchar(255)}, like {@code Ecto.Enum}.
   *
   * @param values the constants, {@code Status.values()}, so that no reflection is needed
   */
  public static <E extends Enum<E>> FieldType<E> enumType(Class<E> type, E[] values) {
    return EnumType.of(type, values);
  }

  /** A list of {@code element} values in a PostgreSQL array, Ecto's {@code {:array, inner}}. */
  public static <E> FieldType<List<E>> list(FieldType<E> element) {
    return ArrayType.of(element);
  }

  /**
   * A JSON object in {@code jsonb} whose values are all {@code element}s, Ecto's
   * {@code {:map, inner}}: {@code Types.map(Types.STRING)} for a {@code Map<String, String>}.
   */
  public static <E> FieldType<Map<String, E>> map(FieldType<E> element) {
    return new MapType<>(element);
  }

  private static <A, B> CastResult<B> narrow(CastResult<A> result, Function<A, B> convert) {
    return result.isOk() && result.value() != null
        ? CastResult.ok(convert.apply(result.value()))
        : result.isOk() ? CastResult.ok(null) : CastResult.invalid();
  }

  // A timestamptz read as java.sql.Timestamp is the right instant whatever the JVM's zone, and
  // avoids getObject(OffsetDateTime)'s per-value ZoneRules allocation (see docs/benchmarks.md).
  private static OffsetDateTime utc(java.sql.Timestamp value) {
    return value == null ? null : value.toInstant().atOffset(ZoneOffset.UTC);
  }
}
