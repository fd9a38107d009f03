package io.ecto4j.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.meta.Association;
import io.ecto4j.meta.AssociationFilter;
import io.ecto4j.meta.ManyToManyAssociation;
import io.ecto4j.query.TestSchemas.Comment;
import io.ecto4j.query.TestSchemas.Comments;
import io.ecto4j.query.TestSchemas.Post;
import io.ecto4j.query.TestSchemas.Posts;
import io.ecto4j.query.TestSchemas.Tag;
import io.ecto4j.query.TestSchemas.Tags;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How an association's declared filters render, each kind of {@link AssociationFilter}, in the one
 * place an association links two tables: the ON of a join through it, its {@code Association.of}
 * query, and a many-to-many's preload through its join table (issue #18, Ecto's {@code where:}
 * value forms {@code nil}, {@code {:not, nil}}, {@code {:in, list}}, {@code {:fragment, sql}}).
 */
class AssociationFilterRenderingTest {
  /** Every kind of filter at once on a has_many, in the order declared. */
  private static final Association<Post, Comment> VISIBLE = Association.<Post, Comment, Long>hasMany(Posts.SCHEMA,
          "visible", () -> Comments.SCHEMA, Posts.ID, () -> Comments.POST_ID)
      .where(AssociationFilter.isNil(() -> Comments.BODY))
      .where(AssociationFilter.notNil(() -> Comments.ID))
      .where(AssociationFilter.in(() -> Comments.BODY, List.of("a", "b")))
      .where(AssociationFilter.notIn(() -> Comments.BODY, List.of("spam")))
      .where(AssociationFilter.equal(() -> Comments.BODY, "x"))
      .where(AssociationFilter.notEqual(() -> Comments.BODY, "y"))
      .where(AssociationFilter.fragment(() -> Comments.BODY, "length(?) > 3"))
      .constant("Posts.VISIBLE").slot(p -> false, p -> null, (p, c) -> p).build();

  private static final Association<Comment, Post> TITLED_POST = Association.<Comment, Post, Long>belongsTo(
          Comments.SCHEMA, "titledPost", () -> Posts.SCHEMA, Comments.POST_ID, () -> Posts.ID)
      .where(AssociationFilter.notNil(() -> Posts.TITLE))
      .constant("Comments.TITLED_POST").slot(c -> false, c -> null, (c, p) -> c).build();

  private static final ManyToManyAssociation<Post, Tag, Long, Long> NAMED_TAGS =
      Association.<Post, Tag, Long, Long>manyToMany(Posts.SCHEMA, "namedTags", () -> Tags.SCHEMA, Posts.ID,
              () -> Tags.ID, "posts_tags", "post_id", "tag_id")
          .where(AssociationFilter.notIn(() -> Tags.NAME, List.of("draft")))
          .where(AssociationFilter.fragment(() -> Tags.NAME, "? ~ '^[a-z]'"))
          .constant("Posts.NAMED_TAGS").slot(p -> false, p -> null, (p, c) -> p).build();

  private static final String FILTERS_ON_C1 = " AND c1.\"body\" IS NULL AND c1.\"id\" IS NOT NULL"
      + " AND c1.\"body\" = ANY(?) AND NOT (c1.\"body\" = ANY(?)) AND c1.\"body\" = ? AND c1.\"body\" <> ?"
      + " AND (length(c1.\"body\") > 3)";

  @Test
  void aJoinPutsEveryFilterInItsOnOnTheJoinedAlias() {
    Sql sql = Query.from(Posts.SCHEMA).join(VISIBLE).select(Posts.TITLE).toSql();
    assertThat(sql.text()).isEqualTo("SELECT p0.\"title\" FROM \"posts\" AS p0 INNER JOIN \"comments\" AS c1"
        + " ON c1.\"post_id\" = p0.\"id\"" + FILTERS_ON_C1);
    assertThat(sql.values()).containsExactly(List.of("a", "b"), List.of("spam"), "x", "y");
  }

  @Test
  void theAssociationQueryOfAParentAppliesEveryFilter() {
    Sql sql = VISIBLE.of(new Post(7L, "t", 0, null, null, null)).toSql();
    assertThat(sql.text()).endsWith("FROM \"comments\" AS c0 WHERE c0.\"post_id\" = ? AND c0.\"body\" IS NULL"
        + " AND c0.\"id\" IS NOT NULL AND c0.\"body\" = ANY(?) AND NOT (c0.\"body\" = ANY(?)) AND c0.\"body\" = ?"
        + " AND c0.\"body\" <> ? AND (length(c0.\"body\") > 3)");
    assertThat(sql.values()).containsExactly(7L, List.of("a", "b"), List.of("spam"), "x", "y");
  }

  @Test
  void aBelongsToFilterGoesOnTheParentsAlias() {
    assertThat(Query.from(Comments.SCHEMA).leftJoin(TITLED_POST).select(Comments.BODY).toSql().text())
        .endsWith("LEFT OUTER JOIN \"posts\" AS p1 ON p1.\"id\" = c0.\"post_id\" AND p1.\"title\" IS NOT NULL");
  }

  @Test
  void aNestedJoinFiltersEachHopOnItsOwnAlias() {
    Alias<Comment> c = Alias.of(Comments.SCHEMA, "c");
    Sql sql = Query.from(Posts.SCHEMA).join(VISIBLE, c).join(TITLED_POST).select(Posts.TITLE).toSql();
    assertThat(sql.text()).endsWith(FILTERS_ON_C1
        + " INNER JOIN \"posts\" AS p2 ON p2.\"id\" = c1.\"post_id\" AND p2.\"title\" IS NOT NULL");
  }

  @Test
  void aManyToManyFiltersItsRelatedRowsInJoinsAndThroughItsJoinTable() {
    assertThat(Query.from(Posts.SCHEMA).join(NAMED_TAGS).select(Posts.TITLE).toSql().text())
        .endsWith("INNER JOIN \"tags\" AS t2 ON t2.\"id\" = p1.\"tag_id\" AND NOT (t2.\"name\" = ANY(?))"
            + " AND (t2.\"name\" ~ '^[a-z]')");
    Sql preload = Links.joinedRows(NAMED_TAGS, List.of(1L, 2L)).toSql();
    assertThat(preload.text()).endsWith("WHERE p1.\"post_id\" = ANY(?) AND NOT (t0.\"name\" = ANY(?))"
        + " AND (t0.\"name\" ~ '^[a-z]')");
    assertThat(preload.values()).containsExactly(List.of(1L, 2L), List.of("draft"));
  }
}
