package io.ecto4j.it.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.changeset.AssocOption;
import io.ecto4j.changeset.Changeset;
import io.ecto4j.changeset.ChangesetError;
import io.ecto4j.changeset.PositionedChangeset;
import io.ecto4j.it.schemas.BlogSchema;
import io.ecto4j.it.schemas.CommentStruct;
import io.ecto4j.it.schemas.Comments;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Association changes written by the repo (issue #16): many_to_many, and the associations of an inserted struct. */
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


  /** Ports ecto integration_test/cases/assoc.exs "inserting struct with associations". */
  @Test
  void insertingAStructInsertsTheAssociationsFilledInIt(Repo repo) {
    CommentStruct tree = new CommentStruct().withBody("root").withPost(newPost("belongs_to")
        .withComments(List.of(new CommentStruct().withBody("child 1"), new CommentStruct().withBody("child 2")))
        .withTags(List.of(new TagStruct().withName("t"))));

    CommentStruct inserted = repo.insertOrThrow(tree);
    assertThat(inserted.id()).isNotNull();
    PostStruct post = (PostStruct) inserted.post();
    assertThat(post.id()).isNotNull().isEqualTo(inserted.postId());
    assertThat(post.comments()).hasSize(2).allSatisfy(c -> assertThat(((CommentStruct) c).id()).isNotNull());

    CommentStruct loaded = repo.preload(repo.getOrThrow(Comments.SCHEMA, inserted.id()),
        Comments.POST.then(Posts.COMMENTS), Comments.POST.then(Posts.TAGS));
    PostStruct stored = (PostStruct) loaded.post();
    assertThat(stored.id()).isEqualTo(post.id());
    assertThat(stored.comments()).hasSize(3); // the two children and the root, which belongs to it too
    assertThat(names(stored.tags())).containsExactly("t");
  }

  /** Ports ecto integration_test/cases/assoc.exs "inserting struct with empty associations". */
  @Test
  void insertingAStructWithEmptyAssociationsKeepsThemEmpty(Repo repo) {
    CommentStruct comment = repo.insertOrThrow(new CommentStruct().withBody("root").withPost(null));
    assertThat(comment.post()).isNull();
    PostStruct post = repo.insertOrThrow(newPost("empty").withComments(List.of()));
    assertThat(post.comments()).isEmpty();
  }

  /**
   * Ports ecto integration_test/cases/assoc.exs "belongs_to changeset assoc" (a comment's post for a
   * permalink's): the to-one {@code putAssoc} takes a new struct, a stored one, or null.
   */
  @Test
  void toOnePutAssocTakesANewStructAStoredOneOrNull(Repo repo) {
    AssocOption nilify = AssocOption.onReplace(OnReplace.NILIFY);
    CommentStruct comment = repo.insertOrThrow(Changeset.change(new CommentStruct().withBody("1"))
        .putAssoc(Comments.POST, newPost("1")));
    PostStruct first = (PostStruct) comment.post();
    assertThat(comment.postId()).isNotNull().isEqualTo(first.id());
    assertThat(first.title()).isEqualTo("1");

    comment = repo.updateOrThrow(Changeset.change(comment).putAssoc(Comments.POST, newPost("2"), nilify));
    PostStruct second = (PostStruct) comment.post();
    assertThat(second.id()).isNotEqualTo(first.id());
    assertThat(comment.postId()).isEqualTo(second.id());
    assertThat(second.title()).isEqualTo("2");

    PostStruct existing = repo.insertOrThrow(newPost("3"));
    comment = repo.updateOrThrow(Changeset.change(comment)
        .putAssoc(Comments.POST, Changeset.change(existing), nilify));
    assertThat(comment.postId()).isEqualTo(existing.id());
    assertThat(((PostStruct) comment.post()).title()).isEqualTo("3");

    comment = repo.updateOrThrow(Changeset.change(comment).putAssoc(Comments.POST, (PostStruct) null, nilify));
    assertThat(comment.post()).isNull();
    assertThat(comment.postId()).isNull();
    assertThat(repo.getOrThrow(Comments.SCHEMA, comment.id()).postId()).isNull();
  }

  /** Regression test for issue #16: the one-child {@code putAssoc} refuses a to-many association. */
  @Test
  void theOneChildPutAssocRefusesAToManyAssociation() {
    assertThatThrownBy(() -> Changeset.change(newPost("p")).putAssoc(Posts.COMMENTS, new CommentStruct()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is has_many: give its children as a list");
  }

  /**
   * Ports ecto test/ecto/changeset/has_assoc_test.exs "cast has_many without changes skips" and
   * many_to_many_test.exs "cast many_to_many without changes skips": params that name each loaded
   * child in order and change nothing are no association change.
   */
  @Test
  void castAssocWithoutChangesSkips() {
    PostStruct post = newPost("p").withId(1L)
        .withComments(List.of(new CommentStruct().withId(1L).withBody("hello")))
        .withTags(List.of(new TagStruct().withId(1L).withName("hello")));
    Changeset<PostStruct> cast = Changeset.cast(post,
        Map.of("comments", List.of(Map.of("id", "1")), "tags", List.of(Map.of("id", "1"))));

    assertThat(cast.castAssoc(Posts.COMMENTS, (c, p) -> Changeset.cast(c, p, Comments.BODY))
        .castAssoc(Posts.TAGS, AssocChangesetConformanceTest::tagChangeset)).isEqualTo(cast);
    assertThat(Changeset.cast(post, Map.of("tags", List.of(Map.of("id", "1", "name", "new"))))
        .castAssoc(Posts.TAGS, AssocChangesetConformanceTest::tagChangeset).traverseErrors()).isEmpty();
    assertThat(Changeset.cast(post, Map.of("tags", List.of(Map.of("id", "1", "name", "new"))))
        .castAssoc(Posts.TAGS, AssocChangesetConformanceTest::tagChangeset))
        .isNotEqualTo(Changeset.cast(post, Map.of("tags", List.of(Map.of("id", "1", "name", "new")))));
  }

  /** Ports ecto test/ecto/changeset/has_assoc_test.exs "cast has_many with invalid params". */
  @Test
  void castAssocOfParamsOfTheWrongShapeIsInvalidWithValidationAssoc() {
    ChangesetError invalid = new ChangesetError("comments", "is invalid", Map.of("validation", "assoc", "type", "list<map>"));
    Map<String, Object> nullParam = new HashMap<>();
    nullParam.put("comments", null);
    for (Map<String, ?> params : List.of(Map.of("comments", "value"), Map.of("comments", List.of("value")), nullParam,
        Map.of("comments", Map.of("id", "invalid")))) {
      Changeset<PostStruct> cs = Changeset.cast(newPost("p"), params)
          .castAssoc(Posts.COMMENTS, (c, p) -> Changeset.cast(c, p, Comments.BODY));
      assertThat(cs.errors()).as("params %s", params).containsExactly(invalid);
      assertThat(cs.isValid()).isFalse();
    }
  }

  /**
   * Ports ecto test/ecto/changeset/has_assoc_test.exs "cast has_many with on_replace: :mark_as_invalid":
   * the error, and no change.
   */
  @Test
  void markAsInvalidGivesTheErrorAndNoChange() {
    CommentStruct loaded = new CommentStruct().withId(1L).withBody("kept");
    PostStruct post = newPost("p").withId(1L).withComments(List.of(loaded));
    for (List<Map<String, String>> comments : List.of(List.<Map<String, String>>of(), List.of(Map.of("id", "2")))) {
      Changeset<PostStruct> cs = Changeset.cast(post, Map.of("comments", comments))
          .castAssoc(Posts.COMMENTS, (c, p) -> Changeset.cast(c, p, Comments.BODY),
              AssocOption.onReplace(OnReplace.MARK_AS_INVALID));
      assertThat(cs.errors()).containsExactly(
          new ChangesetError("comments", "is invalid", Map.of("validation", "assoc", "type", "list<map>")));
      assertThat(cs.applyChanges().comments()).containsExactly(loaded);
    }
  }

  /**
   * Ports ecto test/ecto/changeset/has_assoc_test.exs "cast has_many with invalid operation" (Ecto's
   * {@code check_action!}): a with function may not update a child that is not loaded, nor insert one
   * that is.
   */
  @Test
  void castAssocRefusesToUpdateANewChildOrInsertALoadedOne() {
    PostStruct post = newPost("p").withId(1L).withComments(List.of(new CommentStruct().withId(1L).withBody("a")));
    assertThatThrownBy(() -> Changeset.cast(post, Map.of("comments", List.of(Map.of("id", "1"), Map.of("body", "new"))))
        .castAssoc(Posts.COMMENTS, (c, p) -> Changeset.cast(c, p, Comments.BODY).withAction(Changeset.Action.UPDATE)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot update related")
        .hasMessageContaining("because it already exists and it is not currently associated with the given struct");
    assertThatThrownBy(() -> Changeset.cast(post, Map.of("comments", List.of(Map.of("id", "1"))))
        .castAssoc(Posts.COMMENTS, (c, p) -> Changeset.cast(c, p, Comments.BODY).withAction(Changeset.Action.INSERT)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("because it is already associated with the given struct");
  }

  /**
   * Ports ecto test/ecto/changeset/has_assoc_test.exs "cast has_many with sort_param, drop param and
   * arity-3 with" (the position goes into {@code authorName}, Comment having no position field).
   */
  @Test
  void sortParamDropParamAndThePositionOfTheWithFunction() {
    Map<String, Object> comments = Map.of("1", Map.of("body", "one"), "2", Map.of("body", "two"), "3", Map.of("body", "three"));
    AssocOption[] options = {AssocOption.sortParam("sort"), AssocOption.dropParam("drop")};
    PositionedChangeset<CommentStruct> with = (c, p, position) ->
        Changeset.cast(c, p, Comments.BODY).putChange(Comments.AUTHOR_NAME, String.valueOf(position));

    assertThat(castComments(Map.of("comments", comments), with, options)).containsExactly("one@0", "two@1", "three@2");
    assertThat(castComments(Map.of("comments", comments, "drop", List.of(2)), with, options))
        .containsExactly("one@0", "three@1");
    assertThat(castComments(Map.of("comments", comments, "sort", List.of(2, 3, 1)), with, options))
        .containsExactly("two@0", "three@1", "one@2");
    assertThat(castComments(Map.of("comments", comments, "sort", List.of(1, "new"), "drop", List.of(2, "new")), with, options))
        .containsExactly("one@0", "three@1");
    assertThat(castComments(Map.of("sort", List.of("0")), with, options)).containsExactly("null@0"); // a new, empty child
  }

  private List<String> castComments(Map<String, ?> params, PositionedChangeset<CommentStruct> with, AssocOption... options) {
    return Changeset.cast(newPost("p"), params).castAssoc(Posts.COMMENTS, with, options).applyChanges().comments().stream()
        .map(c -> c.body() + "@" + c.authorName()).toList();
  }

  /** Regression test for issue #16: sortParam and dropParam are for to-many only, as Ecto's cast_params raises. */
  @Test
  void sortParamIsRefusedOnAToOne() {
    assertThatThrownBy(() -> Changeset.cast(new CommentStruct(), Map.of("sort", List.of(0)))
        .castAssoc(Comments.POST, (p, params) -> Changeset.cast(p, params, Posts.TITLE), AssocOption.sortParam("sort")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sortParam is not supported for belongs_to/has_one");
  }

  /**
   * Regression test for issue #16: a child changeset put (or cast) with its own DELETE action is
   * deleted by the repo and left out of the written association, as Ecto's has_many on_repo_change.
   */
  @Test
  void aChildMarkedDeleteIsDeleted(Repo repo) {
    PostStruct post = repo.insertOrThrow(newPost("p").withComments(List.of(new CommentStruct().withBody("gone"),
        new CommentStruct().withBody("kept"))));
    CommentStruct gone = (CommentStruct) post.comments().get(0);
    CommentStruct kept = (CommentStruct) post.comments().get(1);

    PostStruct updated = repo.updateOrThrow(Changeset.change(post).putAssoc(Posts.COMMENTS,
        List.of(Changeset.change(gone).withAction(Changeset.Action.DELETE), kept)));

    assertThat(updated.comments()).extracting(c -> ((CommentStruct) c).id()).containsExactly(kept.id());
    assertThat(repo.get(Comments.SCHEMA, gone.id())).isEmpty();
    assertThat(repo.get(Comments.SCHEMA, kept.id())).isPresent();
  }
}
