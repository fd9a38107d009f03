package io.ecto4j.it.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.changeset.Changeset;
import io.ecto4j.it.schemas.ShiftStruct;
import io.ecto4j.it.schemas.Shifts;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import io.ecto4j.type.FieldType;
import io.ecto4j.type.TimePrecisionException;
import io.ecto4j.type.Types;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ports of the dump and load tests of Ecto's {@code test/ecto/type_test.exs} for the date and time
 * types (issue #17), against PostgreSQL: {@code @Field(precision = TimePrecision.SECONDS)} is Ecto's
 * {@code :utc_datetime}, {@code :naive_datetime} and {@code :time}; the default is their {@code _usec}.
 */
@EctoTest(sandbox = true)
class TimeTypesConformanceTest {
  private static final Instant USEC = Instant.parse("2015-01-23T23:50:07.008000Z");
  private static final Instant SECONDS = Instant.parse("2015-01-23T23:50:07Z");

  @BeforeAll
  static void createTables(TestDatabase db) throws SQLException {
    db.execute(Shifts.DDL);
  }

  private static <V> V readBack(Repo repo, String sqlValue, FieldType<V> type) {
    return repo.query("SELECT " + sqlValue, List.of(), row -> type.read(row, 1)).get(0);
  }

  /** The DDL says how precise each column is: {@code timestamptz(0)} for seconds, as Ecto's migrations for {@code :utc_datetime}. */
  @Test
  void ddlCarriesThePrecision() {
    assertThat(Shifts.DDL).contains("\"starts_at\" timestamptz(0)", "\"starts_at_usec\" timestamptz,",
        "\"ends_at\" timestamptz(0)", "\"local_start\" timestamp(0)", "\"local_start_usec\" timestamp,",
        "\"opens_at\" time(0)", "\"opens_at_usec\" time,", "\"day\" date", "\"breaks\" timestamptz(0)[]",
        "\"inserted_at\" timestamptz(0) NOT NULL", "\"updated_at\" timestamptz(0) NOT NULL");
  }

  /**
   * Ports type_test.exs "utc_datetime / dump", "naive_datetime / dump" and "time / dump": whole seconds
   * are written; a value with microseconds is refused, naming the field, as Ecto raises.
   */
  @Test
  void secondsTypesDumpWholeSecondsAndRefuseFractions(Repo repo) {
    ShiftStruct shift = repo.insertOrThrow(new ShiftStruct().withStartsAt(SECONDS)
        .withLocalStart(LocalDateTime.of(2000, 2, 29, 23, 50, 7)).withOpensAt(LocalTime.of(23, 50)));
    assertThat(repo.getOrThrow(Shifts.SCHEMA, shift.id()).startsAt()).isEqualTo(SECONDS);
    assertThatThrownBy(() -> repo.insert(new ShiftStruct().withStartsAt(USEC)))
        .isInstanceOf(TimePrecisionException.class)
        .hasMessageContaining("Shift.startsAt: utc_datetime expects microseconds to be empty, got 2015-01-23T23:50:07.008Z");
    assertThatThrownBy(() -> repo.insert(new ShiftStruct().withOpensAt(LocalTime.of(23, 50, 7, 30_000_000))))
        .hasMessageContaining("Shift.opensAt: time expects microseconds to be empty");
    assertThatThrownBy(() -> repo.all(Shifts.query().where(Shifts.LOCAL_START.lt(LocalDateTime.of(2015, 1, 1, 0, 0, 0, 1000)))))
        .hasStackTraceContaining("naive_datetime expects microseconds to be empty");
  }

  /** Ports type_test.exs "utc_datetime_usec / dump", "naive_datetime_usec / dump", "time_usec / dump" and "date / dump". */
  @Test
  void microsecondTypesDumpMicroseconds(Repo repo) {
    LocalDateTime naive = LocalDateTime.of(2015, 1, 23, 23, 50, 7, 8_000_000);
    ShiftStruct shift = repo.insertOrThrow(new ShiftStruct().withStartsAtUsec(USEC.plusNanos(999))
        .withLocalStartUsec(naive).withOpensAtUsec(LocalTime.of(23, 50, 7, 30_000_000))
        .withDay(LocalDate.of(2000, 2, 29)));
    ShiftStruct loaded = repo.getOrThrow(Shifts.SCHEMA, shift.id());
    assertThat(loaded.startsAtUsec()).isEqualTo(USEC);
    assertThat(loaded.localStartUsec()).isEqualTo(naive);
    assertThat(loaded.opensAtUsec()).isEqualTo(LocalTime.of(23, 50, 7, 30_000_000));
    assertThat(loaded.day()).isEqualTo(LocalDate.of(2000, 2, 29));
  }

  /** Ports type_test.exs "utc_datetime / load", "naive_datetime / load" and "time / load": the seconds types drop a stored fraction. */
  @Test
  void secondsTypesLoadTruncated(Repo repo) {
    assertThat(readBack(repo, "'2015-01-23 23:50:07.008+00'::timestamptz", Types.INSTANT_SECONDS)).isEqualTo(SECONDS);
    assertThat(readBack(repo, "'2015-01-23 23:50:07.008+00'::timestamptz", Types.OFFSET_DATE_TIME_SECONDS))
        .isEqualTo(OffsetDateTime.ofInstant(SECONDS, ZoneOffset.UTC));
    assertThat(readBack(repo, "'2015-01-23 23:50:07.008'::timestamp", Types.LOCAL_DATE_TIME_SECONDS))
        .isEqualTo(LocalDateTime.of(2015, 1, 23, 23, 50, 7));
    assertThat(readBack(repo, "'23:50:07.03'::time", Types.LOCAL_TIME_SECONDS)).isEqualTo(LocalTime.of(23, 50, 7));
  }

  /**
   * Ports type_test.exs "utc_datetime_usec / load", "naive_datetime_usec / load", "time_usec / load" and
   * "date / load".
   */
  @Test
  void microsecondTypesLoadMicroseconds(Repo repo) {
    assertThat(readBack(repo, "'2015-01-23 23:50:07.008+00'::timestamptz", Types.INSTANT)).isEqualTo(USEC);
    assertThat(readBack(repo, "'2015-01-23 23:50:07.008'::timestamp", Types.LOCAL_DATE_TIME))
        .isEqualTo(LocalDateTime.of(2015, 1, 23, 23, 50, 7, 8_000_000));
    assertThat(readBack(repo, "'23:50:07.03'::time", Types.LOCAL_TIME)).isEqualTo(LocalTime.of(23, 50, 7, 30_000_000));
    assertThat(readBack(repo, "'1970-01-01'::date", Types.LOCAL_DATE)).isEqualTo(LocalDate.of(1970, 1, 1));
  }

  /** Casting into a seconds field truncates, as Ecto's cast for {@code :utc_datetime}; the result can be inserted. */
  @Test
  void castTruncatesToTheFieldsPrecision(Repo repo) {
    Changeset<ShiftStruct> cs = Changeset.cast(new ShiftStruct(),
        Map.of("startsAt", "2015-01-23T23:50:07.008Z", "startsAtUsec", "2015-01-23T23:50:07.008Z",
            "endsAt", "2015-01-24T09:50:07.5+10:00", "opensAt", Map.of("hour", "23", "minute", "50", "second", "7",
                "microsecond", "30000"), "breaks", List.of("2015-01-23 23:50:07.9")),
        Shifts.STARTS_AT, Shifts.STARTS_AT_USEC, Shifts.ENDS_AT, Shifts.OPENS_AT, Shifts.BREAKS);
    ShiftStruct shift = repo.insertOrThrow(cs);
    assertThat(shift.startsAt()).isEqualTo(SECONDS);
    assertThat(shift.startsAtUsec()).isEqualTo(USEC);
    assertThat(shift.endsAt()).isEqualTo(OffsetDateTime.ofInstant(SECONDS, ZoneOffset.UTC));
    assertThat(shift.opensAt()).isEqualTo(LocalTime.of(23, 50, 7));
    assertThat(repo.getOrThrow(Shifts.SCHEMA, shift.id()).breaks()).containsExactly(SECONDS);
  }

  /** {@code @Timestamps(precision = SECONDS)}: Ecto's {@code timestamps(type: :utc_datetime)} stamps whole seconds. */
  @Test
  void timestampsAtSecondsPrecision(Repo repo) {
    ShiftStruct shift = repo.insertOrThrow(new ShiftStruct());
    assertThat(shift.insertedAt()).isEqualTo(shift.insertedAt().truncatedTo(ChronoUnit.SECONDS));
    ShiftStruct updated = repo.updateOrThrow(Changeset.change(shift, Map.of(Shifts.DAY, LocalDate.of(2024, 1, 1))));
    assertThat(updated.updatedAt().getNano()).isZero();
    assertThat(repo.getOrThrow(Shifts.SCHEMA, shift.id()).updatedAt()).isEqualTo(updated.updatedAt());
  }

  /** A bad date is a changeset error ({@code is invalid}, {@code validation: cast}) with the type's Ecto name. */
  @Test
  void badValuesAreCastErrors() {
    Changeset<ShiftStruct> cs = Changeset.cast(new ShiftStruct(),
        Map.of("day", "2015-02-29", "startsAt", "2015-01-23 23:50Z"), Shifts.DAY, Shifts.STARTS_AT);
    assertThat(cs.errors()).extracting(error -> error.field() + " " + error.keys().get("type"))
        .containsExactlyInAnyOrder("day date", "startsAt utc_datetime");
  }
}
