package io.ecto4j.query;

import static io.ecto4j.query.Functions.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.query.TestSchemas.Comments;
import io.ecto4j.query.TestSchemas.Posts;
import io.ecto4j.type.Types;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FunctionsTest {

  private static Sql select(Expression<?> expression) {
    return Query.from(Posts.SCHEMA).select(expression).toSql();
  }

  private static String where(Condition condition) {
    String text = Query.from(Posts.SCHEMA).where(condition).select(Posts.ID).toSql().text();
    return text.substring(text.indexOf(" WHERE ") + 7);
  }

  @Test
  void patternsArithmeticAndCoalesce() {
    assertThat(where(like(Posts.TITLE, "a%"))).isEqualTo("p0.\"title\" LIKE ?");
    assertThat(where(ilike(Posts.TITLE, Posts.TITLE))).isEqualTo("p0.\"title\" ILIKE p0.\"title\"");
    assertThat(escapeLike("100%_\\x")).isEqualTo("100\\%\\_\\\\x");
    assertThat(select(plus(Posts.VIEWS, 1)).text()).startsWith("SELECT p0.\"view_count\" + ? FROM");
    assertThat(select(minus(Posts.VIEWS, Posts.VIEWS)).text()).startsWith("SELECT p0.\"view_count\" - p0.\"view_count\" FROM");
    assertThat(select(times(div(Posts.VIEWS, 2), 3)).text()).startsWith("SELECT p0.\"view_count\" / ? * ? FROM");
    assertThat(select(coalesce(Posts.TITLE, "none")).values()).containsExactly("none");
  }

  @Test
  void dateArithmeticUsesTheUnitsOwnLiteral() {
    assertThat(select(datetimeAdd(now(), 3, Interval.DAY)).text())
        .startsWith("SELECT (now() + ?::numeric * interval '1 day')");
    assertThat(select(ago(2, Interval.MONTH)).text()).startsWith("SELECT (now() - ?::numeric * interval '1 month')");
    assertThat(select(fromNow(1, Interval.YEAR)).values()).containsExactly(1L);
  }

  /**
   * Ports ecto_sql postgres_test.exs "datetime_add" and the SQL of interval.exs: every amount
   * (whole, fractional, decimal, bound, a column) scales the unit's literal through {@code ::numeric};
   * a bound base is cast to its type; a date comes back a date.
   */
  @Test
  void dateArithmeticTakesAnyAmountAndABoundBase() {
    Expression<java.time.LocalDate> posted = Query.column("posted", Types.LOCAL_DATE);
    assertThat(select(dateAdd(posted, 48.0, Interval.HOUR)).text())
        .startsWith("SELECT (p0.\"posted\" + ?::numeric * interval '1 hour')::date FROM");
    assertThat(select(dateAdd(posted, 48.0, Interval.HOUR)).values()).containsExactly(48.0);
    assertThat(select(datetimeAdd(value(java.time.LocalDate.of(2014, 1, 1)), value(3), Interval.of("month"))).text())
        .startsWith("SELECT (?::date + ?::numeric * interval '1 month')::date FROM");
    assertThat(select(datetimeAdd(value(java.time.LocalDateTime.of(2014, 1, 1, 2, 0)), new java.math.BigDecimal("-1"),
        Interval.YEAR)).text()).startsWith("SELECT (?::timestamp + ?::numeric * interval '1 year') FROM");
    assertThat(select(datetimeAdd(now(), plus(Posts.VIEWS, 1), Interval.SECOND)).text())
        .startsWith("SELECT (now() + (p0.\"view_count\" + ?)::numeric * interval '1 second') FROM");
    assertThat(datetimeAdd(cast(value(java.time.Instant.EPOCH), Types.INSTANT), 0, Interval.MILLISECOND).toString())
        .isEqualTo("datetime_add(^1970-01-01T00:00:00Z::timestamptz, ^0, \"millisecond\")");
  }

  /** Ports builder_test.exs' interval check: a unit chosen at run time must be one of Ecto's. */
  @Test
  void unitsAreNamedAsEctoNamesThem() {
    assertThat(Interval.of("microsecond")).isEqualTo(Interval.MICROSECOND);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Interval.of("fortnight"))
        .hasMessage("invalid interval: `\"fortnight\"` (expected one of year, month, week, day, hour, minute, second,"
            + " millisecond, microsecond)");
  }

  @Test
  void jsonPathsAreOneArrayParameter() {
    Expression<Map<String, Object>> doc = Query.column("doc", Types.JSON_MAP);
    Sql sql = select(jsonPath(doc, Types.INTEGER, "a", "b"));
    assertThat(sql.text()).startsWith("SELECT (p0.\"doc\" #>> ?)::integer");
    assertThat(sql.values()).containsExactly(List.of("a", "b"));
    assertThat(select(jsonPath(doc, Types.STRING, "a")).text()).startsWith("SELECT (p0.\"doc\" #>> ?)::text");
    assertThat(select(json(doc, "a")).text()).startsWith("SELECT p0.\"doc\" #> ? FROM");
  }

  @Test
  void subqueriesAndWindows() {
    Query<Long> count = Query.from(Comments.SCHEMA).where(Comments.POST_ID.eq(Posts.ID)).select(Aggregate.count());
    assertThat(select(subquery(count)).text()).isEqualTo("SELECT (SELECT count(*) FROM \"comments\" AS c1"
        + " WHERE c1.\"post_id\" = p0.\"id\") FROM \"posts\" AS p0");
    assertThat(where(exists(count))).isEqualTo("exists(SELECT count(*) FROM \"comments\" AS c1 WHERE c1.\"post_id\" = p0.\"id\")");
    assertThat(where(Posts.ID.in(Query.from(Comments.SCHEMA).select(Comments.POST_ID))))
        .isEqualTo("p0.\"id\" IN (SELECT c1.\"post_id\" FROM \"comments\" AS c1)");
    Window window = Window.partitionBy(Posts.AUTHOR_ID).orderBy(Posts.VIEWS.desc());
    assertThat(select(rowNumber().over(window)).text())
        .startsWith("SELECT row_number() OVER (PARTITION BY p0.\"author_id\" ORDER BY p0.\"view_count\" DESC)");
    assertThat(select(lag(Posts.VIEWS, 2).over(Window.orderedBy(Posts.ID.asc()))).text())
        .startsWith("SELECT lag(p0.\"view_count\", ?) OVER (ORDER BY p0.\"id\")");
    assertThat(select(Aggregate.sum(Posts.VIEWS).over(Window.empty())).text()).startsWith("SELECT sum(p0.\"view_count\") OVER ()");
    assertThat(select(Aggregate.count().filter(Posts.VIEWS.gt(1))).text()).startsWith("SELECT count(*) FILTER (WHERE p0.\"view_count\" > ?)");
    assertThat(select(cast(Posts.VIEWS, Types.LONG)).text()).startsWith("SELECT p0.\"view_count\"::bigint FROM");
  }
}
