package io.ecto4j.it.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.changeset.AssocOption;
import io.ecto4j.changeset.Changeset;
import io.ecto4j.it.schemas.BlogSchema;
import io.ecto4j.it.schemas.PostStruct;
import io.ecto4j.it.schemas.Posts;
import io.ecto4j.it.schemas.Tag;
import io.ecto4j.it.schemas.TagStruct;
import io.ecto4j.it.schemas.Tags;
import io.ecto4j.it.schemas.UserStruct;
import io.ecto4j.query.Query;
import io.ecto4j.repo.Repo;
import io.ecto4j.schema.OnReplace;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Association changes written by the repo (issue #16): putAssoc and castAssoc on a many_to_many. */
@EctoTest(sandbox = true)
class AssocChangesetConformanceTest {
  private UserStruct ada;

  @BeforeAll
  static void tables(TestDatabase db) throws SQLException {
    BlogSchema.create(db);
  }

  @BeforeEach
  void seed(Repo repo) {
    ada = repo.insertOrThrow(new UserStruct().withName("Ada").withEmail("ada@example.com"));
  }

  private PostStruct newPost(String title) {
    return new PostStruct().withTitle(title).withBody("body").withAuthorId(ada.id());
  }

  private static long joinRows(Repo repo) {
    return repo.query("SELECT count(*) FROM posts_tags", List.of(), row -> row.getLong(1)).get(0);
  }

  private static List<String> names(List<Tag> tags) {
    return tags.stream().map(Tag::name).sorted().toList();
  }

  private static Changeset<TagStruct> tagChangeset(TagStruct tag, Map<String, ?> params) {
    return Changeset.cast(tag, params, Tags.NAME).validateRequired(Tags.NAME);
  }

  /** Ports ecto integration_test/cases/assoc.exs "many_to_many changeset assoc" (tags for users). */
  @Test
  void putAssocOnManyToManyWritesAndDeletesTheJoinRows(Repo repo) {
    TagStruct stored = repo.insertOrThrow(new TagStruct().withName("1"));

    PostStruct post = repo.insertOrThrow(Changeset.change(newPost("p"))
        .putAssoc(Posts.TAGS, List.of(new TagStruct().withName("2"))));
    assertThat(post.tags()).singleElement().satisfies(tag -> assertThat(((TagStruct) tag).id()).isNotNull());
    assertThat(names(repo.preload(repo.getOrThrow(Posts.SCHEMA, post.id()), Posts.TAGS).tags())).containsExactly("2");
    assertThat(joinRows(repo)).isEqualTo(1);

    TagStruct second = (TagStruct) post.tags().get(0);
    post = repo.updateOrThrow(Changeset.change(post).putAssoc(Posts.TAGS, List.of(
        Changeset.change(stored).putChange(Tags.NAME, "11"), Changeset.change(second).putChange(Tags.NAME, "22"))));
    assertThat(names(post.tags())).containsExactly("11", "22");
    assertThat(names(repo.preload(repo.getOrThrow(Posts.SCHEMA, post.id()), Posts.TAGS).tags()))
        .containsExactly("11", "22");
    assertThat(joinRows(repo)).isEqualTo(2);

    post = repo.updateOrThrow(Changeset.change(post)
        .putAssoc(Posts.TAGS, List.of(), AssocOption.onReplace(OnReplace.DELETE)));
    assertThat(post.tags()).isEmpty();
    assertThat(repo.preload(repo.getOrThrow(Posts.SCHEMA, post.id()), Posts.TAGS).tags()).isEmpty();
    assertThat(joinRows(repo)).isZero();
    assertThat(repo.all(Tags.query())).hasSize(2);
  }

  /**
   * Ports ecto integration_test/cases/assoc.exs "many_to_many changeset assoc": a stored tag put on a
   * stored post gets a join row; putting it again with the tags loaded writes no second one.
   */
  @Test
  void putAssocOfAStoredTagLinksItOnce(Repo repo) {
    TagStruct java = repo.insertOrThrow(new TagStruct().withName("java"));
    PostStruct post = repo.preload(repo.insertOrThrow(newPost("p")), Posts.TAGS);

    post = repo.updateOrThrow(Changeset.change(post).putAssoc(Posts.TAGS, List.of(java)));
    post = repo.updateOrThrow(Changeset.change(post).putAssoc(Posts.TAGS, List.of(java)));

    assertThat(joinRows(repo)).isEqualTo(1);
    assertThat(names(repo.preload(repo.getOrThrow(Posts.SCHEMA, post.id()), Posts.TAGS).tags()))
        .containsExactly("java");
  }

  /**
   * Ports ecto test/ecto/changeset/many_to_many_test.exs "cast many_to_many changing schemas", then
   * writes it: the new tag is inserted and linked, the named one updated, the left-out one unlinked.
   */
  @Test
  void castAssocOnManyToManyInsertsUpdatesAndUnlinks(Repo repo) {
    TagStruct first = repo.insertOrThrow(new TagStruct().withName("first"));
    TagStruct second = repo.insertOrThrow(new TagStruct().withName("second"));
    PostStruct post = repo.insertOrThrow(Changeset.change(newPost("p")).putAssoc(Posts.TAGS, List.of(first, second)));
    assertThat(joinRows(repo)).isEqualTo(2);

    Changeset<PostStruct> invalid = Changeset.cast(post, Map.of("tags", List.of(Map.of("name", "new"),
        Map.of("id", String.valueOf(second.id()), "name", ""))))
        .castAssoc(Posts.TAGS, AssocChangesetConformanceTest::tagChangeset, AssocOption.onReplace(OnReplace.DELETE));
    assertThat(invalid.isValid()).isFalse();
    assertThat(invalid.traverseErrors()).containsEntry("tags", List.of(Map.of(), Map.of("name", List.of("can't be blank"))));

    Changeset<PostStruct> changeset = Changeset.cast(post, Map.of("tags", List.of(Map.of("name", "new"),
        Map.of("id", String.valueOf(second.id()), "name", "new name"))))
        .castAssoc(Posts.TAGS, AssocChangesetConformanceTest::tagChangeset, AssocOption.onReplace(OnReplace.DELETE));
    PostStruct updated = repo.updateOrThrow(changeset);

    assertThat(names(updated.tags())).containsExactly("new", "new name");
    assertThat(names(repo.preload(repo.getOrThrow(Posts.SCHEMA, post.id()), Posts.TAGS).tags()))
        .containsExactly("new", "new name");
    assertThat(joinRows(repo)).isEqualTo(2);
    assertThat(repo.all(Query.from(Tags.SCHEMA)).stream().map(TagStruct::name).sorted().toList())
        .containsExactly("first", "new", "new name");
  }

  /** Ports ecto test/ecto/changeset/many_to_many_test.exs "change many_to_many with on_replace: :raise". */
  @Test
  void replacingLoadedTagsRaisesByDefault() {
    PostStruct post = new PostStruct().withId(1L).withTags(List.of(new TagStruct().withId(1L).withName("a")));
    assertThatThrownBy(() -> Changeset.change(post).putAssoc(Posts.TAGS, List.of()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("you are attempting to change");
    assertThatThrownBy(() -> Changeset.change(post).putAssoc(Posts.TAGS, List.of(new TagStruct().withId(2L))))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("you are attempting to change");
  }

  /**
   * Regression test for issue #16: a many_to_many takes only RAISE, MARK_AS_INVALID and DELETE, as
   * Ecto's {@code @on_replace_opts} of many_to_many.
   */
  @Test
  void nilifyIsNotAnOnReplaceOfAManyToMany() {
    PostStruct post = new PostStruct().withId(1L).withTags(List.of());
    assertThatThrownBy(() -> Changeset.change(post).putAssoc(Posts.TAGS, List.of(), AssocOption.onReplace(OnReplace.NILIFY)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid `:on_replace` option")
        .hasMessageContaining("RAISE, MARK_AS_INVALID and DELETE");
  }

}
