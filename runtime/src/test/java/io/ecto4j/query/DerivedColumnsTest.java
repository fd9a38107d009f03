package io.ecto4j.query;

import static io.ecto4j.query.Functions.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.query.TestSchemas.Post;
import io.ecto4j.query.TestSchemas.Posts;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which column of a subquery or combination the query around it reads for a field of its schema
 * ({@code Posts.VIEWS} is the field {@code views}, stored as {@code view_count}).
 */
class DerivedColumnsTest {

  private static Query<Map<String, Object>> mapOf(String key) {
    Map<String, Selectable<?>> fields = new LinkedHashMap<>();
    fields.put("id", Posts.ID);
    fields.put(key, Posts.VIEWS);
    return Query.from(Posts.SCHEMA).select(fields);
  }

  @Test
  void aStructSubqueryKeepsItsColumnsAndAMergedVirtualFieldIsOne() {
    Query<Post> merged = Query.from(Posts.SCHEMA).selectMerge(Posts.NOTE, value("n"));
    assertThat(Query.from(merged).where(Posts.VIEWS.gt(1).and(Posts.NOTE.eq("n"))).toSql().text())
        .endsWith("AS s0 WHERE s0.\"view_count\" > ? AND s0.\"note\" = ?");
  }

  @Test
  void aMapSubquerysFieldIsTheKeyOfItsNameOrOfItsColumn() {
    assertThat(Query.from(mapOf("views")).select(Posts.VIEWS).toSql().text()).startsWith("SELECT s0.\"views\" FROM");
    assertThat(Query.from(mapOf("view_count")).select(Posts.VIEWS).toSql().text())
        .startsWith("SELECT s0.\"view_count\" FROM");
    assertThatThrownBy(() -> Query.from(mapOf("n")).select(Posts.TITLE).toSql())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("field `title` does not exist in subquery(")
        .hasMessageContaining("its columns are [id, n]");
  }

  @Test
  void aLaterUnionOperandTakesTheFirstsKeyOrder() {
    Map<String, Selectable<?>> reversed = new LinkedHashMap<>();
    reversed.put("views", Posts.VIEWS);
    reversed.put("id", Posts.ID);
    String sql = mapOf("views").union(Query.from(Posts.SCHEMA).select(reversed)).toSql().text();
    assertThat(sql).isEqualTo("(SELECT p0.\"id\" AS \"id\", p0.\"view_count\" AS \"views\" FROM \"posts\" AS p0)"
        + " UNION (SELECT p1.\"id\" AS \"id\", p1.\"view_count\" AS \"views\" FROM \"posts\" AS p1)");
  }
}
