package io.ecto4j.type;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Ports of the casting tests of Ecto's {@code test/ecto/type_test.exs} for {@code :date}, {@code :time},
 * {@code :time_usec}, {@code :naive_datetime(_usec)} and {@code :utc_datetime(_usec)} (issue #17). Ecto's
 * maps with atom keys and with string keys are the same Java map (string keys); its
 * {@code %DateTime{}} is an {@code OffsetDateTime} or {@code ZonedDateTime}, its {@code %NaiveDateTime{}}
 * a {@code LocalDateTime}.
 */
class TimeCastConformanceTest {
  private static final LocalDate DATE = LocalDate.of(2015, 12, 31);
  private static final LocalTime TIME = LocalTime.of(23, 50, 7);
  private static final LocalTime TIME_ZERO = LocalTime.of(23, 50);
  private static final LocalTime TIME_USEC = LocalTime.of(23, 50, 7, 30_000_000);
  private static final LocalDateTime NAIVE = LocalDateTime.of(2015, 1, 23, 23, 50, 7);
  private static final LocalDateTime NAIVE_ZERO = LocalDateTime.of(2015, 1, 23, 23, 50);
  private static final LocalDateTime NAIVE_USEC = LocalDateTime.of(2015, 1, 23, 23, 50, 7, 8_000_000);
  private static final LocalDateTime LEAP = LocalDateTime.of(2000, 2, 29, 23, 50, 7);
  /** Ecto's {@code @non_utc_datetime}: 2020-06-01 00:30:07.008 in Berlin's summer time. */
  private static final ZonedDateTime NON_UTC =
      ZonedDateTime.of(2020, 6, 1, 0, 30, 7, 8_000_000, ZoneId.of("Europe/Berlin"));

  private static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  private static <V> CastResult<V> ok(V value) {
    return CastResult.ok(value);
  }

  private static boolean invalid(FieldType<?> type, Object in) {
    return !type.cast(in).isOk();
  }

  private static Instant utc(LocalDateTime naive) {
    return naive.toInstant(ZoneOffset.UTC);
  }

  /** Ports type_test.exs "{:supertype, :datetime}": every date-time type casts naive strings, maps and values. */
  @Test
  void supertypeDatetime() {
    LocalDateTime value = LocalDateTime.of(2010, 4, 17, 14, 0);
    assertThat(Types.LOCAL_DATE_TIME.cast(value)).isEqualTo(ok(value));
    assertThat(Types.LOCAL_DATE_TIME.cast(value.withNano(123_000_000))).isEqualTo(ok(value.withNano(123_000_000)));
    assertThat(Types.LOCAL_DATE_TIME.cast("2010-04-17 14:00:00")).isEqualTo(ok(value));
    assertThat(Types.LOCAL_DATE_TIME.cast(map("year", 2010, "month", 4, "day", 17, "hour", 14, "minute", 0,
        "second", 0))).isEqualTo(ok(value));
    assertThat(Types.INSTANT.cast("2010-04-17 14:00:00")).isEqualTo(ok(utc(value)));
  }

  /** Ports type_test.exs "date / cast". */
  @Test
  void dateCast() {
    FieldType<LocalDate> date = Types.LOCAL_DATE;
    assertThat(date.cast(DATE)).isEqualTo(ok(DATE));
    assertThat(date.cast("2015-12-31")).isEqualTo(ok(DATE));
    assertThat(date.cast("2000-02-29")).isEqualTo(ok(LocalDate.of(2000, 2, 29)));
    for (String bad : new String[] {"2015-00-23", "2015-13-23", "2015-01-00", "2015-01-32", "2015-02-29", "1900-02-29"}) {
      assertThat(invalid(date, bad)).as(bad).isTrue();
    }
    assertThat(date.cast(map("year", "2015", "month", "12", "day", "31"))).isEqualTo(ok(DATE));
    assertThat(date.cast(map("year", 2015, "month", 12, "day", 31))).isEqualTo(ok(DATE));
    assertThat(date.cast(map("year", "", "month", "", "day", ""))).isEqualTo(ok(null));
    assertThat(date.cast(map("year", null, "month", null, "day", null))).isEqualTo(ok(null));
    assertThat(invalid(date, map("year", "2015", "month", "", "day", "31"))).isTrue();
    assertThat(invalid(date, map("year", "2015", "month", null, "day", "31"))).isTrue();
    assertThat(invalid(date, map("year", "2015", "month", null))).isTrue();
    assertThat(invalid(date, map("year", "", "month", "01", "day", "30"))).isTrue();
    assertThat(invalid(date, map("year", null, "month", "01", "day", "30"))).isTrue();
    assertThat(date.cast(Instant.ofEpochSecond(10))).isEqualTo(ok(LocalDate.of(1970, 1, 1)));
    assertThat(date.cast(NON_UTC)).isEqualTo(ok(LocalDate.of(2020, 5, 31)));
    assertThat(date.cast(NON_UTC.toOffsetDateTime())).isEqualTo(ok(LocalDate.of(2020, 5, 31)));
    assertThat(date.cast(LocalDateTime.of(1970, 1, 1, 12, 23, 34))).isEqualTo(ok(LocalDate.of(1970, 1, 1)));
    assertThat(invalid(date, LocalTime.of(12, 23, 34))).isTrue();
    assertThat(date.cast("2015-12-31T00:00:00")).isEqualTo(ok(DATE));
    assertThat(date.cast("2015-12-31 00:00:00")).isEqualTo(ok(DATE));
  }

  /** Ports type_test.exs "time / cast": whole seconds, a fraction is truncated. */
  @Test
  void timeCast() {
    FieldType<LocalTime> time = Types.LOCAL_TIME_SECONDS;
    assertThat(time.cast(TIME)).isEqualTo(ok(TIME));
    assertThat(time.cast(TIME_USEC)).isEqualTo(ok(TIME));
    assertThat(time.cast(TIME_ZERO)).isEqualTo(ok(TIME_ZERO));
    assertThat(time.cast("23:50")).isEqualTo(ok(TIME_ZERO));
    for (String good : new String[] {"23:50:07", "23:50:07Z", "23:50:07.030000", "23:50:07.030000Z"}) {
      assertThat(time.cast(good)).as(good).isEqualTo(ok(TIME));
    }
    for (String bad : new String[] {"24:01", "00:61", "00:00.123", "00:00Z", "24:01:01", "00:61:00", "00:00:61",
        "00:00:009", "00:00:00.A00"}) {
      assertThat(invalid(time, bad)).as(bad).isTrue();
    }
    assertThat(time.cast(map("hour", "23", "minute", "50", "second", "07"))).isEqualTo(ok(TIME));
    assertThat(time.cast(map("hour", 23, "minute", 50, "second", 7))).isEqualTo(ok(TIME));
    assertThat(time.cast(map("hour", "", "minute", ""))).isEqualTo(ok(null));
    assertThat(time.cast(map("hour", null, "minute", null))).isEqualTo(ok(null));
    assertThat(time.cast(map("hour", "23", "minute", "50"))).isEqualTo(ok(TIME_ZERO));
    assertThat(time.cast(map("hour", 23, "minute", 50))).isEqualTo(ok(TIME_ZERO));
    assertThat(time.cast(map("hour", 23, "minute", 50, "second", 7, "microsecond", 30_000))).isEqualTo(ok(TIME));
    assertThat(invalid(time, map("hour", "", "minute", "50"))).isTrue();
    assertThat(invalid(time, map("hour", 23, "minute", null))).isTrue();
    assertThat(time.cast(LocalDateTime.of(2016, 11, 11, 23, 30, 10))).isEqualTo(ok(LocalTime.of(23, 30, 10)));
    assertThat(invalid(time, LocalDate.of(2016, 11, 11))).isTrue();
  }

  /** Ports type_test.exs "time_usec / cast from Time". */
  @Test
  void timeUsecCastFromTime() {
    assertThat(Types.LOCAL_TIME.cast(TIME_USEC)).isEqualTo(ok(TIME_USEC));
    assertThat(Types.LOCAL_TIME.cast(TIME_ZERO)).isEqualTo(ok(TIME_ZERO));
    assertThat(Types.LOCAL_TIME.cast(TIME_USEC.plusNanos(999))).as("nanoseconds dropped").isEqualTo(ok(TIME_USEC));
  }

  /** Ports type_test.exs "time_usec / cast from binary". */
  @Test
  void timeUsecCastFromString() {
    FieldType<LocalTime> time = Types.LOCAL_TIME;
    assertThat(time.cast("23:50:00")).isEqualTo(ok(TIME_ZERO));
    assertThat(time.cast("23:50:00Z")).isEqualTo(ok(TIME_ZERO));
    for (String good : new String[] {"23:50:07.03", "23:50:07.03Z", "23:50:07.030000", "23:50:07.030000Z"}) {
      assertThat(time.cast(good)).as(good).isEqualTo(ok(TIME_USEC));
    }
    for (String bad : new String[] {"24:01:01", "00:61:00", "00:00:61", "00:00:009", "00:00:00.A00"}) {
      assertThat(invalid(time, bad)).as(bad).isTrue();
    }
  }

  /** Ports type_test.exs "time_usec / cast from map". */
  @Test
  void timeUsecCastFromMap() {
    FieldType<LocalTime> time = Types.LOCAL_TIME;
    assertThat(time.cast(map("hour", "23", "minute", "50", "second", "00"))).isEqualTo(ok(TIME_ZERO));
    assertThat(time.cast(map("hour", 23, "minute", 50, "second", 0))).isEqualTo(ok(TIME_ZERO));
    assertThat(time.cast(map("hour", "", "minute", ""))).isEqualTo(ok(null));
    assertThat(time.cast(map("hour", null, "minute", null))).isEqualTo(ok(null));
    assertThat(time.cast(map("hour", "23", "minute", "50"))).isEqualTo(ok(TIME_ZERO));
    assertThat(time.cast(map("hour", 23, "minute", 50, "second", 7, "microsecond", 30_000))).isEqualTo(ok(TIME_USEC));
    assertThat(time.cast(map("hour", "23", "minute", "50", "second", "07", "microsecond", "30000")))
        .isEqualTo(ok(TIME_USEC));
    assertThat(invalid(time, map("hour", "", "minute", "50"))).isTrue();
    assertThat(invalid(time, map("hour", 23, "minute", null))).isTrue();
    assertThat(invalid(time, map("hour", 23, "minute", 50, "microsecond", -1))).as("negative").isTrue();
    assertThat(invalid(time, map("hour", 23, "minute", 50, "second", "x"))).as("not a number").isTrue();
  }

  /** Ports type_test.exs "time_usec / cast from NaiveDateTime". */
  @Test
  void timeUsecCastFromNaiveDateTime() {
    assertThat(Types.LOCAL_TIME.cast(LocalDateTime.of(2016, 11, 11, 23, 30, 10))).isEqualTo(ok(LocalTime.of(23, 30, 10)));
  }

  /** Ports type_test.exs "time_usec / cast from DateTime": the wall clock time. */
  @Test
  void timeUsecCastFromDateTime() {
    OffsetDateTime utc = OffsetDateTime.of(2016, 11, 11, 23, 30, 10, 0, ZoneOffset.UTC);
    assertThat(Types.LOCAL_TIME.cast(utc)).isEqualTo(ok(LocalTime.of(23, 30, 10)));
    assertThat(Types.LOCAL_TIME.cast(utc.atZoneSameInstant(ZoneOffset.UTC))).isEqualTo(ok(LocalTime.of(23, 30, 10)));
  }

  /** Ports type_test.exs "time_usec / cast from Date". */
  @Test
  void timeUsecCastFromDate() {
    assertThat(invalid(Types.LOCAL_TIME, LocalDate.of(2016, 11, 11))).isTrue();
  }

  /** Ports type_test.exs "naive_datetime / casting naive datetime". */
  @Test
  void naiveDatetimeCast() {
    FieldType<LocalDateTime> naive = Types.LOCAL_DATE_TIME_SECONDS;
    assertThat(naive.cast(NAIVE)).isEqualTo(ok(NAIVE));
    assertThat(naive.cast(NAIVE_USEC)).isEqualTo(ok(NAIVE));
    assertThat(naive.cast(LEAP)).isEqualTo(ok(LEAP));
    assertThat(naive.cast("2015-01-23 23:50")).isEqualTo(ok(NAIVE_ZERO));
    for (String good : new String[] {"2015-01-23 23:50:07", "2015-01-23T23:50:07", "2015-01-23T23:50:07Z",
        "2015-01-23T23:50:07.008000", "2015-01-23T23:50:07.008000Z"}) {
      assertThat(naive.cast(good)).as(good).isEqualTo(ok(NAIVE));
    }
    assertThat(naive.cast("2000-02-29T23:50:07")).isEqualTo(ok(LEAP));
    for (String bad : new String[] {"2015-01-23P23:50:07", "2015-01-23 23:50.123", "2015-01-23 23:50Z"}) {
      assertThat(invalid(naive, bad)).as(bad).isTrue();
    }
    assertThat(naive.cast(map("year", "2015", "month", "1", "day", "23", "hour", "23", "minute", "50",
        "second", "07"))).isEqualTo(ok(NAIVE));
    assertThat(naive.cast(map("year", 2015, "month", 1, "day", 23, "hour", 23, "minute", 50, "second", 7)))
        .isEqualTo(ok(NAIVE));
    assertThat(naive.cast(map("year", "", "month", "", "day", "", "hour", "", "minute", ""))).isEqualTo(ok(null));
    assertThat(naive.cast(map("year", null, "month", null, "day", null, "hour", null, "minute", null)))
        .isEqualTo(ok(null));
    assertThat(naive.cast(map("year", "2015", "month", "1", "day", "23", "hour", "23", "minute", "50")))
        .isEqualTo(ok(NAIVE_ZERO));
    assertThat(naive.cast(map("year", 2015, "month", 1, "day", 23, "hour", 23, "minute", 50, "second", 7,
        "microsecond", 8_000))).isEqualTo(ok(NAIVE));
    assertThat(invalid(naive, map("year", "2015", "month", "1", "day", "23", "hour", "", "minute", "50"))).isTrue();
    assertThat(invalid(naive, map("year", 2015, "month", 1, "day", 23, "hour", 23, "minute", null))).isTrue();
    assertThat(invalid(naive, map("year", "", "month", "", "day", "", "hour", "23", "minute", "50", "second", "07")))
        .isTrue();
    assertThat(invalid(naive, map("year", null, "month", null, "day", null, "hour", 23, "minute", 50, "second", 7)))
        .isTrue();
    assertThat(invalid(naive, map("year", "2015", "month", "1", "day", "23", "hour", "", "minute", ""))).isTrue();
    assertThat(invalid(naive, map("year", 2015, "month", 1, "day", 23, "hour", null, "minute", null))).isTrue();
    assertThat(naive.cast(Instant.ofEpochSecond(10))).isEqualTo(ok(LocalDateTime.of(1970, 1, 1, 0, 0, 10)));
    assertThat(naive.cast(NON_UTC)).isEqualTo(ok(LocalDateTime.of(2020, 5, 31, 22, 30, 7)));
    assertThat(invalid(naive, TIME)).isTrue();
    assertThat(invalid(naive, 1)).isTrue();
  }

  /** Ports type_test.exs "naive_datetime / cast negative datetime". */
  @Test
  void naiveDatetimeCastNegative() {
    assertThat(Types.LOCAL_DATE_TIME_SECONDS.cast("-2015-01-23 23:50"))
        .isEqualTo(ok(LocalDateTime.of(-2015, 1, 23, 23, 50)));
    assertThat(Types.LOCAL_DATE_TIME_SECONDS.cast("-2015-01-23 23:50:07"))
        .isEqualTo(ok(LocalDateTime.of(-2015, 1, 23, 23, 50, 7)));
    assertThat(invalid(Types.LOCAL_DATE_TIME_SECONDS, "-2015-01-23 23:50:07bad")).isTrue();
  }

  /** Ports type_test.exs "naive_datetime_usec / cast from NaiveDateTime". */
  @Test
  void naiveDatetimeUsecCastFromNaive() {
    assertThat(Types.LOCAL_DATE_TIME.cast(NAIVE_ZERO)).isEqualTo(ok(NAIVE_ZERO));
    assertThat(Types.LOCAL_DATE_TIME.cast(NAIVE_USEC)).isEqualTo(ok(NAIVE_USEC));
    assertThat(Types.LOCAL_DATE_TIME.cast(LEAP)).isEqualTo(ok(LEAP));
  }

  /** Ports type_test.exs "naive_datetime_usec / cast from binary". */
  @Test
  void naiveDatetimeUsecCastFromString() {
    FieldType<LocalDateTime> naive = Types.LOCAL_DATE_TIME;
    for (String zero : new String[] {"2015-01-23 23:50:00", "2015-01-23T23:50:00", "2015-01-23T23:50:00Z"}) {
      assertThat(naive.cast(zero)).as(zero).isEqualTo(ok(NAIVE_ZERO));
    }
    assertThat(naive.cast("2000-02-29T23:50:07")).isEqualTo(ok(LEAP));
    assertThat(naive.cast("2015-01-23T23:50:07.008000")).isEqualTo(ok(NAIVE_USEC));
    assertThat(naive.cast("2015-01-23T23:50:07.008000Z")).isEqualTo(ok(NAIVE_USEC));
    assertThat(invalid(naive, "2015-01-23P23:50:07")).isTrue();
  }

  /** Ports type_test.exs "naive_datetime_usec / cast from map". */
  @Test
  void naiveDatetimeUsecCastFromMap() {
    FieldType<LocalDateTime> naive = Types.LOCAL_DATE_TIME;
    assertThat(naive.cast(map("year", "2015", "month", "1", "day", "23", "hour", "23", "minute", "50",
        "second", "00"))).isEqualTo(ok(NAIVE_ZERO));
    assertThat(naive.cast(map("year", "", "month", "", "day", "", "hour", "", "minute", ""))).isEqualTo(ok(null));
    assertThat(naive.cast(map("year", 2015, "month", 1, "day", 23, "hour", 23, "minute", 50))).isEqualTo(ok(NAIVE_ZERO));
    assertThat(naive.cast(map("year", 2015, "month", 1, "day", 23, "hour", 23, "minute", 50, "second", 7,
        "microsecond", 8_000))).isEqualTo(ok(NAIVE_USEC));
    assertThat(naive.cast(map("year", "2015", "month", "1", "day", "23", "hour", "23", "minute", "50",
        "second", "07", "microsecond", "8000"))).isEqualTo(ok(NAIVE_USEC));
    assertThat(invalid(naive, map("year", "2015", "month", "1", "day", "23", "hour", "", "minute", "50"))).isTrue();
    assertThat(invalid(naive, map("year", 2015, "month", 1, "day", 23, "hour", 23, "minute", null))).isTrue();
  }

  /** Ports type_test.exs "naive_datetime_usec / cast from DateTime": taken to UTC. */
  @Test
  void naiveDatetimeUsecCastFromDateTime() {
    assertThat(Types.LOCAL_DATE_TIME.cast(Instant.ofEpochSecond(10))).isEqualTo(ok(LocalDateTime.of(1970, 1, 1, 0, 0, 10)));
    assertThat(Types.LOCAL_DATE_TIME.cast(NON_UTC)).isEqualTo(ok(LocalDateTime.of(2020, 5, 31, 22, 30, 7, 8_000_000)));
  }

  /** Ports type_test.exs "naive_datetime_usec / cast from Time". */
  @Test
  void naiveDatetimeUsecCastFromTime() {
    assertThat(invalid(Types.LOCAL_DATE_TIME, TIME)).isTrue();
  }

  /** Ports type_test.exs "naive_datetime_usec / cast from integer". */
  @Test
  void naiveDatetimeUsecCastFromInteger() {
    assertThat(invalid(Types.LOCAL_DATE_TIME, 1)).isTrue();
  }

  /** Ports type_test.exs "utc_datetime / cast": offsets applied, naive strings and maps taken as UTC, seconds kept. */
  @Test
  void utcDatetimeCast() {
    FieldType<Instant> utc = Types.INSTANT_SECONDS;
    assertThat(utc.cast(utc(NAIVE))).isEqualTo(ok(utc(NAIVE)));
    assertThat(utc.cast(utc(NAIVE_USEC))).isEqualTo(ok(utc(NAIVE)));
    assertThat(utc.cast(utc(LEAP))).isEqualTo(ok(utc(LEAP)));
    assertThat(utc.cast("2015-01-23 23:50")).isEqualTo(ok(utc(NAIVE_ZERO)));
    for (String good : new String[] {"2015-01-23 23:50:07", "2015-01-23T23:50:07", "2015-01-23T23:50:07Z",
        "2015-01-24T09:50:07+10:00", "2015-01-23T23:50:07.008000", "2015-01-23T23:50:07.008000Z",
        "2015-01-23T17:50:07.008000-06:00"}) {
      assertThat(utc.cast(good)).as(good).isEqualTo(ok(utc(NAIVE)));
    }
    assertThat(utc.cast("2000-02-29T23:50:07")).isEqualTo(ok(utc(LEAP)));
    for (String bad : new String[] {"2015-01-23P23:50:07", "2015-01-23 23:50.123", "2015-01-23 23:50Z"}) {
      assertThat(invalid(utc, bad)).as(bad).isTrue();
    }
    assertThat(utc.cast(map("year", "2015", "month", "1", "day", "23", "hour", "23", "minute", "50",
        "second", "07"))).isEqualTo(ok(utc(NAIVE)));
    assertThat(utc.cast(ZonedDateTime.of(2015, 1, 24, 9, 50, 7, 0, ZoneId.of("Etc/GMT-10")))).isEqualTo(ok(utc(NAIVE)));
    assertThat(utc.cast(map("year", "", "month", "", "day", "", "hour", "", "minute", ""))).isEqualTo(ok(null));
    assertThat(utc.cast(map("year", 2015, "month", 1, "day", 23, "hour", 23, "minute", 50))).isEqualTo(ok(utc(NAIVE_ZERO)));
    assertThat(utc.cast(map("year", 2015, "month", 1, "day", 23, "hour", 23, "minute", 50, "second", 7,
        "microsecond", 8_000))).isEqualTo(ok(utc(NAIVE)));
    assertThat(invalid(utc, map("year", "2015", "month", "1", "day", "23", "hour", "", "minute", "50"))).isTrue();
    assertThat(invalid(utc, map("year", 2015, "month", 1, "day", 23, "hour", 23, "minute", null))).isTrue();
    assertThat(invalid(utc, LocalTime.of(12, 23, 34))).isTrue();
    assertThat(invalid(utc, 1)).isTrue();
    assertThat(Types.OFFSET_DATE_TIME_SECONDS.cast("2015-01-24T09:50:07.5+10:00"))
        .isEqualTo(ok(OffsetDateTime.of(NAIVE, ZoneOffset.UTC)));
  }

  /** Ports type_test.exs "utc_datetime / cast negative datetime". */
  @Test
  void utcDatetimeCastNegative() {
    assertThat(Types.INSTANT_SECONDS.cast("-2015-01-23 23:50"))
        .isEqualTo(ok(utc(LocalDateTime.of(-2015, 1, 23, 23, 50))));
    assertThat(Types.INSTANT_SECONDS.cast("-2015-01-23 23:50:07"))
        .isEqualTo(ok(utc(LocalDateTime.of(-2015, 1, 23, 23, 50, 7))));
    assertThat(invalid(Types.INSTANT_SECONDS, "-2015-01-23 23:50:07bad")).isTrue();
  }

  /** Ports type_test.exs "utc_datetime_usec / cast from DateTime": any zone taken to UTC, microseconds kept. */
  @Test
  void utcDatetimeUsecCastFromDateTime() {
    assertThat(Types.INSTANT.cast(utc(NAIVE_ZERO))).isEqualTo(ok(utc(NAIVE_ZERO)));
    assertThat(Types.INSTANT.cast(utc(NAIVE_USEC))).isEqualTo(ok(utc(NAIVE_USEC)));
    ZonedDateTime berlin = ZonedDateTime.of(2015, 1, 24, 0, 50, 7, 8_000_000, ZoneId.of("Europe/Berlin"));
    assertThat(Types.INSTANT.cast(berlin)).isEqualTo(ok(utc(NAIVE_USEC)));
    assertThat(Types.OFFSET_DATE_TIME.cast(berlin.toOffsetDateTime()))
        .isEqualTo(ok(OffsetDateTime.of(NAIVE_USEC, ZoneOffset.UTC)));
  }

  /** Ports type_test.exs "utc_datetime_usec / cast from binary". */
  @Test
  void utcDatetimeUsecCastFromString() {
    FieldType<Instant> utc = Types.INSTANT;
    for (String zero : new String[] {"2015-01-23 23:50:00", "2015-01-23T23:50:00", "2015-01-23T23:50:00Z",
        "2015-01-24T09:50:00+10:00"}) {
      assertThat(utc.cast(zero)).as(zero).isEqualTo(ok(utc(NAIVE_ZERO)));
    }
    for (String usec : new String[] {"2015-01-23T23:50:07.008000", "2015-01-23T23:50:07.008000Z",
        "2015-01-23T17:50:07.008000-06:00"}) {
      assertThat(utc.cast(usec)).as(usec).isEqualTo(ok(utc(NAIVE_USEC)));
    }
    assertThat(utc.cast("2000-02-29T23:50:07.008")).isEqualTo(ok(utc(LEAP.withNano(8_000_000))));
    assertThat(invalid(utc, "2015-01-23P23:50:07")).isTrue();
  }

  /** Ports type_test.exs "utc_datetime_usec / cast from map". */
  @Test
  void utcDatetimeUsecCastFromMap() {
    FieldType<Instant> utc = Types.INSTANT;
    assertThat(utc.cast(map("year", "2015", "month", "1", "day", "23", "hour", "23", "minute", "50",
        "second", "00"))).isEqualTo(ok(utc(NAIVE_ZERO)));
    assertThat(utc.cast(ZonedDateTime.of(2015, 1, 24, 9, 50, 7, 8_000_000, ZoneId.of("Etc/GMT-10"))))
        .isEqualTo(ok(utc(NAIVE_USEC)));
    assertThat(utc.cast(map("year", null, "month", null, "day", null, "hour", null, "minute", null))).isEqualTo(ok(null));
    assertThat(utc.cast(map("year", 2015, "month", 1, "day", 23, "hour", 23, "minute", 50, "second", 7,
        "microsecond", 8_000))).isEqualTo(ok(utc(NAIVE_USEC)));
    assertThat(invalid(utc, map("year", "2015", "month", "1", "day", "23", "hour", "", "minute", "50"))).isTrue();
    assertThat(invalid(utc, map("year", 2015, "month", 1, "day", 23, "hour", 23, "minute", null))).isTrue();
  }

  /** Ports type_test.exs "utc_datetime_usec / cast from Time". */
  @Test
  void utcDatetimeUsecCastFromTime() {
    assertThat(invalid(Types.INSTANT, LocalTime.of(12, 23, 34))).isTrue();
  }

  /** Ports type_test.exs "utc_datetime_usec / cast from integer". */
  @Test
  void utcDatetimeUsecCastFromInteger() {
    assertThat(invalid(Types.INSTANT, 1)).isTrue();
  }

  /** The seconds types' names, column types and Ecto names. */
  @Test
  void namesAndColumnTypes() {
    assertThat(Types.INSTANT_SECONDS.name()).isEqualTo("utc_datetime");
    assertThat(Types.INSTANT.name()).isEqualTo("utc_datetime_usec");
    assertThat(Types.LOCAL_DATE_TIME_SECONDS.sqlType()).isEqualTo("timestamp(0)");
    assertThat(Types.LOCAL_TIME_SECONDS.sqlType()).isEqualTo("time(0)");
    assertThat(Types.OFFSET_DATE_TIME_SECONDS.sqlType()).isEqualTo("timestamptz(0)");
    assertThat(Types.list(Types.INSTANT_SECONDS).sqlType()).isEqualTo("timestamptz(0)[]");
  }
}
