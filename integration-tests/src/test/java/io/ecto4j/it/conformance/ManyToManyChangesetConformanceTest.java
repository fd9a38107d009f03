package io.ecto4j.it.conformance;

import static io.ecto4j.it.conformance.States.loaded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.changeset.AssocOption;
import io.ecto4j.changeset.Changeset;
import io.ecto4j.changeset.ChangesetError;
import io.ecto4j.changeset.Fetched;
import io.ecto4j.it.schemas.PostStruct;
import io.ecto4j.it.schemas.Posts;
import io.ecto4j.it.schemas.Tag;
import io.ecto4j.it.schemas.TagStruct;
import io.ecto4j.it.schemas.Tags;
import io.ecto4j.schema.OnReplace;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Ports of Ecto's {@code test/ecto/changeset/many_to_many_test.exs} (issue #16), on a post's tags:
 * Ecto's {@code Author.posts} is {@code Posts.TAGS} here, its post's {@code title} a tag's {@code name}.
 * Ecto's {@code on_replace} per association is given per call ({@code AssocOption.onReplace}).
 */
class ManyToManyChangesetConformanceTest {
  private static final ChangesetError INVALID =
      new ChangesetError("tags", "is invalid", Map.of("validation", "assoc", "type", "list<map>"));

  /** Ecto's test {@code Post.changeset/2}. */
  static Changeset<TagStruct> tagChangeset(TagStruct tag, Map<String, ?> params) {
    return Changeset.cast(tag, params, Tags.NAME).validateRequired(Tags.NAME);
  }

  /** Ecto's test {@code Post.set_action/2}: the action the params name, UPDATE by default. */
  static Changeset<TagStruct> withAction(TagStruct tag, Map<String, ?> params) {
    Object action = params.get("action");
    return tagChangeset(tag, params)
        .withAction(action == null ? Changeset.Action.UPDATE : Changeset.Action.valueOf(action.toString().toUpperCase()));
  }

  private static Changeset<PostStruct> cast(PostStruct post, Map<String, ?> params, AssocOption... options) {
    return Changeset.cast(post, params).castAssoc(Posts.TAGS, ManyToManyChangesetConformanceTest::tagChangeset, options);
  }

  private static PostStruct post(TagStruct... tags) {
    return new PostStruct().withTags(List.of(tags));
  }

  private static TagStruct tag(long id, String name) {
    return new TagStruct().withId(id).withName(name);
  }

  /** Ports many_to_many_test.exs "cast many_to_many with only new schemas". */
  @Test
  void castOnlyNewSchemas() {
    Changeset<PostStruct> changeset = cast(new PostStruct(), Map.of("tags", List.of(Map.of("name", "hello"))));
    assertThat(changeset.getAssoc(Posts.TAGS)).singleElement().satisfies(tag -> {
      assertThat(tag.changes()).isEqualTo(Map.of(Tags.NAME, "hello"));
      assertThat(tag.errors()).isEmpty();
      assertThat(tag.action()).contains(Changeset.Action.INSERT);
      assertThat(tag.isValid()).isTrue();
    });
    assertThat(changeset.isValid()).isTrue();
  }

  /** Ports many_to_many_test.exs "cast many_to_many with map": a form's index map. */
  @Test
  void castAnIndexMap() {
    Changeset<PostStruct> changeset = cast(new PostStruct(), Map.of("tags", Map.of("0", Map.of("name", "hello"))));
    assertThat(changeset.getAssoc(Posts.TAGS)).singleElement().satisfies(tag -> {
      assertThat(tag.changes()).isEqualTo(Map.of(Tags.NAME, "hello"));
      assertThat(tag.action()).contains(Changeset.Action.INSERT);
      assertThat(tag.isValid()).isTrue();
    });
    assertThat(changeset.isValid()).isTrue();
  }

  /**
   * Ports many_to_many_test.exs "cast many_to_many without loading": nothing onto a new struct's
   * unloaded tags is the change to none; onto loaded empty tags, no change; a stored struct's tags
   * must be loaded to be cast.
   */
  @Test
  void castWithoutLoading() {
    Fetched<List<TagStruct>> fetched = cast(new PostStruct(), Map.of("tags", List.of())).fetchField(Posts.TAGS);
    assertThat(fetched).isEqualTo(new Fetched<>(Fetched.Source.CHANGES, List.of()));
    assertThat(cast(post(), Map.of("tags", List.of())).fetchField(Posts.TAGS).source()).isEqualTo(Fetched.Source.DATA);

    PostStruct stored = loaded(new PostStruct().withId(1L));
    assertThatThrownBy(() -> cast(stored, Map.of("tags", List.of())))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("is not loaded").hasMessageContaining("preload");
    assertThat(cast(stored, Map.of())).isEqualTo(Changeset.cast(stored, Map.of()));
    assertThatThrownBy(() -> Changeset.change(stored).getAssoc(Posts.TAGS)).hasMessageContaining("preload");
  }

