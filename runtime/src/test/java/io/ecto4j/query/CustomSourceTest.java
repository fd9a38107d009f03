package io.ecto4j.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.query.TestSchemas.Post;
import io.ecto4j.query.TestSchemas.Posts;
import io.ecto4j.query.TestSchemas.Tags;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A schema's rows in another table of its columns, Ecto's custom source ({@code {"other_posts", Post}}):
 * the SQL the query and the per-table write statements render for it, and what keeps those apart
 * from the schema's own table in the caches.
 */
class CustomSourceTest {
  private static final String COLUMNS = "o0.\"id\", o0.\"title\", o0.\"view_count\", o0.\"author_id\", o0.\"labels\"";

  /** The table is the source's, the columns and the struct the schema's. */
  @Test
  void aQueryReadsTheSchemasColumnsFromTheOtherTable() {
    Query<Post> query = Query.from("other_posts", Posts.SCHEMA).where(Posts.TITLE.eq("a"));
    assertThat(query.toSql().text())
        .isEqualTo("SELECT " + COLUMNS + " FROM \"other_posts\" AS o0 WHERE o0.\"title\" = ?");
    assertThat(query.toString()).contains("from o0 in {\"other_posts\", Post}");
    assertThat(query.source()).isSameAs(Posts.SCHEMA);
  }

  @Test
  void aPrefixQualifiesTheOtherTable() {
    assertThat(Query.from("other_posts", Posts.SCHEMA).prefix("tenant_a").toSql().text())
        .isEqualTo("SELECT " + COLUMNS + " FROM \"tenant_a\".\"other_posts\" AS o0");
    assertThat(Query.from("other_posts", Posts.SCHEMA).toSql().withDefaultPrefix("tenant_b").text())
        .isEqualTo("SELECT " + COLUMNS + " FROM \"tenant_b\".\"other_posts\" AS o0");
  }

  @Test
  void theTableNameIsQuotedAsEveryIdentifier() {
    assertThat(Query.from("odd\"posts", Posts.SCHEMA).toSql().text()).endsWith(" FROM \"odd\"\"posts\" AS o0");
  }

  @Test
  void aBlankOrNullSourceIsRefused() {
    assertThatThrownBy(() -> Query.from(" ", Posts.SCHEMA)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a source of Post needs a table name").hasMessageContaining("got \" \"");
    assertThatThrownBy(() -> Query.from((String) null, Posts.SCHEMA)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got null");
  }

  /** The statement cache keeps texts by shape: the same query of two tables must not share one. */
  @Test
  void theStatementCacheKeepsTheTablesApart() {
    Query<Post> own = Query.from(Posts.SCHEMA);
    Query<Post> other = Query.from("other_posts", Posts.SCHEMA);
    assertThat(Statements.deleteAll(own.where(Posts.ID.eq(1L)), false).text())
        .isEqualTo("DELETE FROM \"posts\" AS p0 WHERE p0.\"id\" = ?");
    assertThat(Statements.deleteAll(other.where(Posts.ID.eq(1L)), false).text())
        .isEqualTo("DELETE FROM \"other_posts\" AS o0 WHERE o0.\"id\" = ?");
    assertThat(Statements.updateAll(other.where(Posts.ID.eq(2L)), List.of(Update.set(Posts.TITLE, "t")), false).text())
        .isEqualTo("UPDATE \"other_posts\" AS o0 SET \"title\" = ? WHERE o0.\"id\" = ?");
  }

  @Test
  void rowsKnowTheirCustomSourceOnlyWhenTheySelectItsStructs() {
    Query<Post> other = Query.from("other_posts", Posts.SCHEMA);
    assertThat(Rows.customSource(other.selection())).isEqualTo("other_posts");
    assertThat(Rows.customSource(other.selectFields(Posts.ID, Posts.TITLE).selection())).isEqualTo("other_posts");
    assertThat(Rows.customSource(other.select(Posts.TITLE).selection())).isNull();
    assertThat(Rows.customSource(Query.from(Posts.SCHEMA).selection())).isNull();
    assertThat(Rows.customSource(Query.from(other.where(Posts.VIEWS.gt(1))).selection())).isEqualTo("other_posts");
    assertThat(Rows.customSource(Query.from(Query.from(Posts.SCHEMA)).selection())).isNull();
  }

  /** The SQL behind repo_test.exs "schema operations / works with custom source schema" (ported in integration-tests). */
  @Test
  void theWritesOfAStructGoToItsSource() {
    assertThat(TableStatements.insert(Posts.SCHEMA, "other_posts", null)).isEqualTo("INSERT INTO \"other_posts\""
        + " (\"title\", \"view_count\", \"author_id\", \"labels\") VALUES (?, ?, ?, ?) RETURNING \"id\"");
    assertThat(TableStatements.insert(Posts.SCHEMA, "other_posts", "t")).startsWith("INSERT INTO \"t\".\"other_posts\" (");
    assertThat(TableStatements.insertAllColumns(Posts.SCHEMA, "other_posts", null))
        .startsWith("INSERT INTO \"other_posts\" (\"id\", ");
    assertThat(TableStatements.update(Posts.SCHEMA, "other_posts", List.of(Posts.TITLE), List.of(Posts.ID), List.of(),
        List.of(Posts.ID), null)).isEqualTo("UPDATE \"other_posts\" SET \"title\" = ? WHERE \"id\" = (SELECT \"id\""
        + " FROM \"other_posts\" WHERE \"id\" = ?) RETURNING \"id\"");
    assertThat(TableStatements.delete(Posts.SCHEMA, "other_posts", List.of(Posts.ID), List.of(), Posts.SCHEMA.fields(),
        "t")).isEqualTo("DELETE FROM \"t\".\"other_posts\" WHERE \"id\" = (SELECT \"id\" FROM \"t\".\"other_posts\""
        + " WHERE \"id\" = ?) RETURNING \"id\", \"title\", \"view_count\", \"author_id\", \"labels\"");
  }

  /** The kept texts are keyed by source too: the schema's own table in a prefix is another statement. */
  @Test
  void keptStatementsAreKeptPerSource() {
    String other = TableStatements.insert(Posts.SCHEMA, "other_posts", "t");
    String own = TableStatements.insert(Posts.SCHEMA, "posts", "t");
    assertThat(own).startsWith("INSERT INTO \"t\".\"posts\" (");
    assertThat(other).isNotEqualTo(own);
    assertThat(TableStatements.insert(Posts.SCHEMA, "other_posts", "t")).isSameAs(other);
    assertThat(TableStatements.insert(Posts.SCHEMA, "posts", null)).isSameAs(Posts.SCHEMA.insertSql());
  }

  @Test
  void anInsertWithOptionsGoesToTheSource() {
    List<TestSchemas.Tag> tags = List.of(new TestSchemas.Tag(null, "a"));
    assertThat(Statements.insertInto("other_tags", Tags.SCHEMA, Tags.SCHEMA.insertFields(), tags, OnConflict.nothing(),
        Tags.SCHEMA.fields()).text()).isEqualTo("INSERT INTO \"other_tags\" AS o0 (\"name\") VALUES (?)"
        + " ON CONFLICT DO NOTHING RETURNING o0.\"id\", o0.\"name\"");
    assertThat(Statements.insertInto("tags", Tags.SCHEMA, Tags.SCHEMA.insertFields(), tags, OnConflict.raise(), null)
        .text()).isEqualTo(Statements.insertAll(Tags.SCHEMA, Tags.SCHEMA.insertFields(), tags, OnConflict.raise(), null)
        .text());
  }
}
