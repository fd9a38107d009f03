package io.ecto4j.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.query.TestSchemas.Posts;
import io.ecto4j.type.Types;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionTest {
  private static final Condition A = Posts.TITLE.eq("a");
  private static final Condition B = Posts.VIEWS.gt(1);

  @Test
  void trueAndFalseAreIdentities() {
    assertThat(Condition.TRUE.and(A)).isSameAs(A);
    assertThat(A.and(Condition.TRUE)).isSameAs(A);
    assertThat(Condition.FALSE.or(A)).isSameAs(A);
    assertThat(A.or(Condition.TRUE)).isSameAs(Condition.TRUE);
    assertThat(A.and(Condition.FALSE)).isSameAs(Condition.FALSE);
    assertThat(Condition.TRUE.not()).isSameAs(Condition.FALSE);
    assertThat(Condition.all(List.of())).isSameAs(Condition.TRUE);
    assertThat(Condition.any(List.of())).isSameAs(Condition.FALSE);
  }

  @Test
  void combinationsRender() {
    assertThat(Condition.all(List.of(A, B))).hasToString("Post.title = ^a AND Post.views > ^1");
    assertThat(Condition.any(List.of(A, B)).not()).hasToString("NOT (Post.title = ^a OR Post.views > ^1)");
    assertThat(Condition.not(A)).hasToString("NOT (Post.title = ^a)");
    assertThat(Posts.VIEWS.between(1, 5)).hasToString("Post.views BETWEEN ^1 AND ^5");
    assertThat(Posts.TITLE.notIn(List.of("x"))).hasToString("NOT (Post.title = ANY(^[x]))");
    assertThat(Condition.of(Query.column("ok", Types.BOOLEAN))).hasToString("ok");
    assertThat(Query.from(Posts.SCHEMA).where(Condition.TRUE).toSql().text()).doesNotContain("WHERE");
    assertThat(Query.from(Posts.SCHEMA).where(Condition.FALSE).toSql().text()).endsWith("WHERE FALSE");
  }

  @Test
  void comparingWithNullIsRefused() {
    assertThatThrownBy(() -> Posts.TITLE.eq((String) null))
        .hasMessage("comparing Post.title with null is not allowed in a query; use Post.title.isNull() instead");
    assertThatThrownBy(() -> Posts.TITLE.ne((String) null)).hasMessageContaining("use Post.title.isNotNull() instead");
    assertThatThrownBy(() -> Posts.VIEWS.gt((Integer) null)).hasMessage("comparing Post.views with null is not allowed in a query");
    assertThatThrownBy(() -> Posts.VIEWS.between(null, 1)).hasMessageContaining("the low end of Post.views.between(…) is null");
  }
}
