package io.ecto4j.query;

import static io.ecto4j.query.Functions.constant;
import static io.ecto4j.query.Functions.fragment;
import static io.ecto4j.query.Functions.identifier;
import static io.ecto4j.query.Functions.plus;
import static io.ecto4j.query.Functions.splice;
import static io.ecto4j.query.Functions.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.query.TestSchemas.Posts;
import io.ecto4j.type.Types;
import java.util.List;
import org.junit.jupiter.api.Test;

class FragmentTest {

  private static String render(Expression<?> expression) {
    return Query.from(Posts.SCHEMA).select(expression).toSql().text();
  }

  @Test
  void placeholdersTakeTheArgumentsAndValuesAreBound() {
    Expression<String> lower = Functions.fragment(Types.TEXT, "lower(?)", Posts.TITLE);
    assertThat(render(lower)).isEqualTo("SELECT lower(p0.\"title\") FROM \"posts\" AS p0");
    Query<?> query = Query.from(Posts.SCHEMA).where(Condition.fragment("? ILIKE ?", Posts.TITLE, Functions.value("%a%")));
    assertThat(query.toSql().text()).endsWith("WHERE p0.\"title\" ILIKE ?");
    assertThat(query.toSql().values()).containsExactly("%a%");
    assertThat(lower).hasToString("fragment(lower(Post.title))");
  }

  @Test
  void quotedTextAndDoubledQuestionMarksAreNotPlaceholders() {
    assertThat(render(Functions.fragment(Types.TEXT, "coalesce(?, '?', \"x?\")", Posts.TITLE)))
        .startsWith("SELECT coalesce(p0.\"title\", '?', \"x?\")");
    assertThat(render(Functions.fragment(Types.BOOLEAN, "? ?? 'key'", Posts.TITLE)))
        .startsWith("SELECT p0.\"title\" ?? 'key'");
  }

