package io.ecto4j.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.query.TestSchemas.Comments;
import io.ecto4j.query.TestSchemas.Post;
import io.ecto4j.query.TestSchemas.Posts;
import io.ecto4j.query.TestSchemas.Tag;
import io.ecto4j.query.TestSchemas.Tags;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementsTest {
  private static final Query<Post> POSTS = Query.from(Posts.SCHEMA);

  @Test
  void aggregatesDropTheOrderOrWrapTheQuery() {
    assertThat(Statements.aggregate(POSTS.where(Posts.VIEWS.gt(1)).orderBy(Posts.ID.asc()), Aggregate.count()).text())
        .isEqualTo("SELECT count(*) FROM \"posts\" AS p0 WHERE p0.\"view_count\" > ?");
    assertThat(Statements.aggregate(POSTS.orderBy(Posts.ID.asc()).limit(2), Aggregate.sum(Posts.VIEWS)).text())
        .isEqualTo("SELECT sum(s0.\"view_count\") FROM (SELECT p1.\"view_count\" FROM \"posts\" AS p1"
            + " ORDER BY p1.\"id\" LIMIT ?) AS s0"); // the aggregated field alone, as Ecto selects it
  }

  @Test
  void existsSelectsOneKeepsTheOrderLimitOne() {
    assertThat(Statements.exists(POSTS.where(Posts.ID.eq(1L)).orderBy(Posts.ID.asc())).text())
        .isEqualTo("SELECT 1 FROM \"posts\" AS p0 WHERE p0.\"id\" = ? ORDER BY p0.\"id\" LIMIT ?");
    assertThat(Statements.exists(POSTS.offset(3)).text()).isEqualTo("SELECT 1 FROM \"posts\" AS p0 LIMIT ? OFFSET ?");
    assertThat(Statements.exists(POSTS.distinct().offset(3)).text())
        .startsWith("SELECT 1 FROM (SELECT DISTINCT ").endsWith("OFFSET ?) AS s0 LIMIT ?");
  }

  @Test
  void updateAllSetsIncrementsPushesAndPulls() {
    Sql sql = Statements.updateAll(POSTS.where(Posts.ID.eq(1L)), List.of(Update.set(Posts.TITLE, "t"),
        Update.inc(Posts.VIEWS, 2), Update.push(Posts.LABELS, "a"), Update.setNull(Posts.AUTHOR_ID)), false);
    assertThat(sql.text()).isEqualTo("UPDATE \"posts\" AS p0 SET \"title\" = ?, \"view_count\" = p0.\"view_count\" + ?,"
        + " \"labels\" = array_cat(p0.\"labels\", ?), \"author_id\" = ? WHERE p0.\"id\" = ?");
    assertThat(sql.values()).containsExactly("t", 2, List.of("a"), null, 1L);
    assertThat(Statements.updateAll(POSTS, List.of(Update.pull(Posts.LABELS, "b")), false).text())
        .isEqualTo("UPDATE \"posts\" AS p0 SET \"labels\" = array_remove(p0.\"labels\", (?)[1])");
    assertThat(Statements.updateAll(POSTS.join(Posts.COMMENTS).where(Comments.BODY.eq("x")).select(Posts.ID),
        List.of(Update.set(Posts.TITLE, "t")), true).text())
        .isEqualTo("UPDATE \"posts\" AS p0 SET \"title\" = ? FROM \"comments\" AS c1"
            + " WHERE c1.\"post_id\" = p0.\"id\" AND c1.\"body\" = ? RETURNING p0.\"id\"");
    assertThatThrownBy(() -> Statements.updateAll(POSTS, List.of(), false))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs at least one Update");
  }

  @Test
  void deleteAllUsesUsingForJoins() {
    assertThat(Statements.deleteAll(POSTS.join(Posts.COMMENTS), true).text())
        .isEqualTo("DELETE FROM \"posts\" AS p0 USING \"comments\" AS c1 WHERE c1.\"post_id\" = p0.\"id\""
            + " RETURNING p0.\"id\", p0.\"title\", p0.\"view_count\", p0.\"author_id\", p0.\"labels\"");
    assertThat(Statements.deleteAll(POSTS.prefix("t"), false).text()).isEqualTo("DELETE FROM \"t\".\"posts\" AS p0");
  }

  private static final String UNNEST_TAGS = "INSERT INTO \"tags\" AS t0 (\"name\") SELECT u.c1"
      + " FROM unnest(?::text[]) WITH ORDINALITY AS u (c1, n) ORDER BY u.n";

  @Test
  void insertAllWithConflictHandling() {
    List<Tag> tags = List.of(new Tag(null, "a"), new Tag(null, "b"));
    assertThat(Statements.insertAll(Tags.SCHEMA, Tags.SCHEMA.insertFields(), tags, OnConflict.raise(), null).text())
        .isEqualTo(UNNEST_TAGS);
    assertThat(Statements.insertAll(Tags.SCHEMA, Tags.SCHEMA.insertFields(), tags, OnConflict.nothing(), Tags.SCHEMA.fields()).text())
        .isEqualTo(UNNEST_TAGS + " ON CONFLICT DO NOTHING RETURNING t0.\"id\", t0.\"name\"");
    assertThat(Statements.insertAll(Tags.SCHEMA, Tags.SCHEMA.insertFields(), tags,
        OnConflict.replaceAll().target(Tags.ID), null).text()).endsWith("ON CONFLICT (\"id\") DO UPDATE SET \"name\" = EXCLUDED.\"name\"");
    Sql update = Statements.insertAll(Tags.SCHEMA, Tags.SCHEMA.insertFields(), tags,
        OnConflict.update(Update.set(Tags.NAME, OnConflict.excluded(Tags.NAME))).targetConstraint("tags_name_key")
            .where(Tags.NAME.ne("keep")), null);
    assertThat(update.text()).endsWith("ON CONFLICT ON CONSTRAINT \"tags_name_key\" DO UPDATE SET \"name\" = EXCLUDED.\"name\""
        + " WHERE t0.\"name\" <> ?");
    assertThat(update.values()).containsExactly(List.of("a", "b"), "keep");
    assertThatThrownBy(() -> Statements.insertAll(Tags.SCHEMA, Tags.SCHEMA.insertFields(), tags,
        OnConflict.replace(Posts.TITLE).target(Tags.NAME), null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("replace(Post.title): not a field of Tag");
    assertThatThrownBy(() -> OnConflict.nothing().where(Condition.TRUE)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void explainKeepsTheParametersAndFollowsThePrefix() {
    Sql sql = Statements.explain(POSTS.where(Posts.ID.eq(7L)).toSql(), Explain.options().analyze(true).format(Explain.Format.JSON));
    assertThat(sql.text()).startsWith("EXPLAIN ( ANALYZE TRUE, FORMAT JSON ) SELECT ");
    assertThat(sql.values()).containsExactly(7L);
    assertThat(sql.withDefaultPrefix("x").text()).contains("FROM \"x\".\"posts\"");
  }

  /**
   * Ports ecto_sql postgres_test.exs "update all with left join", on purpose differently: Ecto writes
   * {@code FROM "b" AS s1 LEFT OUTER JOIN "c" AS s2 ON s2."id" = s0."y"}, which PostgreSQL refuses
   * when the ON names the updated table; ecto4j refuses the left join when it renders the statement.
   */
  @Test
  void updateAllRefusesALeftJoinAfterAnInnerJoin() {
    Query<Post> joined = POSTS.join(Posts.COMMENTS).leftJoin(Tags.SCHEMA, Tags.ID.eq(Posts.AUTHOR_ID));
    assertThatThrownBy(() -> Statements.updateAll(joined, List.of(Update.set(Posts.TITLE, "t")), false))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("updateAll supports inner joins");
  }
}
