package io.ecto4j.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.query.TestSchemas.Posts;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ports planner_test.exs "normalize: reject empty order by and group by": no terms add no clause. */
class EmptyClausesTest {
  @Test
  void orderByAndGroupByWithNoTermsAddNothing() {
    String plain = Query.from(Posts.SCHEMA).toSql().text();
    assertThat(Query.from(Posts.SCHEMA).orderBy().toSql().text()).isEqualTo(plain).doesNotContain("ORDER BY");
    assertThat(Query.from(Posts.SCHEMA).orderBy(new Order[0]).toSql().text()).isEqualTo(plain);
    assertThat(Query.from(Posts.SCHEMA).groupBy(new Expression<?>[0]).toSql().text()).isEqualTo(plain).doesNotContain("GROUP BY");
    assertThat(Query.from(Posts.SCHEMA).orderBy(List.<Order>of().toArray(Order[]::new)).orderBy(Posts.ID.asc())
        .toSql().text()).endsWith("ORDER BY p0.\"id\"");
  }
}
