package io.ecto4j.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.type.FieldType;
import io.ecto4j.type.Types;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which types an unnest insert sends as arrays, and what each array holds. */
class UnnestColumnTest {
  private static Object fill(FieldType<?> type, Object... values) {
    List<Object> list = Arrays.asList(values);
    return UnnestColumn.of(type).fill(list.size(), list::get);
  }

  @Test
  void numbersAndBooleansArePrimitiveArraysUnlessOneIsNull() {
    assertThat(fill(Types.LONG, 1L, Long.MIN_VALUE)).isEqualTo(new long[] {1L, Long.MIN_VALUE});
    assertThat(fill(Types.LONG, 1L, null)).isEqualTo(new Long[] {1L, null});
    assertThat(fill(Types.INTEGER, 7, -7)).isEqualTo(new int[] {7, -7});
    assertThat(fill(Types.INTEGER, null, 7)).isEqualTo(new Integer[] {null, 7});
    assertThat(fill(Types.SHORT, (short) 3)).isEqualTo(new short[] {3});
    assertThat(fill(Types.DOUBLE, Double.NaN, -0.0)).isEqualTo(new double[] {Double.NaN, -0.0});
    assertThat(fill(Types.BOOLEAN, true, false)).isEqualTo(new boolean[] {true, false});
    assertThat(fill(Types.BOOLEAN, true, null)).isEqualTo(new Boolean[] {true, null});
    assertThat(UnnestColumn.of(Types.LONG).arrayType()).isEqualTo("bigint[]");
    assertThat(UnnestColumn.of(Types.DOUBLE).arrayType()).isEqualTo("double precision[]");
    assertThat(UnnestColumn.of(Types.LONG).value("u.c1")).isEqualTo("u.c1");
  }

  @Test
  void textUuidAndDecimalGoAsTextAndAStringPostgresqlCannotStoreHasNoElement() {
    UUID id = UUID.fromString("6f1c2f0e-8a51-4b9a-9f5e-0c7c1f1b2a33");
    assertThat(fill(Types.STRING, "a", null, "😀")).isEqualTo(new String[] {"a", null, "😀"});
    assertThat(fill(Types.TEXT, "fine", "lone \uD800")).isNull();
    assertThat(fill(Types.UUID_TYPE, id)).isEqualTo(new String[] {id.toString()});
    assertThat(fill(Types.DECIMAL, new BigDecimal("1.50"), null)).isEqualTo(new String[] {"1.50", null});
    assertThat(UnnestColumn.of(Types.UUID_TYPE).arrayType()).isEqualTo("uuid[]");
    assertThat(fill(Types.BYTES, new byte[] {1, 0}, null)).isEqualTo(new byte[][] {{1, 0}, null});
  }

  @Test
  void timesAreMicrosecondsSincePostgresqlsEpochTruncatedAsBindsTruncate() {
    Instant justAfter = Instant.parse("2000-01-01T00:00:00.000001999Z");
    Instant before1970 = Instant.parse("1969-12-31T23:59:59.999999Z");
    assertThat(fill(Types.INSTANT, justAfter, before1970, null))
        .isEqualTo(new Long[] {1L, -946_684_800_000_001L, null});
    assertThat(fill(Types.OFFSET_DATE_TIME, OffsetDateTime.of(2000, 1, 1, 1, 0, 0, 0, ZoneOffset.ofHours(1))))
        .isEqualTo(new long[] {0L});
    assertThat(fill(Types.LOCAL_DATE_TIME, LocalDateTime.of(2000, 1, 2, 0, 0))).isEqualTo(new long[] {86_400_000_000L});
    assertThat(fill(Types.LOCAL_DATE, LocalDate.of(1999, 12, 31), null)).isEqualTo(new Long[] {-1L, null});
    assertThat(UnnestColumn.of(Types.INSTANT).value("u.c2")).isEqualTo("timestamptz '2000-01-01 00:00:00+00'"
        + " + (u.c2 / 86400000000) * interval '24 hours' + (u.c2 % 86400000000) * interval '1 microsecond'");
    assertThat(UnnestColumn.of(Types.LOCAL_DATE).value("u.c1")).isEqualTo("date '2000-01-01' + u.c1::integer");
  }

  @Test
  void aValueASecondsTypeRefusesOrOutOfRangeHasNoElement() {
    assertThat(fill(Types.INSTANT_SECONDS, Instant.parse("2026-01-01T00:00:01Z"))).isNotNull();
    assertThat(fill(Types.INSTANT_SECONDS, Instant.parse("2026-01-01T00:00:01.5Z"))).isNull();
    assertThat(fill(Types.OFFSET_DATE_TIME_SECONDS, OffsetDateTime.parse("2026-01-01T00:00:01.000001Z"))).isNull();
    assertThat(fill(Types.LOCAL_DATE_TIME_SECONDS, LocalDateTime.of(2026, 1, 1, 0, 0, 0, 1_000))).isNull();
    assertThat(fill(Types.INSTANT, Instant.MAX)).isNull();
    assertThat(fill(Types.LOCAL_DATE, LocalDate.MAX)).isNull();
  }

  @Test
  void typesWithoutACheapArrayFormHaveNone() {
    assertThat(UnnestColumn.of(Types.list(Types.STRING))).isNull();
    assertThat(UnnestColumn.of(Types.JSON_MAP)).isNull();
    assertThat(UnnestColumn.of(Types.enumType(Shade.class, Shade.values()))).isNull();
    assertThat(UnnestColumn.of(Types.LOCAL_TIME)).isNull();
    assertThat(UnnestColumn.of(Types.DURATION)).isNull();
    assertThat(UnnestColumn.of(Types.ANY)).isNull();
  }

  private enum Shade { LIGHT, DARK }
}
