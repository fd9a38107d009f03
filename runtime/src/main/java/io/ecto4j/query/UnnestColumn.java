package io.ecto4j.query;

import io.ecto4j.type.FieldType;
import io.ecto4j.type.Types;
import io.ecto4j.type.Utf16;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;

/**
 * How one column of an {@code insertAll} of structs travels in the unnest form
 * ({@link UnnestInsert}): all its values in one array parameter that pgjdbc binds cheaply, and the
 * expression that turns an element of the unnested array back into the column's value.
 *
 * <p>Numbers and booleans go as primitive arrays ({@code long[]}, {@code int[]}, {@code short[]},
 * {@code double[]}, {@code boolean[]}), which pgjdbc sends in binary without boxing; a column holding
 * a null goes as the boxed array. Timestamps go as {@code long[]} of microseconds since
 * 2000-01-01 (PostgreSQL's own epoch, so that every value PostgreSQL can hold fits), made back into
 * a timestamp by moving the epoch by whole days of 24 hours and then by microseconds (exact for the
 * whole range, and a {@code timestamptz} is moved by elapsed time, never by a time zone's days);
 * dates as {@code long[]} of days. Strings, UUIDs and decimals go as text arrays, bytes as
 * {@code byte[][]}.
 *
 * <p>Only the built-in types of {@link Types} have a form ({@link #of}); jsonb, arrays, enums,
 * custom types, intervals and times do not, and their inserts keep the {@code VALUES} form. A
 * value the type would refuse to bind (a string with an unpaired surrogate, a fraction of a second
 * in a seconds type, a time out of PostgreSQL's range) has no element either ({@link #fill} gives
 * null), so that the {@code VALUES} form's bind refuses it, with the message it always gave.
 */
final class UnnestColumn {
  /** PostgreSQL's epoch, 2000-01-01, in seconds and days since 1970-01-01. */
  private static final long PG_EPOCH_SECOND = 946_684_800L;
  private static final long PG_EPOCH_DAY = 10_957L;
  private static final long MICROS_PER_DAY = 86_400_000_000L;

  /** Fills a column's array from the values of its rows; null when a value has no element. */
  @FunctionalInterface
  private interface Filler {
    Object fill(int size, IntFunction<Object> valueAt);
  }

  private final String arrayType;
  private final Filler filler;
  private final UnaryOperator<String> value;

  private UnnestColumn(String arrayType, Filler filler, UnaryOperator<String> value) {
    this.arrayType = arrayType;
    this.filler = filler;
    this.value = value;
  }

  private static UnnestColumn plain(String arrayType, Filler filler) {
    return new UnnestColumn(arrayType, filler, UnaryOperator.identity());
  }

  private static final UnnestColumn BIGINT = plain("bigint[]", UnnestColumn::longs);
  private static final UnnestColumn TEXT = plain("text[]", (size, at) -> strings(size, at, true));

  private static final Map<FieldType<?>, UnnestColumn> FORMS = new IdentityHashMap<>();

  static {
    FORMS.put(Types.LONG, BIGINT);
    FORMS.put(Types.INTEGER, plain("integer[]", UnnestColumn::ints));
    FORMS.put(Types.SHORT, plain("smallint[]", UnnestColumn::shorts));
    FORMS.put(Types.DOUBLE, plain("double precision[]", UnnestColumn::doubles));
    FORMS.put(Types.BOOLEAN, plain("boolean[]", UnnestColumn::booleans));
    FORMS.put(Types.STRING, TEXT);
    FORMS.put(Types.TEXT, TEXT);
    FORMS.put(Types.DECIMAL, plain("numeric[]", (size, at) -> strings(size, at, false)));
    FORMS.put(Types.UUID_TYPE, plain("uuid[]", (size, at) -> strings(size, at, false)));
    FORMS.put(Types.BYTES, plain("bytea[]", (size, at) -> copied(size, at, new byte[size][])));
    FORMS.put(Types.INSTANT, instant(false));
    FORMS.put(Types.INSTANT_SECONDS, instant(true));
    FORMS.put(Types.OFFSET_DATE_TIME, offsetDateTime(false));
    FORMS.put(Types.OFFSET_DATE_TIME_SECONDS, offsetDateTime(true));
    FORMS.put(Types.LOCAL_DATE_TIME, timestamp(false));
    FORMS.put(Types.LOCAL_DATE_TIME_SECONDS, timestamp(true));
    FORMS.put(Types.LOCAL_DATE, date());
  }

  /** The unnest form of {@code type}'s columns, or null when it has none. */
  static UnnestColumn of(FieldType<?> type) {
    return FORMS.get(type);
  }

  /** The cast of the array parameter, {@code bigint[]}. */
  String arrayType() {
    return arrayType;
  }

  /** The column's value from {@code element}, the unnested element as SQL ({@code u.c1}). */
  String value(String element) {
    return value.apply(element);
  }

  /** The array of the {@code size} values {@code valueAt} gives; null when one of them has no element. */
  Object fill(int size, IntFunction<Object> valueAt) {
    return filler.fill(size, valueAt);
  }

  // ---------------------------------------------------------------- numbers and booleans

  private static Object longs(int size, IntFunction<Object> at) {
    long[] values = new long[size];
    for (int i = 0; i < size; i++) {
      if (!(at.apply(i) instanceof Long value)) {
        return copied(size, at, new Long[size]);
      }
      values[i] = value;
    }
    return values;
  }

  private static Object ints(int size, IntFunction<Object> at) {
    int[] values = new int[size];
    for (int i = 0; i < size; i++) {
      if (!(at.apply(i) instanceof Integer value)) {
        return copied(size, at, new Integer[size]);
      }
      values[i] = value;
    }
    return values;
  }