  /** Ports many_to_many_test.exs "cast many_to_many with invalid operation". */
  @Test
  void castRefusesToUpdateATagThatIsNotLoaded() {
    assertThatThrownBy(() -> Changeset.cast(post(), Map.of("tags", List.of(Map.of("id", "1", "name", "new"))))
        .castAssoc(Posts.TAGS, ManyToManyChangesetConformanceTest::withAction))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot update related");
  }

  /** Ports many_to_many_test.exs "cast many_to_many with invalid params". */
  @Test
  void castParamsOfTheWrongShapeAreInvalid() {
    Map<String, Object> nullParam = new HashMap<>();
    nullParam.put("tags", null);
    for (Map<String, ?> params : List.of(Map.of("tags", "value"), Map.of("tags", List.of("value")), nullParam,
        Map.of("tags", Map.of("id", "invalid")))) {
      Changeset<PostStruct> changeset = cast(new PostStruct(), params);
      assertThat(changeset.errors()).as("params %s", params).containsExactly(INVALID);
      assertThat(changeset.isValid()).isFalse();
    }
  }

  /** Ports many_to_many_test.exs "cast many_to_many discards changesets marked as ignore". */
  @Test
  void castDiscardsChildrenMarkedIgnore() {
    Changeset<PostStruct> ignored = Changeset.cast(new PostStruct(),
        Map.of("tags", List.of(Map.of("name", "oops", "action", "ignore"))))
        .castAssoc(Posts.TAGS, ManyToManyChangesetConformanceTest::withAction);
    assertThat(ignored).isEqualTo(Changeset.cast(new PostStruct(), Map.of("tags", List.of(Map.of("name", "oops",
        "action", "ignore")))));

    Changeset<PostStruct> changeset = Changeset.cast(new PostStruct(), Map.of("tags", List.of(
        Map.of("name", "hello", "action", "insert"), Map.of("name", "oops", "action", "ignore"),
        Map.of("name", "world", "action", "insert"))))
        .castAssoc(Posts.TAGS, ManyToManyChangesetConformanceTest::withAction);
    assertThat(changeset.getAssoc(Posts.TAGS)).extracting(tag -> tag.getChange(Tags.NAME).orElseThrow())
        .containsExactly("hello", "world");
  }

  /** Ports many_to_many_test.exs "cast many_to_many when required". */
  @Test
  void castWhenRequired() {
    ChangesetError blank = new ChangesetError("tags", "can't be blank", Map.of("validation", "required"));
    assertThat(cast(new PostStruct(), Map.of("tags", List.of(Map.of("name", "hello"))), AssocOption.required()).errors())
        .as("new tags are not blank").isEmpty();

    Changeset<PostStruct> missing = cast(post(), Map.of(), AssocOption.required());
    assertThat(missing.fetchField(Posts.TAGS).source()).isEqualTo(Fetched.Source.DATA);
    assertThat(missing.errors()).containsExactly(blank);

    assertThat(cast(post(), Map.of(), AssocOption.required(), AssocOption.requiredMessage("a custom message")).errors())
        .containsExactly(new ChangesetError("tags", "a custom message", Map.of("validation", "required")));

    Map<String, Object> nullParam = new HashMap<>();
    nullParam.put("tags", null);
    Changeset<PostStruct> invalid = cast(post(), nullParam, AssocOption.required());
    assertThat(invalid.fetchField(Posts.TAGS).source()).isEqualTo(Fetched.Source.DATA);
    assertThat(invalid.errors()).containsExactly(INVALID);
  }

  /** Ports many_to_many_test.exs "cast many_to_many with empty parameters". */
  @Test
  void castWithEmptyParametersIsNoChange() {
    for (PostStruct post : List.of(post(), new PostStruct(), post(new TagStruct()))) {
      assertThat(cast(post, Map.of()).fetchField(Posts.TAGS).source()).isEqualTo(Fetched.Source.DATA);
    }
  }

