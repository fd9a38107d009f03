package io.ecto4j.type;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TypesCastTest {
  enum Color { RED, GREEN }

  @Test
  void stringsAcceptOnlyStrings() {
    assertThat(Types.STRING.cast("hi")).isEqualTo(CastResult.ok("hi"));
    assertThat(Types.STRING.cast(42).isOk()).isFalse();
    assertThat(Types.STRING.cast(List.of("a")).isOk()).isFalse();
    assertThat(Types.STRING.cast(null)).isEqualTo(CastResult.ok(null));
  }

  @Test
  void booleansAcceptFormAndJsonSpellings() {
    assertThat(Types.BOOLEAN.cast("true").value()).isTrue();
    assertThat(Types.BOOLEAN.cast("0").value()).isFalse();
    assertThat(Types.BOOLEAN.cast(false).value()).isFalse();
    assertThat(Types.BOOLEAN.cast("yes").isOk()).isFalse();
    assertThat(Types.BOOLEAN.cast(1).isOk()).isFalse();
  }

  @Test
  void integersAreRangeChecked() {
    assertThat(Types.INTEGER.cast("42").value()).isEqualTo(42);
    assertThat(Types.INTEGER.cast(42L).value()).isEqualTo(42);
    assertThat(Types.INTEGER.cast("2147483648").isOk()).isFalse();
    assertThat(Types.SHORT.cast(40000).isOk()).isFalse();
    assertThat(Types.LONG.cast(new BigInteger("9223372036854775808")).isOk()).isFalse();
    assertThat(Types.INTEGER.cast("4.2").isOk()).isFalse();
    assertThat(Types.INTEGER.cast(4.0).isOk()).isFalse();
    assertThat(Types.INTEGER.cast(Map.of()).isOk()).isFalse();
    assertThat(Types.INTEGER.cast("9".repeat(100_000)).isOk()).isFalse();
  }

  @Test
  void floatsRefuseNanAndInfinity() {
    assertThat(Types.DOUBLE.cast("1.5").value()).isEqualTo(1.5);
    assertThat(Types.DOUBLE.cast(2).value()).isEqualTo(2.0);
    assertThat(Types.DOUBLE.cast(Double.NaN).isOk()).isFalse();
    assertThat(Types.DOUBLE.cast("Infinity").isOk()).isFalse();
    assertThat(Types.DECIMAL.cast(Double.POSITIVE_INFINITY).isOk()).isFalse();
  }

  @Test
  void decimalsComeFromNumbersAndStrings() {
    assertThat(Types.DECIMAL.cast("12.50").value()).isEqualByComparingTo("12.5");
    assertThat(Types.DECIMAL.cast(3).value()).isEqualByComparingTo("3");
    assertThat(Types.DECIMAL.cast("twelve").isOk()).isFalse();
    assertThat(Types.DECIMAL.same(new BigDecimal("1.0"), new BigDecimal("1.00"))).isTrue();
  }

  @Test
  void uuidsMustBeWellFormed() {
    UUID id = UUID.randomUUID();
    assertThat(Types.UUID_TYPE.cast(id.toString()).value()).isEqualTo(id);
    assertThat(Types.UUID_TYPE.cast("not-a-uuid").isOk()).isFalse();
    assertThat(Types.UUID_TYPE.cast("zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz").isOk()).isFalse();
  }

  @Test
  void temporalTypesParseIso8601AndRefuseImpossibleDates() {
    assertThat(Types.INSTANT.cast("2026-01-02T03:04:05.123456789Z").value())
        .isEqualTo(Instant.parse("2026-01-02T03:04:05.123456Z"));
    assertThat(Types.INSTANT.cast("2026-01-02T03:04:05").value()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
    assertThat(Types.OFFSET_DATE_TIME.cast("2026-01-02T05:04:05+02:00").value())
        .isEqualTo(OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC));
    assertThat(Types.LOCAL_DATE.cast("2026-02-28").value()).isEqualTo(LocalDate.of(2026, 2, 28));
    assertThat(Types.LOCAL_DATE.cast("2026-02-30").isOk()).isFalse();
    assertThat(Types.LOCAL_DATE_TIME.cast("2026-02-03 04:05:06").value())
        .isEqualTo(LocalDateTime.of(2026, 2, 3, 4, 5, 6));
    assertThat(Types.LOCAL_TIME.cast("25:00").isOk()).isFalse();
    assertThat(Types.LOCAL_TIME.cast("12:30").value()).isEqualTo(LocalTime.of(12, 30));
  }

  @Test
  void enumsCastByName() {
    FieldType<Color> color = Types.enumType(Color.class, Color.values());
    assertThat(color.cast("RED").value()).isEqualTo(Color.RED);
    assertThat(color.cast(Color.GREEN).value()).isEqualTo(Color.GREEN);
    assertThat(color.cast("red").isOk()).isFalse();
    assertThat(color.cast(1).isOk()).isFalse();
  }

  @Test
  void listsCastEveryElement() {
    FieldType<List<Integer>> numbers = Types.list(Types.INTEGER);
    assertThat(numbers.cast(List.of("1", 2)).value()).containsExactly(1, 2);
    assertThat(numbers.cast(List.of("1", "x")).isOk()).isFalse();
    assertThat(numbers.cast("1,2").isOk()).isFalse();
    assertThat(numbers.sqlType()).isEqualTo("integer[]");
  }

  @Test
  void jsonMapsNeedStringKeys() {
    assertThat(Types.JSON_MAP.cast(Map.of("a", 1)).value()).containsEntry("a", 1);
    assertThat(Types.JSON_MAP.cast(Map.of(1, "a")).isOk()).isFalse();
    assertThat(Types.JSON_MAP.cast(List.of()).isOk()).isFalse();
  }

  @Test
  void bytesCompareByContent() {
    assertThat(Types.BYTES.same(new byte[] {1, 2}, new byte[] {1, 2})).isTrue();
    assertThat(Types.BYTES.same(new byte[] {1, 2}, new byte[] {2, 1})).isFalse();
  }

  @Test
  void literalsForDdlDefaultsAreQuoted() {
    assertThat(Types.STRING.sqlLiteral("it's")).isEqualTo("'it''s'");
    assertThat(Types.INTEGER.sqlLiteral(0)).isEqualTo("0");
    assertThat(Types.BOOLEAN.sqlLiteral(false)).isEqualTo("false");
  }
}
