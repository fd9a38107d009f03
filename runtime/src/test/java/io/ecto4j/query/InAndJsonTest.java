package io.ecto4j.query;

import static io.ecto4j.query.Functions.in;
import static io.ecto4j.query.Functions.notIn;
import static io.ecto4j.query.Functions.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.query.TestSchemas.Post;
import io.ecto4j.query.TestSchemas.Posts;
import io.ecto4j.type.Types;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** in over expressions and over an array, and JSON paths, rendered. */
class InAndJsonTest {
  private static final Expression<Map<String, Object>> META = Query.column("meta", Types.JSON_MAP);

  private static String where(Query<?> query) {
    String text = query.toSql().text();
    return text.substring(text.indexOf(" WHERE ") + 7);
  }

  /** Ports ecto_sql postgres_test.exs "in expression" ({@code 1 in [1, e.x, 3]}, {@code 1 in []}). */
  @Test
  void inOverExpressionsListsThem() {
    Query<Post> query = Query.from(Posts.SCHEMA).where(in(value(1), value(2), Posts.VIEWS, value(3)));
    assertThat(where(query)).isEqualTo("? IN (?, p0.\"view_count\", ?)");
    assertThat(query.toSql().values()).containsExactly(1, 2, 3);
    assertThat(where(Query.from(Posts.SCHEMA).where(notIn(Posts.TITLE, value("a"))))).isEqualTo("p0.\"title\" NOT IN (?)");
    assertThat(in(Posts.VIEWS)).isSameAs(Condition.FALSE);
    assertThat(notIn(Posts.VIEWS)).isSameAs(Condition.TRUE);
    assertThat(where(Query.from(Posts.SCHEMA).where(value(true).eq(in(Posts.VIEWS, Posts.VIEWS)))))
        .isEqualTo("? = p0.\"view_count\" IN (p0.\"view_count\")");   // IN binds tighter than =
  }

  /** Ports ecto planner_test.exs "plan: casts and dumps custom types in left side of in-expressions" ({@code ^x in p.links}). */
  @Test
  void inOverAnArrayColumnIsAny() {
    Query<Post> query = Query.from(Posts.SCHEMA).where(value("elixir").in(Posts.LABELS));
    assertThat(where(query)).isEqualTo("? = ANY(p0.\"labels\")");
    assertThat(where(Query.from(Posts.SCHEMA).where(Posts.TITLE.notIn(Posts.LABELS))))
        .isEqualTo("NOT (p0.\"title\" = ANY(p0.\"labels\"))");
  }

  /** Ports ecto_sql postgres_test.exs "json_extract_path": keys, indexes and fields as steps. */
  @Test
  void jsonPathStepsAreBoundOrTakenFromExpressions() {
    Query<Object> constant = Query.from("schema").select(Functions.jsonValue(META, "a", 0));
    assertThat(constant.toSql().text()).isEqualTo("SELECT s0.\"meta\" #> ? FROM \"schema\" AS s0");
    assertThat(constant.toSql().values()).containsExactly(List.of("a", "0"));
    Query<String> withField = Query.from("schema")
        .select(Functions.jsonText(META, "a", Query.column("x", Types.INTEGER), 0));
    assertThat(withField.toSql().text())
        .isEqualTo("SELECT s0.\"meta\" #>> ARRAY[?, s0.\"x\"::text, ?]::text[] FROM \"schema\" AS s0");
    assertThat(withField.toSql().values()).containsExactly("a", "0");
    assertThatThrownBy(() -> Functions.json(META, "a", 1.5)).hasMessageContaining("a JSON path step is a key");
    assertThatThrownBy(() -> Functions.json(META)).hasMessageContaining("at least one key");
  }

  /** Ports ecto_sql postgres_test.exs "optimized json_extract_path" (equality with a JSON value). */
  @Test
  void jsonValuesCompareAsJson() {
    Query<Boolean> query = Query.from("schema").where(Functions.jsonValue(META, "id").eq(123)).select(value(true));
    assertThat(where(query)).isEqualTo("s0.\"meta\" #> ? = ?");
    assertThat(query.toSql().values()).containsExactly(true, List.of("id"), 123);
  }
}
