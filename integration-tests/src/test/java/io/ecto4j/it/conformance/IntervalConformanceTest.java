package io.ecto4j.it.conformance;

import static io.ecto4j.query.Functions.cast;
import static io.ecto4j.query.Functions.dateAdd;
import static io.ecto4j.query.Functions.datetimeAdd;
import static io.ecto4j.query.Functions.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.it.schemas.IvPostStruct;
import io.ecto4j.it.schemas.IvPosts;
import io.ecto4j.it.schemas.IvUserStruct;
import io.ecto4j.it.schemas.IvUsers;
import io.ecto4j.it.schemas.IvUsecStruct;
import io.ecto4j.it.schemas.IvUsecs;
import io.ecto4j.meta.Field;
import io.ecto4j.query.Expression;
import io.ecto4j.query.Interval;
import io.ecto4j.query.Query;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import io.ecto4j.type.Types;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Ports of Ecto's integration_test/cases/interval.exs: {@code date_add} and {@code datetime_add}
 * with every unit, against PostgreSQL. Each Ecto test adds a literal integer, a literal float, a
 * bound integer, a bound float and a bound decimal; ecto4j binds every amount, so the five are
 * {@code n}, {@code n.0}, {@code value(n)}, {@code value(n.0)} and a {@code BigDecimal}, checked by
 * {@link #amounts}. {@code IvPost.insertedAt} is whole seconds, Ecto's {@code :naive_datetime}, so
 * a sum with a fraction of a second reads back truncated, as Ecto loads it.
 */
@EctoTest(sandbox = true)
class IntervalConformanceTest {
  private static final LocalDate POSTED = LocalDate.of(2014, 1, 1);
  private static final LocalDateTime INSERTED_AT = LocalDateTime.of(2014, 1, 1, 2, 0);

  @BeforeAll
  static void createTables(TestDatabase db) throws SQLException {
    db.execute(IvPosts.DDL);
    db.execute(IvUsers.DDL);
    db.execute(IvUsecs.DDL);
  }

  @BeforeEach
  void insertPost(Repo repo) {
    repo.insertOrThrow(new IvPostStruct().withPosted(POSTED).withInsertedAt(INSERTED_AT));
  }

  /** The five amounts of an Ecto interval test: literal and bound, integer, float and decimal. */
  private static <V extends Temporal> List<Expression<V>> amounts(Expression<V> base, int n, Interval unit) {
    return List.of(datetimeAdd(base, n, unit), datetimeAdd(base, (double) n, unit), datetimeAdd(base, value(n), unit),
        datetimeAdd(base, value((double) n), unit), datetimeAdd(base, new BigDecimal(n), unit));
  }

  /** Each expression, selected from the table of {@code query}, gives exactly {@code expected}. */
  private static <V> void selects(Repo repo, Query<?> query, V expected, List<? extends Expression<V>> expressions) {
    for (Expression<V> expression : expressions) {
      assertThat(repo.all(query.select(expression))).as(expression.toString()).containsExactly(expected);
    }
  }

  private static void postedPlus(Repo repo, int n, Interval unit, LocalDate expected) {
    selects(repo, IvPosts.query(), expected, amounts(IvPosts.POSTED, n, unit));
  }

  private static void insertedAtPlus(Repo repo, int n, Interval unit, LocalDateTime expected) {
    selects(repo, IvPosts.query(), expected, amounts(IvPosts.INSERTED_AT, n, unit));
  }

  /** Ports interval.exs "date_add with year". */
  @Test
  void dateAddWithYear(Repo repo) {
    postedPlus(repo, 1, Interval.YEAR, LocalDate.of(2015, 1, 1));
  }

  /** Ports interval.exs "date_add with month". */
  @Test
  void dateAddWithMonth(Repo repo) {
    postedPlus(repo, 3, Interval.MONTH, LocalDate.of(2014, 4, 1));
  }

  /** Ports interval.exs "date_add with week". */
  @Test
  void dateAddWithWeek(Repo repo) {
    postedPlus(repo, 3, Interval.WEEK, LocalDate.of(2014, 1, 22));
  }

  /** Ports interval.exs "date_add with day". */
  @Test
  void dateAddWithDay(Repo repo) {
    postedPlus(repo, 5, Interval.DAY, LocalDate.of(2014, 1, 6));
  }

  /** Ports interval.exs "date_add with hour": 48 hours on a date is a date two days later. */
  @Test
  void dateAddWithHour(Repo repo) {
    postedPlus(repo, 48, Interval.HOUR, LocalDate.of(2014, 1, 3));
    assertThat(repo.all(IvPosts.query().select(dateAdd(IvPosts.POSTED, 48.0, Interval.HOUR))))
        .containsExactly(LocalDate.of(2014, 1, 3));
  }

  /**
   * Ports interval.exs "date_add with dynamic": the base, the amount and the unit all come from run
   * time; the unit is named as Ecto names it and written into the SQL as its literal.
   */
  @Test
  void dateAddWithDynamic(Repo repo) {
    Expression<LocalDate> posted = value(POSTED);
    assertThat(repo.all(IvPosts.query().select(dateAdd(posted, value(1), Interval.of("year")))))
        .containsExactly(LocalDate.of(2015, 1, 1));
    assertThat(repo.all(IvPosts.query().select(dateAdd(posted, value(3), Interval.of("month")))))
        .containsExactly(LocalDate.of(2014, 4, 1));
    assertThat(repo.all(IvPosts.query().select(dateAdd(posted, value(3), Interval.of("week")))))
        .containsExactly(LocalDate.of(2014, 1, 22));
    assertThat(repo.all(IvPosts.query().select(dateAdd(posted, value(5), Interval.of("day")))))
        .containsExactly(LocalDate.of(2014, 1, 6));
    assertThat(repo.all(IvPosts.query().select(dateAdd(posted, value(48), Interval.of("hour")))))
        .containsExactly(LocalDate.of(2014, 1, 3));
  }

  /** Ports interval.exs "date_add with negative interval". */
  @Test
  void dateAddWithNegativeInterval(Repo repo) {
    postedPlus(repo, -1, Interval.YEAR, LocalDate.of(2013, 1, 1));
  }

  /** Ports interval.exs "datetime_add with year". */
  @Test
  void datetimeAddWithYear(Repo repo) {
    insertedAtPlus(repo, 1, Interval.YEAR, LocalDateTime.of(2015, 1, 1, 2, 0));
  }

  /** Ports interval.exs "datetime_add with month". */
  @Test
  void datetimeAddWithMonth(Repo repo) {
    insertedAtPlus(repo, 3, Interval.MONTH, LocalDateTime.of(2014, 4, 1, 2, 0));
  }

  /** Ports interval.exs "datetime_add with week". */
  @Test
  void datetimeAddWithWeek(Repo repo) {
    insertedAtPlus(repo, 3, Interval.WEEK, LocalDateTime.of(2014, 1, 22, 2, 0));
  }

  /** Ports interval.exs "datetime_add with day". */
  @Test
  void datetimeAddWithDay(Repo repo) {
    insertedAtPlus(repo, 5, Interval.DAY, LocalDateTime.of(2014, 1, 6, 2, 0));
  }

  /** Ports interval.exs "datetime_add with hour". */
  @Test
  void datetimeAddWithHour(Repo repo) {
    insertedAtPlus(repo, 60, Interval.HOUR, LocalDateTime.of(2014, 1, 3, 14, 0));
  }

  /** Ports interval.exs "datetime_add with minute". */
  @Test
  void datetimeAddWithMinute(Repo repo) {
    insertedAtPlus(repo, 90, Interval.MINUTE, LocalDateTime.of(2014, 1, 1, 3, 30));
  }

  /** Ports interval.exs "datetime_add with second". */
  @Test
  void datetimeAddWithSecond(Repo repo) {
    insertedAtPlus(repo, 90, Interval.SECOND, LocalDateTime.of(2014, 1, 1, 2, 1, 30));
  }

  /** Ports interval.exs "datetime_add with millisecond": 1.5 seconds later, read back in whole seconds. */
  @Test
  void datetimeAddWithMillisecond(Repo repo) {
    insertedAtPlus(repo, 1500, Interval.MILLISECOND, LocalDateTime.of(2014, 1, 1, 2, 0, 1));
  }

  /** Ports interval.exs "datetime_add with microsecond": 1500µs later, read back in whole seconds. */
  @Test
  void datetimeAddWithMicrosecond(Repo repo) {
    insertedAtPlus(repo, 1500, Interval.MICROSECOND, INSERTED_AT);
  }

  /** Ports interval.exs "datetime_add with dynamic": a bound base, amount and unit. */
  @Test
  void datetimeAddWithDynamic(Repo repo) {
    Expression<LocalDateTime> at = value(INSERTED_AT);
    Object[][] cases = {{1, "year", LocalDateTime.of(2015, 1, 1, 2, 0)}, {3, "month", LocalDateTime.of(2014, 4, 1, 2, 0)},
        {3, "week", LocalDateTime.of(2014, 1, 22, 2, 0)}, {5, "day", LocalDateTime.of(2014, 1, 6, 2, 0)},
        {60, "hour", LocalDateTime.of(2014, 1, 3, 14, 0)}, {90, "minute", LocalDateTime.of(2014, 1, 1, 3, 30)},
        {90, "second", LocalDateTime.of(2014, 1, 1, 2, 1, 30)}};
    for (Object[] c : cases) {
      Expression<LocalDateTime> sum = datetimeAdd(at, value((Integer) c[0]), Interval.of((String) c[1]));
      assertThat(repo.all(IvPosts.query().select(sum))).as(sum.toString()).containsExactly((LocalDateTime) c[2]);
    }
  }

  /**
   * Ports interval.exs "datetime_add with dynamic in filters": the field too is chosen at run time,
   * Ecto's {@code field(p, ^field)}, here looked up by name among the schema's fields.
   */
  @Test
  void datetimeAddWithDynamicInFilters(Repo repo) {
    Expression<LocalDateTime> at = value(INSERTED_AT);
    @SuppressWarnings("unchecked")
    Field<IvPostStruct, LocalDateTime> field = (Field<IvPostStruct, LocalDateTime>) IvPosts.SCHEMA.fields().stream()
        .filter(f -> f.name().equals("insertedAt")).findFirst().orElseThrow();
    assertThat(repo.all(IvPosts.query().where(IvPosts.INSERTED_AT.gt(datetimeAdd(at, value(-1), Interval.YEAR)))))
        .hasSize(1);
    assertThat(repo.all(IvPosts.query().where(IvPosts.INSERTED_AT.gt(datetimeAdd(at, -3, Interval.MONTH))))).hasSize(1);
    assertThat(repo.all(IvPosts.query().where(field.gt(datetimeAdd(at, value(-3), Interval.of("week")))))).hasSize(1);
    assertThat(repo.all(IvPosts.query().where(field.gt(datetimeAdd(at, -5, Interval.of("day")))))).hasSize(1);
  }

  /** Ports interval.exs "datetime_add with negative interval". */
  @Test
  void datetimeAddWithNegativeInterval(Repo repo) {
    insertedAtPlus(repo, -1, Interval.YEAR, LocalDateTime.of(2013, 1, 1, 2, 0));
  }

  /** Ports interval.exs "datetime_add with utc_datetime": a cast bound base, Ecto's {@code type(^dt, :utc_datetime)}, and a column. */
  @Test
  void datetimeAddWithUtcDatetime(Repo repo) {
    repo.insertOrThrow(new IvUserStruct().withInsertedAt(INSERTED_AT.toInstant(ZoneOffset.UTC)));
    Instant expected = Instant.parse("2015-01-01T02:00:00Z");
    assertThat(repo.all(IvUsers.query().select(datetimeAdd(cast(value(expected), Types.INSTANT_SECONDS), 0, Interval.YEAR))))
        .containsExactly(expected);
    selects(repo, IvUsers.query(), expected, amounts(IvUsers.INSERTED_AT, 1, Interval.YEAR));
  }

  private static final LocalDateTime NAIVE_USEC = LocalDateTime.of(2014, 1, 1, 2, 0, 0, 1_000);
  private static final LocalDateTime NAIVE_1501 = LocalDateTime.of(2014, 1, 1, 2, 0, 0, 1_501_000);

  /** Ports interval.exs "datetime_add with naive_datetime_usec": microseconds kept to the last digit. */
  @Test
  void datetimeAddWithNaiveDatetimeUsec(Repo repo) {
    repo.insertOrThrow(new IvUsecStruct().withNaiveDatetimeUsec(NAIVE_USEC));
    assertThat(repo.all(IvUsecs.query().select(datetimeAdd(cast(value(NAIVE_1501), Types.LOCAL_DATE_TIME), 0,
        Interval.MICROSECOND)))).containsExactly(NAIVE_1501);
    selects(repo, IvUsecs.query(), NAIVE_1501, amounts(IvUsecs.NAIVE_DATETIME_USEC, 1500, Interval.MICROSECOND).subList(0, 3));
  }

  /** Ports interval.exs "datetime_add with naive_datetime_usec and decimal increment". */
  @Test
  void datetimeAddWithNaiveDatetimeUsecAndDecimalIncrement(Repo repo) {
    repo.insertOrThrow(new IvUsecStruct().withNaiveDatetimeUsec(NAIVE_USEC));
    selects(repo, IvUsecs.query(), NAIVE_1501, amounts(IvUsecs.NAIVE_DATETIME_USEC, 1500, Interval.MICROSECOND).subList(3, 5));
  }

  private static final Instant UTC_USEC = Instant.parse("2014-01-01T02:00:00.000001Z");
  private static final Instant UTC_1501 = Instant.parse("2014-01-01T02:00:00.001501Z");

  /**
   * Ports interval.exs "datetime_add with utc_datetime_usec", on an {@code Instant} and on an
   * {@code OffsetDateTime} (both {@code timestamptz}).
   */
  @Test
  void datetimeAddWithUtcDatetimeUsec(Repo repo) {
    repo.insertOrThrow(new IvUsecStruct().withUtcDatetimeUsec(UTC_USEC).withOffsetDatetimeUsec(UTC_USEC.atOffset(ZoneOffset.UTC)));
    assertThat(repo.all(IvUsecs.query().select(datetimeAdd(cast(value(UTC_1501), Types.INSTANT), 0, Interval.MICROSECOND))))
        .containsExactly(UTC_1501);
    selects(repo, IvUsecs.query(), UTC_1501, amounts(IvUsecs.UTC_DATETIME_USEC, 1500, Interval.MICROSECOND).subList(0, 3));
    List<OffsetDateTime> offset = repo.all(IvUsecs.query()
        .select(datetimeAdd(IvUsecs.OFFSET_DATETIME_USEC, 1500, Interval.MICROSECOND)));
    assertThat(offset).hasSize(1);
    assertThat(offset.get(0).toInstant()).isEqualTo(UTC_1501);
  }

  /** Ports interval.exs "datetime_add uses utc_datetime_usec with decimal increment". */
  @Test
  void datetimeAddUsesUtcDatetimeUsecWithDecimalIncrement(Repo repo) {
    repo.insertOrThrow(new IvUsecStruct().withUtcDatetimeUsec(UTC_USEC));
    selects(repo, IvUsecs.query(), UTC_1501, amounts(IvUsecs.UTC_DATETIME_USEC, 1500, Interval.MICROSECOND).subList(3, 5));
  }

  private static final Instant UTC_MS = Instant.parse("2014-01-01T02:00:00.001Z");
  private static final Instant UTC_151 = Instant.parse("2014-01-01T02:00:00.151Z");

  /** Ports interval.exs "datetime_add with utc_datetime_usec in milliseconds". */
  @Test
  void datetimeAddWithUtcDatetimeUsecInMilliseconds(Repo repo) {
    repo.insertOrThrow(new IvUsecStruct().withUtcDatetimeUsec(UTC_MS));
    assertThat(repo.all(IvUsecs.query().select(datetimeAdd(cast(value(UTC_151), Types.INSTANT), 0, Interval.MILLISECOND))))
        .containsExactly(UTC_151);
    selects(repo, IvUsecs.query(), UTC_151, amounts(IvUsecs.UTC_DATETIME_USEC, 150, Interval.MILLISECOND).subList(0, 3));
  }

  /** Ports interval.exs "datetime_add uses utc_datetime_usec with decimal increment in milliseconds". */
  @Test
  void datetimeAddUsesUtcDatetimeUsecWithDecimalIncrementInMilliseconds(Repo repo) {
    repo.insertOrThrow(new IvUsecStruct().withUtcDatetimeUsec(UTC_MS));
    selects(repo, IvUsecs.query(), UTC_151, amounts(IvUsecs.UTC_DATETIME_USEC, 150, Interval.MILLISECOND).subList(3, 5));
  }

  private static final LocalDateTime NAIVE_MS = LocalDateTime.of(2014, 1, 1, 2, 0, 0, 1_000_000);
  private static final LocalDateTime NAIVE_151 = LocalDateTime.of(2014, 1, 1, 2, 0, 0, 151_000_000);

  /** Ports interval.exs "datetime_add with naive_datetime_usec in milliseconds". */
  @Test
  void datetimeAddWithNaiveDatetimeUsecInMilliseconds(Repo repo) {
    repo.insertOrThrow(new IvUsecStruct().withNaiveDatetimeUsec(NAIVE_MS));
    assertThat(repo.all(IvUsecs.query().select(datetimeAdd(cast(value(NAIVE_151), Types.LOCAL_DATE_TIME), 0,
        Interval.MILLISECOND)))).containsExactly(NAIVE_151);
    selects(repo, IvUsecs.query(), NAIVE_151, amounts(IvUsecs.NAIVE_DATETIME_USEC, 150, Interval.MILLISECOND).subList(0, 3));
  }

  /** Ports interval.exs "datetime_add with naive_datetime_usec and decimal increment in milliseconds". */
  @Test
  void datetimeAddWithNaiveDatetimeUsecAndDecimalIncrementInMilliseconds(Repo repo) {
    repo.insertOrThrow(new IvUsecStruct().withNaiveDatetimeUsec(NAIVE_MS));
    selects(repo, IvUsecs.query(), NAIVE_151, amounts(IvUsecs.NAIVE_DATETIME_USEC, 150, Interval.MILLISECOND).subList(3, 5));
  }
}