  private static Object shorts(int size, IntFunction<Object> at) {
    short[] values = new short[size];
    for (int i = 0; i < size; i++) {
      if (!(at.apply(i) instanceof Short value)) {
        return copied(size, at, new Short[size]);
      }
      values[i] = value;
    }
    return values;
  }

  private static Object doubles(int size, IntFunction<Object> at) {
    double[] values = new double[size];
    for (int i = 0; i < size; i++) {
      if (!(at.apply(i) instanceof Double value)) {
        return copied(size, at, new Double[size]);
      }
      values[i] = value;
    }
    return values;
  }

  private static Object booleans(int size, IntFunction<Object> at) {
    boolean[] values = new boolean[size];
    for (int i = 0; i < size; i++) {
      if (!(at.apply(i) instanceof Boolean value)) {
        return copied(size, at, new Boolean[size]);
      }
      values[i] = value;
    }
    return values;
  }

  /** The values as they are, nulls included, in {@code array} (a column holding a null). */
  private static Object copied(int size, IntFunction<Object> at, Object[] array) {
    for (int i = 0; i < size; i++) {
      array[i] = at.apply(i);
    }
    return array;
  }

  // ---------------------------------------------------------------- text

  /**
   * The values' text; a string ({@code text}) must be well-formed UTF-16, which the {@code VALUES}
   * form's bind checks and refuses ({@link Utf16}), so a string that is not has no element.
   */
  private static Object strings(int size, IntFunction<Object> at, boolean text) {
    String[] values = new String[size];
    for (int i = 0; i < size; i++) {
      Object value = at.apply(i);
      if (value == null) {
        continue;
      }
      String string = value.toString();
      if (text && !Utf16.isWellFormed(string)) {
        return null;
      }
      values[i] = string;
    }
    return values;
  }

  // ---------------------------------------------------------------- dates and times

  /** A date or time as the number its array holds; throws {@link ArithmeticException} when it has no element. */
  @FunctionalInterface
  private interface Element {
    long of(Object value);
  }

  private static UnnestColumn instant(boolean wholeSeconds) {
    return timestamptz(v -> ((Instant) v).getEpochSecond(), v -> ((Instant) v).getNano(), wholeSeconds);
  }

  private static UnnestColumn offsetDateTime(boolean wholeSeconds) {
    return timestamptz(v -> ((OffsetDateTime) v).toEpochSecond(), v -> ((OffsetDateTime) v).getNano(), wholeSeconds);
  }

  private static UnnestColumn timestamptz(ToLongFunction<Object> epochSecond, ToIntFunction<Object> nano,
      boolean wholeSeconds) {
    Element micros = micros(epochSecond, nano, wholeSeconds);
    return new UnnestColumn("bigint[]", (size, at) -> elements(size, at, micros),
        e -> sinceEpoch("timestamptz '2000-01-01 00:00:00+00'", e));
  }

  private static UnnestColumn timestamp(boolean wholeSeconds) {
    Element micros = micros(v -> ((LocalDateTime) v).toEpochSecond(ZoneOffset.UTC), v -> ((LocalDateTime) v).getNano(),
        wholeSeconds);
    return new UnnestColumn("bigint[]", (size, at) -> elements(size, at, micros),
        e -> sinceEpoch("timestamp '2000-01-01 00:00:00'", e));
  }

  /** Days since 2000-01-01, as PostgreSQL's {@code date + integer} takes them. */
  private static UnnestColumn date() {
    return new UnnestColumn("bigint[]",
        (size, at) -> elements(size, at, v -> Math.toIntExact(((LocalDate) v).toEpochDay() - PG_EPOCH_DAY)),
        e -> "date '2000-01-01' + " + e + "::integer");
  }

  /**
   * Microseconds since 2000-01-01, truncated as the binds truncate; a fraction of a second in a
   * seconds type (which its bind refuses) and a time past {@code long} have no element.
   */
  private static Element micros(ToLongFunction<Object> epochSecond, ToIntFunction<Object> nano, boolean wholeSeconds) {
    return value -> {
      int nanos = nano.applyAsInt(value);
      if (wholeSeconds && nanos != 0) {
        throw new ArithmeticException("a fraction of a second in a seconds type");
      }
      return Math.addExact(Math.multiplyExact(epochSecond.applyAsLong(value) - PG_EPOCH_SECOND, 1_000_000L),
          nanos / 1_000);
    };
  }

  /**
   * {@code epoch} moved by {@code micros}: whole days as {@code interval '24 hours'} (a time, not
   * a day: no daylight saving shift) and the microseconds left. Both products are exact in the
   * float8 that PostgreSQL multiplies an interval by, over PostgreSQL's whole range.
   */
  private static String sinceEpoch(String epoch, String micros) {
    return epoch + " + (" + micros + " / " + MICROS_PER_DAY + ") * interval '24 hours' + (" + micros + " % "
        + MICROS_PER_DAY + ") * interval '1 microsecond'";
  }

  /** The values' elements, as {@code long[]}, or {@code Long[]} when one is null; null when one has no element. */
  private static Object elements(int size, IntFunction<Object> at, Element element) {
    long[] values = new long[size];
    boolean nulls = false;
    try {
      for (int i = 0; i < size; i++) {
        Object value = at.apply(i);
        nulls |= value == null;
        values[i] = value == null ? 0 : element.of(value);
      }
    } catch (ArithmeticException noElement) {
      return null;
    }
    if (!nulls) {
      return values;
    }
    Long[] boxed = new Long[size];
    for (int i = 0; i < size; i++) {
      boxed[i] = at.apply(i) == null ? null : values[i];
    }
    return boxed;
  }
}
