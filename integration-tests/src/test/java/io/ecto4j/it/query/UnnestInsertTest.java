package io.ecto4j.it.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.it.schemas.ScalarStruct;
import io.ecto4j.it.schemas.Scalars;
import io.ecto4j.meta.Field;
import io.ecto4j.query.OnConflict;
import io.ecto4j.repo.Repo;
import io.ecto4j.repo.WriteOptions;
import io.ecto4j.telemetry.QueryEvent;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import io.ecto4j.type.TimePrecisionException;
import io.ecto4j.type.UnpairedSurrogateException;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code insertAll} of structs as one array per column ({@code INSERT … SELECT … FROM unnest(…)},
 * docs/repo.md): every value of every type with an array form reads back as the one-row insert,
 * which binds each value by itself, wrote it; the rows keep the list's order; values an array
 * cannot carry are refused as before.
 */
@EctoTest(sandbox = true)
class UnnestInsertTest {
  private static final UUID REFERENCE = UUID.fromString("0b6e8c1e-4f57-4a8e-a1c4-6a0c2b7d9e11");

  @BeforeAll
  static void tables(TestDatabase db) throws SQLException {
    db.execute(Scalars.DDL);
    db.execute("CREATE UNIQUE INDEX scalars_position_index ON scalars (position)");
  }

