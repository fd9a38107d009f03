package io.ecto4j.it.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.it.schemas.BlogSchema;
import io.ecto4j.it.schemas.Posts;
import io.ecto4j.query.Query;
import io.ecto4j.query.Sql;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Inspection: toString, repo.toSql and PostgreSQL's plan through repo.explain. */
@EctoTest(sandbox = true)
class ExplainTest {

  @BeforeAll
  static void createTables(TestDatabase db) throws SQLException {
    BlogSchema.create(db);
  }

  @BeforeEach
  void seed(Repo repo) {
    BlogData.seed(repo);
  }

  private static final Query<String> POPULAR = Posts.query()
      .where(Posts.PUBLISHED.eq(true).and(Posts.VIEW_COUNT.gt(100)))
      .orderBy(Posts.INSERTED_AT.desc())
      .limit(10)
      .select(Posts.TITLE);

  @Test
  void toStringIsReadable() {
    assertThat(POPULAR).hasToString("#Query<from p0 in \"posts\", where: Post.published = ^true AND Post.viewCount > ^100,"
        + " select: Post.title, order_by: [desc: Post.insertedAt], limit: 10>");
  }

  @Test
  void toSqlGivesTheTextAndTheValues(Repo repo) {
    Sql sql = repo.toSql(POPULAR);
    assertThat(sql.text()).isEqualTo("SELECT p0.\"title\" FROM \"posts\" AS p0"
        + " WHERE p0.\"published\" = ? AND p0.\"view_count\" > ? ORDER BY p0.\"inserted_at\" DESC LIMIT ?");
    assertThat(sql.values()).containsExactly(true, 100, 10);
    assertThat(repo.toSql(POPULAR)).isSameAs(sql);   // rendered once per query value
  }

  @Test
  void explainGivesThePlan(Repo repo) {
    String plan = repo.explain(POPULAR, false);
    assertThat(plan).contains("Limit").contains("Seq Scan on posts").doesNotContain("actual time");
    String analyzed = repo.explain(POPULAR, true);
    assertThat(analyzed).contains("actual time=").contains("rows=1 loops=1");
    String json = repo.explainJson(POPULAR, true);
    assertThat(json).startsWith("[").contains("\"Node Type\": \"Limit\"").contains("\"Actual Rows\": 1");
    assertThat(repo.all(POPULAR)).isEqualTo(List.of("Ecto Guide"));
  }
}
