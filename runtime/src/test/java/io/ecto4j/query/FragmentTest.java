package io.ecto4j.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.query.TestSchemas.Posts;
import io.ecto4j.type.Types;
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
}
