package io.ecto4j.type;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The built-in {@link FieldType}s, one per supported Java type. Generated companions refer to
 * these constants; see docs/schemas.md for how each maps to PostgreSQL.
 *
 * <pre>{@code
 * FieldType<List<String>> tags = Types.list(Types.STRING);
 * FieldType<Status> status = Types.enumType(Status.class, Status.values());
 * FieldType<Level> level = Types.integerEnum(Level.class, Level.values(), 1, 2, 5);
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
  public static final FieldType<Instant> INSTANT = TimeTypes.instant(ChronoUnit.MICROS);

  /** {@code OffsetDateTime} in {@code timestamptz}, read back at UTC ({@code :utc_datetime_usec}). */
  public static final FieldType<OffsetDateTime> OFFSET_DATE_TIME = TimeTypes.offsetDateTime(ChronoUnit.MICROS);

  /** {@code LocalDateTime} in {@code timestamp}, Ecto's {@code :naive_datetime_usec}. */
  public static final FieldType<LocalDateTime> LOCAL_DATE_TIME = TimeTypes.localDateTime(ChronoUnit.MICROS);

  /** {@code LocalDate} in {@code date}, Ecto's {@code :date}. */
  public static final FieldType<LocalDate> LOCAL_DATE = TimeTypes.localDate();

  /** {@code LocalTime} in {@code time}, Ecto's {@code :time_usec}. */
  public static final FieldType<LocalTime> LOCAL_TIME = TimeTypes.localTime(ChronoUnit.MICROS);

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

  /** {@code Instant} in {@code timestamptz(0)}, whole seconds, Ecto's {@code :utc_datetime}. */
  public static final FieldType<Instant> INSTANT_SECONDS = TimeTypes.instant(ChronoUnit.SECONDS);

  /** {@code OffsetDateTime} in {@code timestamptz(0)}, whole seconds at UTC ({@code :utc_datetime}). */
  public static final FieldType<OffsetDateTime> OFFSET_DATE_TIME_SECONDS =
      TimeTypes.offsetDateTime(ChronoUnit.SECONDS);

  /** {@code LocalDateTime} in {@code timestamp(0)}, whole seconds, Ecto's {@code :naive_datetime}. */
  public static final FieldType<LocalDateTime> LOCAL_DATE_TIME_SECONDS =
      TimeTypes.localDateTime(ChronoUnit.SECONDS);

  /** {@code LocalTime} in {@code time(0)}, whole seconds, Ecto's {@code :time}. */
  public static final FieldType<LocalTime> LOCAL_TIME_SECONDS = TimeTypes.localTime(ChronoUnit.SECONDS);

  /** {@code Duration} in {@code interval}, Ecto's {@code :duration}: an exact amount, microseconds kept. */
  public static final FieldType<Duration> DURATION =
      new ScalarType<>("duration", "interval", Duration.class, java.sql.Types.OTHER,
          Durations::bind, Durations::read, Durations::cast, Durations::literal, ScalarType.byEquals());

  /** A JSON object in {@code jsonb}, Ecto's {@code :map}, read and written with Jackson. */
  public static final FieldType<Map<String, Object>> JSON_MAP = JsonType.MAP;

  /**
   * A Java enum stored as its name in {@code varchar(255)}, like {@code Ecto.Enum}.
   *
   * @param values the constants, {@code Status.values()}, so that no reflection is needed
   */
  public static <E extends Enum<E>> EnumType<E> enumType(Class<E> type, E[] values) {
    return EnumType.strings(type, values);
  }

  /**
   * A Java enum stored as the strings {@code stored} in {@code varchar(255)}, Ecto.Enum's
   * {@code values: [in_progress: "in-progress"]}; what the processor generates for
   * {@code @EnumValue("in-progress")}.
   *
   * @param values the constants, {@code Status.values()}
   * @param stored the stored string of each constant, in the order of {@code values}; all different
   */
  public static <E extends Enum<E>> EnumType<E> enumType(Class<E> type, E[] values, String... stored) {
    if (stored.length != values.length) {
      throw new IllegalArgumentException(type.getName() + " has " + values.length + " constants but "
          + stored.length + " stored strings were given");
    }
    return EnumType.strings(type, values, stored);
  }

  /**
   * A Java enum stored as the integers {@code stored} in {@code integer}, Ecto.Enum's
   * {@code values: [foo: 1, bar: 2]}; what the processor generates for {@code @EnumValue(number = 1)}.
   *
   * @param values the constants, {@code Status.values()}
   * @param stored the stored number of each constant, in the order of {@code values}; all different
   */
  public static <E extends Enum<E>> EnumType<E> integerEnum(Class<E> type, E[] values, int... stored) {
    return EnumType.integers(type, values, stored);
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

  /** The element type of a {@link #list} type; empty for any other type. */
  public static Optional<FieldType<?>> elementOf(FieldType<?> type) {
    return type instanceof ArrayType<?> array ? Optional.of(array.element()) : Optional.empty();
  }

  private static <A, B> CastResult<B> narrow(CastResult<A> result, Function<A, B> convert) {
    return result.isOk() && result.value() != null
        ? CastResult.ok(convert.apply(result.value()))
        : result.isOk() ? CastResult.ok(null) : CastResult.invalid();
  }
}