  /** Edge values of every column: extremes, nulls in the boxed ones, text an array literal would have to quote. */
  private static List<ScalarStruct> edgeRows() {
    ScalarStruct low = new ScalarStruct().withString("").withText("NULL").withFlag(false).withSmall(Short.MIN_VALUE)
        .withBig(Long.MIN_VALUE).withReal(Double.NaN).withAmount(new BigDecimal("-123456789012345678.123456"))
        .withReference(REFERENCE).withInstant(Instant.parse("1969-12-31T23:59:59.999999999Z"))
        .withInstantSeconds(Instant.parse("1900-01-01T00:00:00Z"))
        .withOffsetDateTime(OffsetDateTime.of(1999, 12, 31, 23, 59, 59, 123_456_789, ZoneOffset.ofHoursMinutes(5, 30)))
        .withOffsetDateTimeSeconds(OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(-8)))
        .withLocalDateTime(LocalDateTime.of(1, 1, 1, 0, 0, 0, 1_000)).withLocalDateTimeSeconds(LocalDateTime.of(1970, 1, 1, 0, 0))
        .withLocalDate(LocalDate.of(1, 1, 1)).withBytes(new byte[0]);
    ScalarStruct high = new ScalarStruct().withString("{a,\"b\"}\\ c, 😀").withText(null).withFlag(true)
        .withMaybeFlag(true).withSmall(Short.MAX_VALUE).withMaybeSmall((short) -1).withMaybeNumber(Integer.MIN_VALUE)
        .withBig(Long.MAX_VALUE).withMaybeBig(0L).withReal(Double.NEGATIVE_INFINITY).withMaybeReal(-0.0)
        .withAmount(new BigDecimal("1E+3")).withInstant(Instant.parse("9999-12-31T23:59:59.999999Z"))
        .withInstantSeconds(Instant.parse("2026-03-08T07:30:00Z")) // 02:30 in New York, a time its clocks skip
        .withOffsetDateTime(OffsetDateTime.of(2026, 11, 1, 1, 30, 0, 500_000, ZoneOffset.ofHours(-4)))
        .withLocalDateTime(LocalDateTime.of(2026, 3, 8, 2, 30, 0, 999_999_999))
        .withLocalDateTimeSeconds(LocalDateTime.of(9999, 12, 31, 23, 59, 59)).withLocalDate(LocalDate.of(9999, 12, 31))
        .withBytes(new byte[] {0, -1, 92, 39});
    ScalarStruct plain = new ScalarStruct().withString("  spaced ").withText("line\nbreak\ttab").withMaybeFlag(false)
        .withMaybeNumber(42).withBig(1L).withReal(1.5).withMaybeReal(2.25).withAmount(BigDecimal.ZERO)
        .withInstant(Instant.parse("2000-01-01T00:00:00Z")).withLocalDate(LocalDate.of(1999, 12, 31));
    return List.of(low, high, plain);
  }

  @Test
  void everyValueReadsBackAsTheOneRowInsertWroteIt(Repo repo) {
    // elapsed time, not a zone's days: a zone with daylight saving must not move a timestamp
    repo.query("SELECT set_config('TimeZone', 'America/New_York', true)", List.of(), row -> row.getString(1));
    List<ScalarStruct> rows = positioned(edgeRows(), 0);
    List<QueryEvent> events = new ArrayList<>();

    assertThat(repo.withListener(events::add).insertAll(Scalars.SCHEMA, rows)).isEqualTo(rows.size());
    assertThat(events.get(events.size() - 1).sql()).contains(" SELECT u.c1, ").contains(" FROM unnest(?::")
        .contains(" WITH ORDINALITY AS u (");
    assertThat(events.get(events.size() - 1).parameterCount()).isEqualTo(Scalars.SCHEMA.insertFields().size());
    for (ScalarStruct row : positioned(edgeRows(), 100)) {
      repo.insertOrThrow(row);
    }

    List<ScalarStruct> stored = repo.all(Scalars.query().orderBy(Scalars.POSITION.asc()));
    assertThat(stored).hasSize(2 * rows.size());
    for (int i = 0; i < rows.size(); i++) {
      ScalarStruct bulk = stored.get(i);
      ScalarStruct single = stored.get(rows.size() + i);
      for (Field<ScalarStruct, ?> field : Scalars.SCHEMA.fields()) {
        if (field != Scalars.ID && field != Scalars.POSITION) {
          assertThat(same(field, bulk, single)).as("%s of row %d: %s and %s", field, i, field.get(bulk), field.get(single))
              .isTrue();
        }
      }
    }
    assertThat(stored.get(0).instant()).isEqualTo(Instant.parse("1969-12-31T23:59:59.999999Z"));
    assertThat(stored.get(1).instantSeconds()).isEqualTo(Instant.parse("2026-03-08T07:30:00Z"));
    assertThat(stored.get(1).localDateTime()).isEqualTo(LocalDateTime.of(2026, 3, 8, 2, 30, 0, 999_999_000));
    assertThat(stored.get(0).text()).isEqualTo("NULL");
    assertThat(stored.get(1).text()).isNull();
  }

  private static <V> boolean same(Field<ScalarStruct, V> field, ScalarStruct a, ScalarStruct b) {
    V left = field.get(a);
    V right = field.get(b);
    return left == null ? right == null : right != null && field.type().same(left, right);
  }

  private static List<ScalarStruct> positioned(List<ScalarStruct> rows, int first) {
    List<ScalarStruct> positioned = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      positioned.add(rows.get(i).withPosition(first + i));
    }
    return positioned;
  }

  @Test
  void rowsAreInsertedAndReturnedInTheListsOrder(Repo repo) {
    List<ScalarStruct> rows = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      rows.add(new ScalarStruct().withPosition((i * 7919) % 1000).withString("r" + i)); // positions out of order
    }
    WriteOptions returning = WriteOptions.defaults().returning(Scalars.POSITION);
    List<ScalarStruct> inserted = repo.insertAllReturning(Scalars.SCHEMA, rows, returning);
    assertThat(inserted).extracting(ScalarStruct::position).isEqualTo(rows.stream().map(ScalarStruct::position).toList());
    assertThat(inserted).extracting(ScalarStruct::id).isSorted();

    List<ScalarStruct> again = new ArrayList<>(rows.subList(0, 3));
    again.add(1, new ScalarStruct().withPosition(5_000));
    again.add(new ScalarStruct().withPosition(4_000));
    List<ScalarStruct> added = repo.insertAllReturning(Scalars.SCHEMA, again,
        returning.onConflict(OnConflict.nothing()));
    assertThat(added).extracting(ScalarStruct::position).containsExactly(5_000, 4_000);
  }

  @Test
  void aValueAnArrayCannotCarryIsRefusedAsAOneRowInsertRefusesIt(Repo repo) {
    ScalarStruct fine = new ScalarStruct().withPosition(1);
    List<ScalarStruct> fraction = List.of(fine, new ScalarStruct().withPosition(2)
        .withInstantSeconds(Instant.parse("2026-01-01T00:00:00.5Z")));
    assertThatThrownBy(() -> repo.insertAll(Scalars.SCHEMA, fraction)).isInstanceOf(TimePrecisionException.class);
    List<ScalarStruct> lone = List.of(fine, new ScalarStruct().withPosition(2).withText("lone \uD800"));
    assertThatThrownBy(() -> repo.insertAll(Scalars.SCHEMA, lone)).isInstanceOf(UnpairedSurrogateException.class);
    assertThat(repo.all(Scalars.query())).isEmpty();
  }
}
