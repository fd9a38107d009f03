package io.ecto4j.query;

import static io.ecto4j.query.Functions.exists;
import static io.ecto4j.query.Functions.lag;
import static io.ecto4j.query.Functions.nthValue;
import static io.ecto4j.query.Functions.rank;
import static io.ecto4j.query.Functions.rowNumber;
import static io.ecto4j.query.Functions.value;
import static io.ecto4j.query.Functions.windowFragment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.query.TestSchemas.Comments;
import io.ecto4j.query.TestSchemas.Posts;
import io.ecto4j.type.Types;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Windows: frames, named windows ({@code WINDOW "w" AS (…)}) and the window functions, rendered. */
class WindowTest {
  private static final Query<TestSchemas.Post> POSTS = Query.from(Posts.SCHEMA);

  /** The values bound, in order. */
  static List<Object> values(Sql sql) {
    return sql.params().stream().<Object>map(BoundValue::value).toList();
  }

  private static String select(Expression<?> expression) {
    return POSTS.select(expression).toSql().text();
  }

  /**
   * Ports ecto_sql postgres_test.exs "windows and partitions / frame clause" and ecto
   * windows_test.exs "escape / supports frames": a frame written as SQL text, with a bound value.
   */
  @Test
  void aFrameWrittenAsTextFollowsTheOrder() {
    Window window = Window.partitionBy(Posts.ID, Posts.AUTHOR_ID).orderBy(Posts.ID.asc())
        .frame("ROWS BETWEEN 2 PRECEDING AND 2 FOLLOWING");
    assertThat(select(Aggregate.count(Posts.ID).over(window))).isEqualTo("SELECT count(p0.\"id\") OVER (PARTITION BY"
        + " p0.\"id\", p0.\"author_id\" ORDER BY p0.\"id\" ROWS BETWEEN 2 PRECEDING AND 2 FOLLOWING) FROM \"posts\" AS p0");
    Sql bound = POSTS.select(rowNumber().over(Window.empty().frame("ROWS ? PRECEDING EXCLUDE CURRENT ROW", value(3L))))
        .toSql();
    assertThat(bound.text()).startsWith("SELECT row_number() OVER (ROWS ? PRECEDING EXCLUDE CURRENT ROW) FROM");
    assertThat(values(bound)).containsExactly(3L);
    assertThatThrownBy(() -> Window.empty().frame("ROWS ? PRECEDING"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 placeholder(s) ? but 0 argument(s)");
  }

  /**
   * Ports ecto windows_test.exs "at compile / defines frame", "at runtime / allows dynamic on frame",
   * "at runtime / static on all" and "at runtime / dynamic on all": a typed frame, with its offsets
   * bound in the order they appear, after the partition's and the order's values.
   */
  @Test
  void aTypedFrameRendersItsBoundsAndBindsItsOffsets() {
    Window window = Window.partitionBy(Posts.TITLE.eq("bar")).orderBy(Posts.VIEWS.asc())
        .frame(Frame.rowsBetween(Frame.preceding(2), Frame.following(1)).exclude(Frame.Exclusion.CURRENT_ROW));
    Sql sql = POSTS.select(Aggregate.sum(Posts.VIEWS).over(window)).toSql();
    assertThat(sql.text()).startsWith("SELECT sum(p0.\"view_count\") OVER (PARTITION BY p0.\"title\" = ? ORDER BY"
        + " p0.\"view_count\" ROWS BETWEEN ? PRECEDING AND ? FOLLOWING EXCLUDE CURRENT ROW) FROM");
    assertThat(values(sql)).containsExactly("bar", 2L, 1L);
    assertThat(select(rank().over(Window.orderedBy(Posts.ID.asc()).frame(Frame.rows(Frame.unboundedPreceding())))))
        .startsWith("SELECT rank() OVER (ORDER BY p0.\"id\" ROWS UNBOUNDED PRECEDING) FROM");
    assertThat(select(rank().over(Window.orderedBy(Posts.ID.asc())
        .frame(Frame.groupsBetween(Frame.currentRow(), Frame.unboundedFollowing()).exclude(Frame.Exclusion.TIES)))))
        .startsWith("SELECT rank() OVER (ORDER BY p0.\"id\" GROUPS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING EXCLUDE TIES)");
    assertThat(select(rank().over(Window.empty().frame(Frame.range(Frame.unboundedPreceding())))))
        .startsWith("SELECT rank() OVER (RANGE UNBOUNDED PRECEDING) FROM");
    // a later frame replaces an earlier one, of either kind
    assertThat(select(rank().over(Window.empty().frame("ROWS 1 PRECEDING").frame(Frame.rows(Frame.currentRow())))))
        .startsWith("SELECT rank() OVER (ROWS CURRENT ROW) FROM");
  }

  /** PostgreSQL's rules of frames, refused when the frame is built (or the window rendered) with the bound named. */
  @Test
  void framesPostgresqlRefusesAreRefusedWhenBuilt() {
    assertThatThrownBy(() -> Frame.rows(Frame.unboundedFollowing()))
        .hasMessage("frame ROWS UNBOUNDED FOLLOWING: a frame cannot start at UNBOUNDED FOLLOWING");
    assertThatThrownBy(() -> Frame.rowsBetween(Frame.currentRow(), Frame.unboundedPreceding()))
        .hasMessageContaining("a frame cannot end at UNBOUNDED PRECEDING");
    assertThatThrownBy(() -> Frame.rowsBetween(Frame.following(1), Frame.preceding(1)))
        .hasMessageContaining("ROWS BETWEEN ^1 FOLLOWING AND ^1 PRECEDING: a frame cannot end before it starts");
    assertThatThrownBy(() -> Frame.rows(Frame.following(1)))
        .hasMessageContaining("it ends at CURRENT ROW; use rowsBetween");
    assertThatThrownBy(() -> Frame.preceding(-1)).hasMessageContaining("must not be negative");
    Window unordered = Window.partitionBy(Posts.ID).frame(Frame.range(Frame.preceding(5)));
    assertThatThrownBy(() -> select(rank().over(unordered)))
        .hasMessageContaining("a RANGE frame with an offset needs a window ordered by exactly one term, but the window has 0");
    Window groups = Window.empty().frame(Frame.groups(Frame.unboundedPreceding()));
    assertThatThrownBy(() -> select(rank().over(groups))).hasMessageContaining("a GROUPS frame needs an ordered window");
  }

  /**
   * Ports ecto_sql postgres_test.exs "windows and partitions / one window", "two windows" and
   * "count over window": {@code WINDOW "w" AS (…)} after HAVING and before ORDER BY, used by name.
   */
  @Test
  void namedWindowsAreDefinedOnceAndUsedByName() {
    assertThat(POSTS.select(Posts.ID).window("w", Window.partitionBy(Posts.ID)).toSql().text())
        .isEqualTo("SELECT p0.\"id\" FROM \"posts\" AS p0 WINDOW \"w\" AS (PARTITION BY p0.\"id\")");
    assertThat(POSTS.select(Posts.ID).window("w1", Window.partitionBy(Posts.ID))
        .window("w2", Window.partitionBy(Posts.TITLE)).toSql().text())
        .isEqualTo("SELECT p0.\"id\" FROM \"posts\" AS p0 WINDOW \"w1\" AS (PARTITION BY p0.\"id\"),"
            + " \"w2\" AS (PARTITION BY p0.\"title\")");
    Query<Long> counted = POSTS.window("w", Window.partitionBy(Posts.ID)).select(Aggregate.count(Posts.ID).over("w"))
        .groupBy(Posts.ID).having(Posts.ID.gt(1L)).orderBy(Posts.ID.asc());
    assertThat(counted.toSql().text()).isEqualTo("SELECT count(p0.\"id\") OVER \"w\" FROM \"posts\" AS p0"
        + " GROUP BY p0.\"id\" HAVING p0.\"id\" > ? WINDOW \"w\" AS (PARTITION BY p0.\"id\") ORDER BY p0.\"id\"");
    assertThat(counted.toString()).contains("windows: [w: over(partition_by: [Post.id], order_by: [])]");
    assertThat(POSTS.window("w", Window.orderedBy(Posts.ID.asc())).select(rank().over("w")).toSql().text())
        .startsWith("SELECT rank() OVER \"w\" FROM");
    // wrapped for an aggregate, the query keeps its windows
    assertThat(Statements.aggregate(POSTS.window("w", Window.empty()).select(rank().over("w")).limit(5),
        Aggregate.count()).text()).contains("SELECT rank() OVER \"w\" FROM \"posts\" AS p1 WINDOW \"w\" AS () LIMIT ?");
  }

  /** Ports ecto windows_test.exs "at runtime / raises on duplicate window"; and over(name) of no window. */
  @Test
  void aWindowNameIsDefinedOnceAndMustBeDefinedToBeUsed() {
    Query<TestSchemas.Post> defined = POSTS.window("w", Window.partitionBy(Posts.ID));
    assertThatThrownBy(() -> defined.window("w", Window.partitionBy(Posts.TITLE)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("window with name w is already defined");
    assertThatThrownBy(() -> POSTS.select(rank().over("v")).toSql())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown window v given to over(\"v\"); this query defines []");
    // a window is one SELECT level's: a subquery cannot use the outer query's
    Query<Long> inner = Query.from(Comments.SCHEMA).select(rank().over("w"));
    assertThatThrownBy(() -> defined.where(exists(inner)).toSql()).hasMessageContaining("unknown window w");
  }

  /** Ports ecto query_test.exs "exclude/2 / removes windows". */
  @Test
  void excludeRemovesTheWindows() {
    Query<Long> query = POSTS.window("title", Window.partitionBy(Posts.TITLE))
        .window("visits", Window.partitionBy(Posts.VIEWS)).select(Posts.ID);
    assertThat(query.exclude(Query.Clause.WINDOW).toSql().text()).isEqualTo("SELECT p0.\"id\" FROM \"posts\" AS p0");
    assertThat(query.exclude(Query.Clause.WINDOW).window("title", Window.empty()).toSql().text()).endsWith("WINDOW \"title\" AS ()");
    assertThat(query.excludeWindows("title").toSql().text())
        .isEqualTo("SELECT p0.\"id\" FROM \"posts\" AS p0 WINDOW \"visits\" AS (PARTITION BY p0.\"view_count\")");
    assertThatThrownBy(() -> query.excludeWindows("nope"))
        .hasMessage("excludeWindows(\"nope\"): this query defines no window nope; its windows are [title, visits]");
  }

  /**
   * Ports ecto_sql postgres_test.exs "windows and partitions / window with subquery" and ecto
   * windows_test.exs "at runtime / supports subqueries": a correlated subquery in a window.
   */
  @Test
  void aWindowMayHoldACorrelatedSubquery() {
    Query<Long> correlated = Query.from(Comments.SCHEMA).where(Comments.POST_ID.eq(Posts.ID)).select(Comments.ID);
    assertThat(POSTS.select(Posts.ID).window("w", Window.orderedBy(exists(correlated).asc())).toSql().text())
        .isEqualTo("SELECT p0.\"id\" FROM \"posts\" AS p0 WINDOW \"w\" AS (ORDER BY exists(SELECT c1.\"id\" FROM"
            + " \"comments\" AS c1 WHERE c1.\"post_id\" = p0.\"id\"))");
    assertThat(select(rank().over(Window.partitionBy(exists(correlated))))).startsWith("SELECT rank() OVER (PARTITION BY"
        + " exists(SELECT c1.\"id\" FROM \"comments\" AS c1 WHERE c1.\"post_id\" = p0.\"id\")) FROM");
  }

  /**
   * Ports ecto_sql postgres_test.exs "windows and partitions / nth_value over all", "lag/2 over all"
   * and "custom aggregation over all".
   */
  @Test
  void nthValueLagAndACustomFunctionOverAWindow() {
    Sql nth = POSTS.select(nthValue(Posts.ID, 42).over(Window.empty())).toSql();
    assertThat(nth.text()).isEqualTo("SELECT nth_value(p0.\"id\", ?) OVER () FROM \"posts\" AS p0");
    assertThat(values(nth)).containsExactly(42);
    assertThatThrownBy(() -> nthValue(Posts.ID, 0)).hasMessageContaining("n counts the frame's rows from 1");
    Sql lagged = POSTS.select(lag(Posts.ID, 42).over(Window.empty())).toSql();
    assertThat(lagged.text()).isEqualTo("SELECT lag(p0.\"id\", ?) OVER () FROM \"posts\" AS p0");
    assertThat(values(lagged)).containsExactly(42);
    assertThat(select(windowFragment(Types.LONG, "custom_function(?)", Posts.ID).over(Window.empty())))
        .isEqualTo("SELECT custom_function(p0.\"id\") OVER () FROM \"posts\" AS p0");
    assertThat(windowFragment(Types.LONG, "custom_function(?)", Posts.ID).toString())
        .isEqualTo("custom_function(Post.id)");
  }

  /** updateAll and deleteAll take no window, as they take no other clause that shapes rows. */
  @Test
  void bulkWritesTakeNoWindow() {
    assertThatThrownBy(() -> Statements.deleteAll(POSTS.window("w", Window.empty()), false))
        .hasMessageContaining("deleteAll takes only where, inner joins and with (CTEs)");
  }
}
