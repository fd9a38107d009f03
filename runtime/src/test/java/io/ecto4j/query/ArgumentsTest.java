package io.ecto4j.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.query.TestSchemas.Post;
import io.ecto4j.query.TestSchemas.Posts;
import io.ecto4j.type.Types;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Regression tests for issue #18: a null collection or array given to the query DSL, or a null in
 * one, is an IllegalArgumentException naming the call, not a bare NullPointerException.
 */
class ArgumentsTest {
  private static final Query<Post> POSTS = Query.from(Posts.SCHEMA);

  /**
   * Ports ecto test/ecto/query/planner_test.exs's cast errors ("value `1` in `where` cannot be cast
   * to type :string"): {@code p.title in ^nil} is "value `nil` in `where` cannot be cast to type {:in, :string}".
   */
  @Test
  void inOfNullIsEctosCastError() {
    assertThatThrownBy(() -> Posts.TITLE.in((Collection<String>) null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("value `null` in `Post.title.in(…)` cannot be cast to type {:in, varchar(255)}: pass a collection"
            + " (an empty one matches no row)");
    assertThatThrownBy(() -> Posts.VIEWS.notIn((Collection<Integer>) null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("value `null` in `Post.views.notIn(…)` cannot be cast to type {:in, integer}");
  }

  /** Regression test for issue #18: a null in the list would match nothing (or, negated, hide every row). */
  @Test
  void aNullElementOfInIsRefused() {
    assertThatThrownBy(() -> Posts.TITLE.in(Arrays.asList("a", null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("value `null` at index 1 of `Post.title.in(…)` is not allowed: a comparison with null matches"
            + " nothing in SQL; use Post.title.isNull()");
    assertThat(Posts.TITLE.in(List.of())).hasToString("Post.title = ANY(^[])");
  }

  /** Regression test for issue #18: every list or array the DSL takes. */
  @Test
  void nullArraysAndElementsNameTheCall() {
    assertThatThrownBy(() -> POSTS.groupBy((Expression<?>[]) null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("groupBy was given a null array instead of terms");
    assertThatThrownBy(() -> POSTS.orderBy(Posts.ID.asc(), null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("orderBy was given null at index 1 of its terms");
    assertThatThrownBy(() -> POSTS.distinctOn((Expression<?>[]) null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("distinctOn was given a null array");
    assertThatThrownBy(() -> POSTS.select(Posts.TITLE, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("select was given null at index 1 of its items");
    assertThatThrownBy(() -> POSTS.select((java.util.Map<String, Selectable<?>>) null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("select(Map) was given null");
    assertThatThrownBy(() -> Condition.all(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Condition.all(…) was given null instead of a collection of conditions");
    assertThatThrownBy(() -> Condition.any(Arrays.asList(Condition.TRUE, null)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("Condition.any(…) was given null at index 1 of its conditions");
    assertThatThrownBy(() -> Functions.fragment(Types.TEXT, "lower(?)", (Expression<?>[]) null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was given a null array of arguments");
    assertThatThrownBy(() -> Functions.jsonText(Query.column("doc", Types.JSON_MAP), (String[]) null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("a JSON path was given a null array instead of keys");
    assertThatThrownBy(() -> Window.partitionBy((Expression<?>[]) null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Window.partitionBy(…) was given a null array");
    assertThatThrownBy(() -> POSTS.exclude((Query.Clause) null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("exclude was given null at index 0 of its clauses");
  }
}