  @Test
  void aMismatchedPlaceholderCountIsRefused() {
    assertThatThrownBy(() -> Functions.fragment(Types.TEXT, "lower(?)"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("fragment \"lower(?)\" has 1 placeholder(s) ? but 0 argument(s) were given; pass one expression"
            + " per ? (a value as Functions.value(…)), and write ?? for a literal question mark");
    assertThatThrownBy(() -> Condition.fragment("? = ?", Posts.TITLE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has 2 placeholder(s) ? but 1 argument(s)");
    assertThatThrownBy(() -> Functions.fragment(Types.TEXT, "now()", Posts.TITLE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has 0 placeholder(s) ? but 1 argument(s)");
  }

  @Test
  void statementSeparatorsAndCommentsAreRefused() {
    for (String text : new String[] {"1; DROP TABLE posts", "? -- rest", "? /* x */", "'unterminated ?"}) {
      assertThatThrownBy(() -> Functions.fragment(Types.TEXT, text, Posts.TITLE))
          .as(text).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fragment \"" + text + "\" contains");
    }
    assertThat(render(Functions.fragment(Types.TEXT, "'a;b--c/*'"))).startsWith("SELECT 'a;b--c/*'");
  }

  /**
   * Ports planner_test.exs "filter / with fragment": an aggregate written as a fragment takes its
   * {@code FILTER} in its text, the condition as an argument ({@code filter} is on {@link Aggregate}).
   */
  @Test
  void anAggregateFragmentWritesItsFilter() {
    Query<Long> query = Query.from(TestSchemas.Comments.SCHEMA).groupBy(TestSchemas.Comments.POST_ID)
        .select(Functions.fragment(Types.LONG, "count(?) FILTER (WHERE ?)", TestSchemas.Comments.BODY,
            TestSchemas.Comments.BODY.ne("aaaa")));
    assertThat(query.toSql().text()).isEqualTo("SELECT count(c0.\"body\") FILTER (WHERE (c0.\"body\" <> ?))"
        + " FROM \"comments\" AS c0 GROUP BY c0.\"post_id\"");
    assertThat(query.toSql().values()).containsExactly("aaaa");
  }

  /** Ports ecto query_test.exs "fragment/1 / supports identifiers": quoted, never pasted. */
  @Test
  void anIdentifierArgumentIsQuoted() {
    assertThat(render(fragment(Types.TEXT, "? COLLATE ?", Posts.TITLE, identifier("es_ES"))))
        .isEqualTo("SELECT p0.\"title\" COLLATE \"es_ES\" FROM \"posts\" AS p0");
    assertThat(render(fragment(Types.TEXT, "? COLLATE ?", Posts.TITLE, identifier("a\"b"))))
        .startsWith("SELECT p0.\"title\" COLLATE \"a\"\"b\" FROM");
    assertThatThrownBy(() -> identifier("")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a valid SQL identifier: ");
    assertThat(identifier("es_ES")).hasToString("identifier(es_ES)");
  }

  /** Ports ecto query_test.exs "fragment/1 / supports constants": literals written into the text. */
  @Test
  void aConstantArgumentIsALiteral() {
    Query<String> query = Query.from(Posts.SCHEMA).select(fragment(Types.TEXT, "?", constant("hi")))
        .where(Condition.fragment("? < ?", Posts.VIEWS, constant(1)));
    assertThat(query.toSql().text()).isEqualTo("SELECT 'hi' FROM \"posts\" AS p0 WHERE p0.\"view_count\" < 1");
    assertThat(query.toSql().values()).isEmpty();
    assertThat(render(fragment(Types.TEXT, "?", constant("it's")))).startsWith("SELECT 'it''s' FROM");
    assertThat(render(fragment(Types.DOUBLE, "? * ?", Posts.VIEWS, constant(-1.5)))).startsWith("SELECT p0.\"view_count\" * (-1.5)");
    assertThat(render(fragment(Types.DOUBLE, "?", constant(1e20)))).startsWith("SELECT 100000000000000000000 FROM");
    assertThatThrownBy(() -> constant(Double.NaN)).hasMessage("constant(value) expects a finite number, got NaN");
    assertThatThrownBy(() -> constant("a\0b")).hasMessageContaining("expects a string without NUL characters");
  }

  /**
   * Ports ecto query_test.exs "fragment/1 / supports interpolated list splicing" and planner_test.exs
   * "normalize: fragment with splicing": a list's values in place of one ?, bound in order with the
   * values around them.
   */
  @Test
  void aSplicedListBindsEachValueInPlace() {
    Query<?> query = Query.from(Posts.SCHEMA).where(Condition.fragment("? IN (?,?,?)", Posts.ID, value(1L),
        splice(List.of(2L, 3L, 4L), Types.LONG), value(5L)));
    assertThat(query.toSql().text()).endsWith("WHERE p0.\"id\" IN (?,?,?,?,?)");
    assertThat(query.toSql().values()).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(render(fragment(Types.TEXT, "f(?)", splice(List.of(), Types.LONG)))).startsWith("SELECT f() FROM");
    assertThatThrownBy(() -> splice(null, Types.LONG)).hasMessageContaining("splice was given null");
  }

  /**
   * Ports ecto query_test.exs "fragment/1 / supports compile-time list splicing" and "… with fragment
   * modifiers": a splice of expressions, fields, computed values and constants.
   */
  @Test
  void aSpliceOfExpressionsRendersEachInPlace() {
    Query<?> query = Query.from(Posts.SCHEMA).where(Condition.fragment("? IN (?,?,?)", Posts.ID, value(1L),
        splice(constant(2), Posts.ID, plus(Posts.ID, 3L), constant(3)), value(5L)));
    assertThat(query.toSql().text()).endsWith("WHERE p0.\"id\" IN (?,2,p0.\"id\",(p0.\"id\" + ?),3,?)");
    assertThat(query.toSql().values()).containsExactly(1L, 3L, 5L);
  }

  /**
   * Ports ecto query_test.exs "fragment/1 / supports compile-time list splicing with nested splicing"
   * and planner_test.exs "normalize: fragment with nested splicing": a splice inside a splice is
   * flattened, its values bound in order.
   */
  @Test
  void aNestedSpliceIsFlattened() {
    Query<?> runtime = Query.from(Posts.SCHEMA).where(Condition.fragment("? IN (?,?,?)", Posts.ID, value(1L),
        splice(constant(2), splice(List.of(3L, 4L), Types.LONG)), value(5L)));
    assertThat(runtime.toSql().text()).endsWith("WHERE p0.\"id\" IN (?,2,?,?,?)");
    assertThat(runtime.toSql().values()).containsExactly(1L, 3L, 4L, 5L);
    Query<?> constants = Query.from(Posts.SCHEMA).where(Condition.fragment("? IN (?,?,?)", Posts.ID, value(1L),
        splice(constant(2), splice(constant(3), constant(4)), constant(5)), value(6L)));
    assertThat(constants.toSql().text()).endsWith("WHERE p0.\"id\" IN (?,2,3,4,5,?)");
    assertThat(constants.toSql().values()).containsExactly(1L, 6L);
  }

  /**
   * Ports ecto planner_test.exs "normalize: params around splicing inside dynamic": conditions built
   * at run time around two spliced fragments bind their values in the order they appear.
   */
  @Test
  void valuesAroundSplicesAreBoundInOrder() {
    Condition dynamic = Posts.TITLE.eq("a")
        .and(Condition.fragment("? = ANY(ARRAY[?])", Posts.ID, splice(List.of(1L, 2L, 3L), Types.LONG)))
        .and(Posts.VIEWS.gt(1))
        .and(Condition.fragment("? = ANY(ARRAY[?])", Posts.ID, splice(List.of(10L, 11L), Types.LONG)));
    Sql sql = Query.from(Posts.SCHEMA).select(Posts.ID).where(dynamic).toSql();
    assertThat(sql.text()).endsWith("WHERE p0.\"title\" = ? AND (p0.\"id\" = ANY(ARRAY[?,?,?])) AND p0.\"view_count\" > ?"
        + " AND (p0.\"id\" = ANY(ARRAY[?,?]))");
    assertThat(sql.values()).containsExactly("a", 1L, 2L, 3L, 1, 10L, 11L);
  }

  /** Ports ecto query_test.exs "fragment/1 / keeps UTF-8 encoding": the text itself may be any Unicode. */
  @Test
  void fragmentTextKeepsUnicode() {
    Query<?> query = Query.from(Posts.SCHEMA).where(Condition.fragment("'héllò' <> ?", Posts.TITLE));
    assertThat(query.toSql().text()).endsWith("WHERE 'héllò' <> p0.\"title\"");
    assertThat(query.toString()).contains("héllò");
    assertThat(render(fragment(Types.TEXT, "? || '日本語 😀'", Posts.TITLE))).startsWith("SELECT p0.\"title\" || '日本語 😀' FROM");
  }
}
