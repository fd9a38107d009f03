package io.ecto4j.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.query.TestSchemas.Comment;
import io.ecto4j.query.TestSchemas.Comments;
import io.ecto4j.query.TestSchemas.Post;
import io.ecto4j.query.TestSchemas.Posts;
import io.ecto4j.query.TestSchemas.Tag;
import io.ecto4j.query.TestSchemas.Tags;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** insertAll of structs as one array per column, and where it keeps the multi-row VALUES. */
class UnnestInsertTest {
  private static final String COMMENTS = "INSERT INTO \"comments\" AS c0 (\"post_id\", \"body\") SELECT u.c1, u.c2"
      + " FROM unnest(?::bigint[], ?::text[]) WITH ORDINALITY AS u (c1, c2, n) ORDER BY u.n";

  private static List<Comment> comments(int rows) {
    List<Comment> comments = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      comments.add(new Comment(null, 10L + i, "body " + i));
    }
    return comments;
  }

  private static Sql insert(List<Comment> rows, OnConflict onConflict) {
    return Statements.insertAll(Comments.SCHEMA, Comments.SCHEMA.insertFields(), rows, onConflict, null);
  }

  @Test
  void oneTextForAnyNumberOfRowsAndOneArrayParameterPerColumn() {
    for (int rows : new int[] {2, 3, 1000, 3}) {
      Sql sql = insert(comments(rows), OnConflict.raise());
      assertThat(sql.text()).isEqualTo(COMMENTS);
      assertThat(sql.params()).hasSize(2);
      assertThat(sql.params().get(0).value()).isInstanceOf(long[].class);
      assertThat((long[]) sql.params().get(0).value()).hasSize(rows).startsWith(10L);
      assertThat((String[]) sql.params().get(1).value()).hasSize(rows).startsWith("body 0");
    }
    assertThat(insert(comments(2), OnConflict.raise()).values())
        .containsExactly(List.of(10L, 11L), List.of("body 0", "body 1"));
  }

  @Test
  void aColumnHoldingANullIsABoxedArray() {
    Sql sql = insert(List.of(new Comment(null, 1L, null), new Comment(null, null, "b")), OnConflict.raise());
    assertThat(sql.text()).isEqualTo(COMMENTS);
    assertThat(sql.params().get(0).value()).isEqualTo(new Long[] {1L, null});
    assertThat(sql.params().get(1).value()).isEqualTo(new String[] {null, "b"});
  }

  @Test
  void conflictReturningAndPrefixFollowTheRows() {
    assertThat(Statements.insertAll(Comments.SCHEMA, Comments.SCHEMA.insertFields(), comments(2), OnConflict.nothing(),
        List.of(Comments.ID)).text()).isEqualTo(COMMENTS + " ON CONFLICT DO NOTHING RETURNING c0.\"id\"");
    assertThat(insert(comments(2), OnConflict.raise()).withDefaultPrefix("tenant").text())
        .isEqualTo(COMMENTS.replace("\"comments\"", "\"tenant\".\"comments\""));
    for (String name : List.of("x", "y")) { // the conflict binds values: rendered each time, after the arrays
      Sql update = Statements.insertAll(Tags.SCHEMA, Tags.SCHEMA.insertFields(), List.of(new Tag(null, "a"), new Tag(null, "b")),
          OnConflict.update(Update.set(Tags.NAME, name)).target(Tags.NAME), null);
      assertThat(update.text()).endsWith("ON CONFLICT (\"name\") DO UPDATE SET \"name\" = ?");
      assertThat(update.values()).containsExactly(List.of("a", "b"), name);
    }
  }

  @Test
  void oneRowAColumnOrAValueWithoutArrayFormKeepsValues() {
    assertThat(insert(comments(1), OnConflict.raise()).text())
        .isEqualTo("INSERT INTO \"comments\" AS c0 (\"post_id\", \"body\") VALUES (?, ?)");
    List<Post> labelled = List.of(new Post(null, "t", 1, 2L, List.of("x"), null));
    assertThat(Statements.insertAll(Posts.SCHEMA, Posts.SCHEMA.insertFields(), labelled, OnConflict.raise(), null)
        .text()).isEqualTo("INSERT INTO \"posts\" AS p0 (\"title\", \"view_count\", \"author_id\", \"labels\") VALUES (?, ?, ?, ?)");
    Sql lone = insert(List.of(new Comment(null, 1L, "fine"), new Comment(null, 2L, "lone \uDC00")), OnConflict.raise());
    assertThat(lone.text()).isEqualTo("INSERT INTO \"comments\" AS c0 (\"post_id\", \"body\") VALUES (?, ?), (?, ?)");
    assertThat(lone.values()).containsExactly(1L, "fine", 2L, "lone \uDC00");
  }
}
