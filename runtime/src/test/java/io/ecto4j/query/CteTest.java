package io.ecto4j.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.query.TestSchemas.Post;
import io.ecto4j.query.TestSchemas.Posts;
import org.junit.jupiter.api.Test;

class CteTest {

  @Test
  void aCteIsDefinedInWithAndReadByName() {
    Cte<Post> popular = Cte.of("popular", Query.from(Posts.SCHEMA).where(Posts.VIEWS.gt(100)));
    assertThat(Query.from(popular).select(Posts.TITLE).toSql().text()).isEqualTo(
        "WITH \"popular\" AS (SELECT p1.\"id\", p1.\"title\", p1.\"view_count\", p1.\"author_id\", p1.\"labels\""
            + " FROM \"posts\" AS p1 WHERE p1.\"view_count\" > ?) SELECT p0.\"title\" FROM \"popular\" AS p0");
  }

  @Test
  void aRecursiveCteRefersToItself() {
    Cte<Post> chain = Cte.recursive("chain", Posts.SCHEMA, self -> {
      Alias<Post> previous = Alias.of(self, "previous");
      return Query.from(Posts.SCHEMA).where(Posts.ID.eq(1L))
          .unionAll(Query.from(Posts.SCHEMA).join(previous, Posts.AUTHOR_ID.eq(previous.field(Posts.ID))));
    });
    String sql = Query.from(chain).prefix("tenant").select(Posts.ID).toSql().text();
    assertThat(sql).startsWith("WITH RECURSIVE \"chain\" AS ((SELECT p1.\"id\"")
        .contains("FROM \"tenant\".\"posts\" AS p1 WHERE p1.\"id\" = ?) UNION ALL (SELECT p2.\"id\"")
        .contains("INNER JOIN \"chain\" AS c3 ON p2.\"author_id\" = c3.\"id\"")
        .endsWith(") SELECT c0.\"id\" FROM \"chain\" AS c0");
  }
}