  /** Ports many_to_many_test.exs "cast many_to_many with on_replace: :raise" (RAISE is the default). */
  @Test
  void castWithOnReplaceRaise() {
    PostStruct post = post(tag(1, "a"));
    assertThatThrownBy(() -> cast(post, Map.of("tags", List.of())))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("you are attempting to change");
    assertThatThrownBy(() -> cast(post, Map.of("tags", List.of(Map.of("id", "2")))))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("you are attempting to change");
  }

  /** Ports many_to_many_test.exs "cast many_to_many with on_replace: :mark_as_invalid". */
  @Test
  void castWithOnReplaceMarkAsInvalid() {
    PostStruct post = post(tag(1, "a"));
    AssocOption invalid = AssocOption.onReplace(OnReplace.MARK_AS_INVALID);
    for (List<Map<String, String>> tags : List.of(List.<Map<String, String>>of(), List.of(Map.of("id", "2")))) {
      Changeset<PostStruct> changeset = cast(post, Map.of("tags", tags), invalid);
      assertThat(changeset.fetchField(Posts.TAGS).source()).isEqualTo(Fetched.Source.DATA);
      assertThat(changeset.errors()).containsExactly(INVALID);
      assertThat(changeset.isValid()).isFalse();
    }
    Changeset<PostStruct> custom = cast(post, Map.of("tags", List.of(Map.of("id", "2"))), invalid,
        AssocOption.invalidMessage("a custom message"));
    assertThat(custom.errors()).containsExactly(
        new ChangesetError("tags", "a custom message", Map.of("validation", "assoc", "type", "list<map>")));
  }

  /** Ports many_to_many_test.exs "cast many_to_many twice". */
  @Test
  void castTwice() {
    PostStruct applied = cast(new PostStruct(), Map.of("tags", List.of(Map.of("name", "hello", "id", "1"))))
        .applyChanges();
    Map<String, List<Object>> none = Map.of("tags", List.of());
    AssocOption delete = AssocOption.onReplace(OnReplace.DELETE);
    Changeset<PostStruct> twice = cast(applied, none, delete)
        .castAssoc(Posts.TAGS, ManyToManyChangesetConformanceTest::tagChangeset, delete);
    assertThat(twice.isValid()).isTrue();

    Map<String, List<Map<String, String>>> params = Map.of("tags", List.of(Map.of("name", "hello")));
    Changeset<PostStruct> again = cast(new PostStruct(), params)
        .castAssoc(Posts.TAGS, ManyToManyChangesetConformanceTest::tagChangeset);
    assertThat(again.isValid()).isTrue();
  }

  /**
   * Ports many_to_many_test.exs "change many_to_many" (Ecto's {@code Relation.change}, reached here
   * through {@code putAssoc}): a replaced tag and a new one, a changeset of a new tag inserted, of a
   * loaded one updated, children marked IGNORE or unchanged loaded ones no change.
   */
  @Test
  void changeManyToMany() {
    AssocOption delete = AssocOption.onReplace(OnReplace.DELETE);
    assertThat(Changeset.change(post()).putAssoc(Posts.TAGS, List.of()).fetchField(Posts.TAGS).source())
        .isEqualTo(Fetched.Source.DATA);

    List<Changeset<TagStruct>> replaced = Changeset.change(post(tag(2, null)))
        .putAssoc(Posts.TAGS, List.of(new TagStruct()), delete).getAssoc(Posts.TAGS);
    assertThat(replaced).extracting(c -> c.action().orElseThrow())
        .containsExactlyInAnyOrder(Changeset.Action.REPLACE, Changeset.Action.INSERT);

    Changeset<TagStruct> newTag = Changeset.change(new TagStruct()).putChange(Tags.NAME, "hello");
    assertThat(Changeset.change(post()).putAssoc(Posts.TAGS, List.of(newTag)).getAssoc(Posts.TAGS))
        .singleElement().satisfies(c -> {
          assertThat(c.action()).contains(Changeset.Action.INSERT);
          assertThat(c.changes()).isEqualTo(Map.of(Tags.NAME, "hello"));
        });

    TagStruct loaded = tag(1, null);
    Changeset<TagStruct> edited = Changeset.change(loaded).putChange(Tags.NAME, "hello");
    assertThat(Changeset.change(post(loaded)).putAssoc(Posts.TAGS, List.of(edited)).getAssoc(Posts.TAGS))
        .singleElement().satisfies(c -> {
          assertThat(c.action()).contains(Changeset.Action.UPDATE);
          assertThat(c.changes()).isEqualTo(Map.of(Tags.NAME, "hello"));
        });
    assertThat(Changeset.change(post(loaded)).putAssoc(Posts.TAGS, List.of(), delete).getAssoc(Posts.TAGS))
        .singleElement().satisfies(c -> assertThat(c.action()).contains(Changeset.Action.REPLACE));

    Changeset<PostStruct> base = Changeset.change(post(loaded));
    assertThat(base.putAssoc(Posts.TAGS, List.of(edited.withAction(Changeset.Action.IGNORE)))).isEqualTo(base);
    assertThat(Changeset.change(post()).putAssoc(Posts.TAGS, List.of(edited.withAction(Changeset.Action.IGNORE))))
        .isEqualTo(Changeset.change(post()));
    assertThat(base.putAssoc(Posts.TAGS, List.of(Changeset.change(loaded)))).isEqualTo(base);
  }

