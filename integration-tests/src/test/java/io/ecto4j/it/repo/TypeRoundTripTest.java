package io.ecto4j.it.repo;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.it.schemas.BlogSchema;
import io.ecto4j.it.schemas.Mood;
import io.ecto4j.it.schemas.SampleStruct;
import io.ecto4j.it.schemas.Samples;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every supported type is written and read back unchanged, and so is null where it is allowed. */
@EctoTest(sandbox = true)
class TypeRoundTripTest {

  @BeforeAll
  static void createTables(TestDatabase db) throws SQLException {
    BlogSchema.create(db);
  }

  @Test
  void everyTypeRoundTrips(Repo repo) {
    SampleStruct sample = new SampleStruct()
        .withString("héllo 'quoted' \"double\" \\ 🎉")
        .withText("x".repeat(100_000))
        .withFlag(true).withMaybeFlag(false)
        .withSmall((short) -32768).withMaybeSmall((short) 32767)
        .withNumber(Integer.MIN_VALUE).withMaybeNumber(Integer.MAX_VALUE)
        .withBig(Long.MIN_VALUE).withMaybeBig(Long.MAX_VALUE)
        .withReal(-1.5e300).withMaybeReal(2.5e-300)
        .withAmount(new BigDecimal("1234567890123456.1234"))
        .withReference(UUID.fromString("5f4a0c8e-7a8e-4a6b-9d2c-3b1f0e9d8c7a"))
        .withInstant(Instant.parse("2026-02-28T23:59:59.999999Z"))
        .withOffsetDateTime(OffsetDateTime.of(1999, 12, 31, 23, 59, 59, 123_456_000, ZoneOffset.UTC))
        .withLocalDateTime(LocalDateTime.of(2024, 2, 29, 12, 0, 0, 1_000))
        .withLocalDate(LocalDate.of(1, 1, 1))
        .withLocalTime(LocalTime.of(23, 59, 59, 999_999_000))
        .withBytes(new byte[] {0, 1, -1, 127, -128})
        .withMood(Mood.GRUMPY)
        .withStrings(List.of("a", "b,c", "{d}", "\"e\"", "", "NULL"))
        .withNumbers(List.of(1, -2, Integer.MAX_VALUE))
        .withBigs(List.of(Long.MIN_VALUE, 0L))
        .withAmounts(List.of(new BigDecimal("0.5"), new BigDecimal("-10")))
        .withReferences(List.of(UUID.fromString("00000000-0000-0000-0000-000000000001")))
        .withInstants(List.of(Instant.parse("2026-01-01T00:00:00.000001Z")))
        .withDates(List.of(LocalDate.of(2026, 11, 23)))
        .withMoods(List.of(Mood.HAPPY, Mood.CALM))
        .withFlags(List.of(true, false))
        .withSmalls(List.of((short) 1, (short) -1))
        .withReals(List.of(0.25, -1e10))
        .withTexts(List.of("long ".repeat(1000)))
        .withOffsetDateTimes(List.of(OffsetDateTime.of(2026, 3, 29, 1, 30, 0, 5_000, ZoneOffset.UTC)))
        .withLocalDateTimes(List.of(LocalDateTime.of(2026, 3, 29, 2, 30)))
        .withTimes(List.of(LocalTime.MIDNIGHT, LocalTime.of(13, 14, 15, 16_000)))
        .withDocument(Map.of("title", "Hi", "tags", List.of("a", "b"), "nested", Map.of("n", 1), "ok", true));

    SampleStruct inserted = repo.insertOrThrow(sample);
    SampleStruct loaded = repo.getOrThrow(Samples.SCHEMA, inserted.id());

    assertThat(inserted.id()).isNotNull();
    assertThat(loaded.bytes()).isEqualTo(sample.bytes());
    assertThat(loaded.amount()).isEqualByComparingTo(sample.amount());
    assertThat(withoutBytes(loaded)).isEqualTo(withoutBytes(sample.withId(inserted.id())));
  }

  @Test
  void nullsRoundTripInEveryNullableColumn(Repo repo) {
    SampleStruct inserted = repo.insertOrThrow(new SampleStruct());
    SampleStruct loaded = repo.getOrThrow(Samples.SCHEMA, inserted.id());
    assertThat(loaded).isEqualTo(inserted);
    assertThat(loaded.string()).isNull();
    assertThat(loaded.maybeFlag()).isNull();
    assertThat(loaded.maybeNumber()).isNull();
    assertThat(loaded.bytes()).isNull();
    assertThat(loaded.mood()).isNull();
    assertThat(loaded.strings()).isNull();
    assertThat(loaded.document()).isNull();
    assertThat(loaded.flag()).isFalse();
    assertThat(loaded.number()).isZero();
  }

  @Test
  void zeroAndFalseInNullableColumnsAreNotNull(Repo repo) {
    SampleStruct inserted = repo.insertOrThrow(new SampleStruct().withMaybeFlag(false)
        .withMaybeSmall((short) 0).withMaybeNumber(0).withMaybeBig(0L).withMaybeReal(0.0));
    SampleStruct loaded = repo.getOrThrow(Samples.SCHEMA, inserted.id());
    assertThat(List.of(loaded.maybeFlag(), loaded.maybeSmall(), loaded.maybeNumber(), loaded.maybeBig(),
        loaded.maybeReal())).containsExactly(false, (short) 0, 0, 0L, 0.0);
    assertThat(repo.all(Samples.query().where(Samples.ID.eq(inserted.id())).select(Samples.MAYBE_BIG)))
        .as("read through the field type too").containsExactly(0L);
    SampleStruct empty = repo.insertOrThrow(new SampleStruct());
    assertThat(repo.all(Samples.query().where(Samples.ID.eq(empty.id())).select(Samples.MAYBE_BIG)))
        .containsExactly((Long) null);
  }

  @Test
  void listsMayHoldNullsAndBeEmpty(Repo repo) {
    List<String> withNull = new ArrayList<>(Arrays.asList("a", null, "c"));
    SampleStruct inserted = repo.insertOrThrow(new SampleStruct().withStrings(withNull).withNumbers(List.of()));
    SampleStruct loaded = repo.getOrThrow(Samples.SCHEMA, inserted.id());
    assertThat(loaded.strings()).containsExactly("a", null, "c");
    assertThat(loaded.numbers()).isEmpty();
  }

  @Test
  void instantsKeepMicrosecondsAndDropNanoseconds(Repo repo) {
    Instant precise = Instant.parse("2026-11-23T10:00:00.123456789Z");
    SampleStruct inserted = repo.insertOrThrow(new SampleStruct().withInstant(precise));
    assertThat(repo.getOrThrow(Samples.SCHEMA, inserted.id()).instant())
        .isEqualTo(Instant.parse("2026-11-23T10:00:00.123456Z"));
  }

  @Test
  void bytesAreNotText(Repo repo) {
    byte[] invalidUtf8 = {(byte) 0xC3, (byte) 0x28, 0};
    SampleStruct inserted = repo.insertOrThrow(new SampleStruct().withBytes(invalidUtf8));
    assertThat(repo.getOrThrow(Samples.SCHEMA, inserted.id()).bytes()).isEqualTo(invalidUtf8);
    assertThat(new String(invalidUtf8, StandardCharsets.UTF_8)).isNotEmpty();
  }

  private static SampleStruct withoutBytes(SampleStruct sample) {
    return sample.withBytes(null).withAmount(null);
  }
}
