package io.ecto4j.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.meta.Field;
import io.ecto4j.query.TestSchemas.Post;
import io.ecto4j.query.TestSchemas.Posts;
import io.ecto4j.query.TestSchemas.Tag;
import io.ecto4j.query.TestSchemas.Tags;
import java.util.List;
import org.junit.jupiter.api.Test;

class OnConflictTest {
  private static final List<Post> POSTS = List.of(new Post(null, "a", 1, null, List.of(), null));

  private static String insert(OnConflict onConflict) {
    return Statements.insertAll(Posts.SCHEMA, Posts.SCHEMA.insertFields(), POSTS, onConflict, null).text();
  }

  /** Ports ecto test/ecto/repo_test.exs "passes all fields on replace_all" and "excludes conflict target from :replace_all". */
  @Test
  void replaceAllReplacesEveryFieldThePrimaryKeyIncluded() {
    assertThat(insert(OnConflict.replaceAll().target(Posts.TITLE))).endsWith("ON CONFLICT (\"title\") DO UPDATE SET"
        + " \"id\" = EXCLUDED.\"id\", \"view_count\" = EXCLUDED.\"view_count\","
        + " \"author_id\" = EXCLUDED.\"author_id\", \"labels\" = EXCLUDED.\"labels\"");
    assertThat(insert(OnConflict.replaceAll().targetConstraint("posts_title_index")))
        .endsWith("DO UPDATE SET \"id\" = EXCLUDED.\"id\", \"title\" = EXCLUDED.\"title\","
            + " \"view_count\" = EXCLUDED.\"view_count\", \"author_id\" = EXCLUDED.\"author_id\","
            + " \"labels\" = EXCLUDED.\"labels\"");
  }

  /** Ports ecto test/ecto/repo_test.exs "passes all fields except given fields": the way to keep the id. */
  @Test
  void replaceAllExceptTheIdKeepsIt() {
    assertThat(insert(OnConflict.replaceAllExcept(Posts.ID, Posts.LABELS).target(Posts.TITLE)))
        .endsWith("DO UPDATE SET \"view_count\" = EXCLUDED.\"view_count\", \"author_id\" = EXCLUDED.\"author_id\"");
  }

  /** Ports ecto test/ecto/repo_test.exs "raises on empty-list of fields to update when :replace_all_except is given". */
  @Test
  void replacingNothingIsRefused() {
    assertThatThrownBy(() -> insert(OnConflict.replaceAllExcept(Posts.ID, Posts.VIEWS, Posts.AUTHOR_ID, Posts.LABELS)
        .target(Posts.TITLE)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("empty list of fields to update, use OnConflict.replace(…) instead");
    assertThatThrownBy(() -> OnConflict.replace(new Field<?, ?>[0]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("requires a non-empty list of fields");
  }

  /** Ports ecto test/ecto/repo_test.exs "raises on non-empty conflict_target with on_conflict raise". */
  @Test
  void aConflictTargetWithRaiseIsRefused() {
    assertThatThrownBy(() -> OnConflict.raise().target(Posts.TITLE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("conflict target option is forbidden when onConflict is raise():"
            + " OnConflict.raise().target[Post.title]");
    assertThatThrownBy(() -> OnConflict.raise().targetConstraint("posts_title_index"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("OnConflict.raise().targetConstraint(\"posts_title_index\")");
    assertThat(insert(OnConflict.raise())).doesNotContain("ON CONFLICT");
  }

  /** Ports ecto test/ecto/query/planner_test.exs "normalize: update all only allow filters and checks updates" (duplicate field). */
  @Test
  void anUpdateWritingAFieldTwiceIsRefused() {
    List<Tag> tags = List.of(new Tag(null, "a"));
    OnConflict twice = OnConflict.update(Update.set(Tags.NAME, "x"), Update.set(Tags.NAME, OnConflict.excluded(Tags.NAME)))
        .target(Tags.NAME);
    assertThatThrownBy(() -> Statements.insertAll(Tags.SCHEMA, Tags.SCHEMA.insertFields(), tags, twice, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("duplicate field `Tag.name` for `OnConflict.update`");
  }

  /** Regression test for issue #18: null arrays and null elements are named, not a bare NullPointerException. */
  @Test
  void nullFieldsAreRefusedClearly() {
    assertThatThrownBy(() -> OnConflict.replace((Field<?, ?>[]) null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("OnConflict.replace was given a null array instead of fields");
    assertThatThrownBy(() -> OnConflict.nothing().target(Posts.TITLE, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("OnConflict.target was given null at index 1 of its columns");
    assertThatThrownBy(() -> OnConflict.update((Update) null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("OnConflict.update was given null at index 0 of its updates");
  }

  /**
   * Ports ecto test/ecto/repo_test.exs "does not pass conflict target to :replace_all_except",
   * "passes conflict target to :replace_all_except when replace_changed is false" and "includes
   * conflict target in :replace_all when replace_changed is false".
   */
  @Test
  void replaceChangedFalseWritesTheConflictTargetToo() {
    assertThat(insert(OnConflict.replaceAllExcept(Posts.LABELS).target(Posts.ID)))
        .endsWith("DO UPDATE SET \"title\" = EXCLUDED.\"title\", \"view_count\" = EXCLUDED.\"view_count\","
            + " \"author_id\" = EXCLUDED.\"author_id\"");
    assertThat(insert(OnConflict.replaceAllExcept(Posts.LABELS).target(Posts.ID).replaceChanged(false)))
        .endsWith("DO UPDATE SET \"id\" = EXCLUDED.\"id\", \"title\" = EXCLUDED.\"title\","
            + " \"view_count\" = EXCLUDED.\"view_count\", \"author_id\" = EXCLUDED.\"author_id\"");
    assertThat(insert(OnConflict.replaceAll().target(Posts.ID).replaceChanged(false)))
        .endsWith("DO UPDATE SET \"id\" = EXCLUDED.\"id\", \"title\" = EXCLUDED.\"title\","
            + " \"view_count\" = EXCLUDED.\"view_count\", \"author_id\" = EXCLUDED.\"author_id\","
            + " \"labels\" = EXCLUDED.\"labels\"");
  }

  /**
   * Ports ecto test/ecto/repo_test.exs "raises on empty-list of fields to update when :replace_all
   * is given" and "raises on empty list of replace fields".
   */
  @Test
  void replacingNoFieldIsRefused() {
    List<Tag> tags = List.of(new Tag(null, "a"));
    assertThatThrownBy(() -> Statements.insertAll(Tags.SCHEMA, Tags.SCHEMA.insertFields(), tags,
        OnConflict.replaceAllExcept(Tags.NAME).target(Tags.ID), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("empty list of fields to update, use OnConflict.replace(…) instead");
    assertThatThrownBy(() -> OnConflict.replace(new String[0]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("requires a non-empty list of fields");
  }

  /** Ports ecto test/ecto/repo_test.exs "raises on query mismatch": an update of another table's field. */
  @Test
  void anUpdateOfAnotherTablesFieldIsRefused() {
    List<Tag> tags = List.of(new Tag(null, "a"));
    assertThatThrownBy(() -> Statements.insertAll(Tags.SCHEMA, Tags.SCHEMA.insertFields(), tags,
        OnConflict.update(Update.set(Posts.TITLE, "x")).target(Tags.NAME), null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