  /**
   * Ports many_to_many_test.exs "change many_to_many with structs": a built struct is inserted, even
   * with a key, a loaded one updated (its state, as Ecto reads it; see AssocStateConformanceTest for
   * the deleted one); a changeset marked DELETE stands for the deleted struct.
   */
  @Test
  void changeManyToManyWithStructs() {
    TagStruct tag = new TagStruct().withName("hello");
    assertThat(Changeset.change(post()).putAssoc(Posts.TAGS, List.of(tag)).getAssoc(Posts.TAGS))
        .singleElement().satisfies(c -> assertThat(c.action()).contains(Changeset.Action.INSERT));
    assertThat(Changeset.change(post()).putAssoc(Posts.TAGS, List.of(tag.withId(1L))).getAssoc(Posts.TAGS))
        .as("a key does not make a built struct stored").singleElement()
        .satisfies(c -> assertThat(c.action()).contains(Changeset.Action.INSERT));
    assertThat(Changeset.change(post()).putAssoc(Posts.TAGS, List.of(loaded(tag.withId(1L)))).getAssoc(Posts.TAGS))
        .singleElement().satisfies(c -> assertThat(c.action()).contains(Changeset.Action.UPDATE));
    Changeset<PostStruct> deleting = Changeset.change(post())
        .putAssoc(Posts.TAGS, List.of(Changeset.change(tag.withId(1L)).withAction(Changeset.Action.DELETE)));
    assertThat(deleting.getAssoc(Posts.TAGS)).singleElement()
        .satisfies(c -> assertThat(c.action()).contains(Changeset.Action.DELETE));
    assertThat(deleting.getField(Posts.TAGS)).as("a deleted tag is not in the applied value").isEmpty();
  }

  /** Ports many_to_many_test.exs "change many_to_many with on_replace: :mark_as_invalid". */
  @Test
  void changeManyToManyWithOnReplaceMarkAsInvalid() {
    Changeset<PostStruct> base = Changeset.change(post(tag(1, null)));
    AssocOption invalid = AssocOption.onReplace(OnReplace.MARK_AS_INVALID);
    for (List<TagStruct> tags : List.of(List.<TagStruct>of(), List.of(tag(2, null)))) {
      Changeset<PostStruct> changeset = base.putAssoc(Posts.TAGS, tags, invalid);
      assertThat(changeset.fetchField(Posts.TAGS).source()).isEqualTo(Fetched.Source.DATA);
      assertThat(changeset.errors()).singleElement().satisfies(error -> {
        assertThat(error.message()).isEqualTo("is invalid");
        assertThat(error.keys()).containsEntry("type", "list<map>");
      });
      assertThat(changeset.isValid()).isFalse();
    }
  }

  /** Ports many_to_many_test.exs "apply_changes": a child marked DELETE is left out of the applied tags. */
  @Test
  void applyChangesLeavesOutDeletedChildren() {
    Changeset<TagStruct> hello = Changeset.change(new TagStruct()).putChange(Tags.NAME, "hello");
    PostStruct applied = Changeset.change(post())
        .putAssoc(Posts.TAGS, List.of(hello, hello.withAction(Changeset.Action.DELETE))).applyChanges();
    assertThat(applied.tags()).extracting(Tag::name).containsExactly("hello");
  }
}
