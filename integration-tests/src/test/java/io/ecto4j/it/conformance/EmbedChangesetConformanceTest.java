package io.ecto4j.it.conformance;

import static io.ecto4j.changeset.Changeset.Action.DELETE;
import static io.ecto4j.changeset.Changeset.Action.INSERT;
import static io.ecto4j.changeset.Changeset.Action.REPLACE;
import static io.ecto4j.changeset.Changeset.Action.UPDATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.changeset.AssocOption;
import io.ecto4j.changeset.Changeset;
import io.ecto4j.changeset.ChangesetError;
import io.ecto4j.changeset.Fetched;
import io.ecto4j.it.schemas.EmbedAuthor;
import io.ecto4j.it.schemas.EmbedAuthorStruct;
import io.ecto4j.it.schemas.EmbedAuthors;
import io.ecto4j.it.schemas.EmbedNestedStruct;
import io.ecto4j.it.schemas.EmbedPost;
import io.ecto4j.it.schemas.EmbedPostStruct;
import io.ecto4j.it.schemas.EmbedPosts;
import io.ecto4j.it.schemas.EmbedProfile;
import io.ecto4j.it.schemas.EmbedProfileStruct;
import io.ecto4j.it.schemas.EmbedProfiles;
import io.ecto4j.meta.Embed;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ports of Ecto's {@code test/ecto/changeset/embedded_test.exs}: {@code castEmbed} and
 * {@code putEmbed} on {@link EmbedAuthor}, whose embeds mirror Ecto's {@code Author} (an embed per
 * {@code on_replace}). Ecto's {@code changeset.changes.profile} (a changeset) is
 * {@code getEmbed(EmbedAuthors.PROFILE)} here; the plain change holds the applied struct.
 */
@EctoTest(sandbox = true)
class EmbedChangesetConformanceTest {
  private static final UUID ID1 = UUID.fromString("00000000-0000-0000-0000-000000000001");
  private static final UUID ID2 = UUID.fromString("00000000-0000-0000-0000-000000000002");
  private static final UUID ID3 = UUID.fromString("00000000-0000-0000-0000-000000000003");
  private static final Map<String, Object> REQUIRED = Map.of("validation", "required");
  private static final Map<String, Object> INVALID_ONE = Map.of("validation", "embed", "type", "map");
  private static final Map<String, Object> INVALID_MANY = Map.of("validation", "embed", "type", "list<map>");

  @BeforeAll
  static void tables(TestDatabase db) throws SQLException {
    db.execute(EmbedAuthors.DDL);
  }

  private static Changeset<EmbedAuthorStruct> cast(EmbedAuthorStruct author, Map<String, ?> params,
      Embed<EmbedAuthorStruct, EmbedProfileStruct, EmbedProfileStruct> embed, AssocOption... options) {
    return Changeset.cast(author, params).castEmbed(embed, EmbedProfile::changeset, options);
  }

  private static Changeset<EmbedAuthorStruct> castPosts(EmbedAuthorStruct author, Map<String, ?> params,
      Embed<EmbedAuthorStruct, List<EmbedPost>, EmbedPostStruct> embed, AssocOption... options) {
    return Changeset.cast(author, params).castEmbed(embed, EmbedPost::changeset, options);
  }

  private static Changeset<EmbedProfileStruct> profile(Changeset<EmbedAuthorStruct> changeset) {
    List<Changeset<EmbedProfileStruct>> children = changeset.getEmbed(EmbedAuthors.PROFILE);
    assertThat(children).hasSize(1);
    return children.get(0);
  }

  private static EmbedProfileStruct named(UUID id, String name) {
    return new EmbedProfileStruct().withId(id).withName(name);
  }

  private static EmbedPostStruct titled(UUID id, String title) {
    return new EmbedPostStruct().withId(id).withTitle(title);
  }

  private static EmbedAuthorStruct withProfile(EmbedProfileStruct profile) {
    return new EmbedAuthorStruct().withProfile(profile);
  }

  private static EmbedAuthorStruct withPosts(EmbedPostStruct... posts) {
    return new EmbedAuthorStruct().withPosts(List.of(posts));
  }

  private static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  private static List<Object> titles(Changeset<EmbedAuthorStruct> changeset) {
    return changeset.getEmbed(EmbedAuthors.POSTS).stream()
        .map(post -> post.changes().get(EmbedPosts.TITLE)).toList();
  }

  // ---------------------------------------------------------------- cast embeds_one

  /** Ports embedded_test.exs "cast embeds_one with valid params". */
  @Test
  void castOneWithValidParams() {
    Changeset<EmbedAuthorStruct> changeset = cast(new EmbedAuthorStruct(), Map.of("profile", Map.of("name", "michal")),
        EmbedAuthors.PROFILE);
    Changeset<EmbedProfileStruct> profile = profile(changeset);
    assertThat(profile.changes()).isEqualTo(Map.of(EmbedProfiles.NAME, "michal"));
    assertThat(profile.errors()).isEmpty();
    assertThat(profile.action()).contains(INSERT);
    assertThat(profile.isValid()).isTrue();
    assertThat(changeset.isValid()).isTrue();
    assertThat(changeset.getChange(EmbedAuthors.PROFILE)).contains(new EmbedProfileStruct().withName("michal"));
  }

  /** Ports embedded_test.exs "cast embeds_one with invalid params". */
  @Test
  void castOneWithInvalidParams() {
    Changeset<EmbedAuthorStruct> changeset = cast(new EmbedAuthorStruct(), Map.of("profile", Map.of()),
        EmbedAuthors.PROFILE);
    assertThat(profile(changeset).changes()).isEmpty();
    assertThat(profile(changeset).errors()).containsExactly(new ChangesetError("name", "can't be blank", REQUIRED));
    assertThat(profile(changeset).action()).contains(INSERT);
    assertThat(profile(changeset).isValid()).isFalse();
    assertThat(changeset.isValid()).isFalse();

    Changeset<EmbedAuthorStruct> string = cast(new EmbedAuthorStruct(), Map.of("profile", "value"), EmbedAuthors.PROFILE,
        AssocOption.required());
    assertThat(string.errors()).containsExactly(new ChangesetError("profile", "is invalid", INVALID_ONE));
    assertThat(string.isValid()).isFalse();

    Changeset<EmbedAuthorStruct> list = cast(new EmbedAuthorStruct(),
        Map.of("profile", List.of(Map.of("name", "michal"))), EmbedAuthors.PROFILE);
    assertThat(list.changes()).isEmpty();
    assertThat(list.errors()).containsExactly(new ChangesetError("profile", "is invalid", INVALID_ONE));
  }

  /** Ports embedded_test.exs "cast embeds_one with existing struct updating". */
  @Test
  void castOneUpdatingTheCurrentOne() {
    Changeset<EmbedAuthorStruct> changeset = cast(withProfile(named(ID1, "michal")),
        Map.of("profile", Map.of("name", "new", "id", ID1.toString())), EmbedAuthors.PROFILE);
    Changeset<EmbedProfileStruct> profile = profile(changeset);
    assertThat(profile.changes()).isEqualTo(Map.of(EmbedProfiles.NAME, "new"));
    assertThat(profile.action()).contains(UPDATE);
    assertThat(changeset.isValid()).isTrue();
    assertThat(changeset.applyChanges().profile()).isEqualTo(named(ID1, "new"));
  }

  /**
   * Ports embedded_test.exs "cast embeds_one with existing struct updating from atom params": the
   * nested params keyed by the embedded schema's fields, Ecto's atom keys.
   */
  @Test
  void castOneUpdatingFromFieldKeyedParams() {
    Changeset<EmbedAuthorStruct> changeset = cast(withProfile(named(ID1, "michal")),
        Map.of("profile", Map.of(EmbedProfiles.NAME, "new", EmbedProfiles.ID, ID1)), EmbedAuthors.PROFILE);
    assertThat(profile(changeset).changes()).isEqualTo(Map.of(EmbedProfiles.NAME, "new"));
    assertThat(profile(changeset).action()).contains(UPDATE);
    assertThat(changeset.isValid()).isTrue();
  }

  /** Ports embedded_test.exs "cast embeds_one with existing struct replacing". */
  @Test
  void castOneReplacingTheCurrentOne() {
    Changeset<EmbedAuthorStruct> withoutId = cast(withProfile(named(ID1, "michal")),
        Map.of("profile", Map.of("name", "new")), EmbedAuthors.PROFILE);
    assertThat(profile(withoutId).changes()).isEqualTo(Map.of(EmbedProfiles.NAME, "new"));
    assertThat(profile(withoutId).action()).contains(INSERT);
    assertThat(withoutId.isValid()).isTrue();

    Changeset<EmbedAuthorStruct> otherId = cast(withProfile(named(ID1, "michal")),
        Map.of("profile", Map.of("name", "new", "id", ID2.toString())), EmbedAuthors.PROFILE);
    assertThat(profile(otherId).changes()).isEqualTo(Map.of(EmbedProfiles.NAME, "new", EmbedProfiles.ID, ID2));
    assertThat(profile(otherId).action()).contains(INSERT);

    assertThatThrownBy(() -> Changeset.cast(withProfile(named(ID1, "michal")),
            Map.of("profile", Map.of("name", "new", "id", ID2.toString())))
        .castEmbed(EmbedAuthors.PROFILE, EmbedProfile::setAction))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot update related");
  }

  /** Ports embedded_test.exs "cast embeds_one without changes skips". */
  @Test
  void castOneWithoutChangesSkips() {
    Changeset<EmbedAuthorStruct> changeset = cast(withProfile(named(ID1, "michal")),
        Map.of("profile", Map.of("id", ID1.toString())), EmbedAuthors.PROFILE);
    assertThat(changeset.changes()).isEmpty();
    assertThat(changeset.errors()).isEmpty();
    assertThat(changeset.changed(EmbedAuthors.PROFILE)).isFalse();
  }

  /** Ports embedded_test.exs "cast embeds_on discards changesets marked as ignore". */
  @Test
  void castOneDiscardsIgnored() {
    Changeset<EmbedAuthorStruct> changeset = Changeset.cast(new EmbedAuthorStruct(),
            Map.of("profile", Map.of("name", "michal", "id", ID1.toString(), "action", "IGNORE")))
        .castEmbed(EmbedAuthors.PROFILE, EmbedProfile::setAction);
    assertThat(changeset.changes()).isEmpty();
  }

  /** Ports embedded_test.exs "cast embeds_one when required". */
  @Test
  void castOneWhenRequired() {
    Changeset<EmbedAuthorStruct> missing = cast(new EmbedAuthorStruct(), Map.of(), EmbedAuthors.PROFILE,
        AssocOption.required());
    assertThat(missing.required()).containsExactly(EmbedAuthors.PROFILE);
    assertThat(missing.changes()).isEmpty();
    assertThat(missing.errors()).containsExactly(new ChangesetError("profile", "can't be blank", REQUIRED));

    Changeset<EmbedAuthorStruct> custom = cast(new EmbedAuthorStruct(), Map.of(), EmbedAuthors.PROFILE,
        AssocOption.required(), AssocOption.requiredMessage("a custom message"));
    assertThat(custom.errors()).containsExactly(new ChangesetError("profile", "a custom message", REQUIRED));

    Changeset<EmbedAuthorStruct> present = cast(withProfile(new EmbedProfileStruct()), Map.of(), EmbedAuthors.PROFILE,
        AssocOption.required());
    assertThat(present.changes()).isEmpty();
    assertThat(present.errors()).isEmpty();

    Changeset<EmbedAuthorStruct> nullOntoNothing = cast(new EmbedAuthorStruct(), map("profile", null),
        EmbedAuthors.PROFILE, AssocOption.required());
    assertThat(nullOntoNothing.changes()).isEmpty();
    assertThat(nullOntoNothing.errors()).containsExactly(new ChangesetError("profile", "can't be blank", REQUIRED));

    Changeset<EmbedAuthorStruct> nullOntoOne = cast(withProfile(new EmbedProfileStruct()), map("profile", null),
        EmbedAuthors.PROFILE, AssocOption.required());
    assertThat(nullOntoOne.changes()).hasSize(1).containsEntry(EmbedAuthors.PROFILE, null);
    assertThat(nullOntoOne.errors()).containsExactly(new ChangesetError("profile", "can't be blank", REQUIRED));
  }

  /** Ports embedded_test.exs "cast embeds_one with optional". */
  @Test
  void castOneToNothing() {
    Changeset<EmbedAuthorStruct> changeset = cast(withProfile(named(ID1, null)), map("profile", null),
        EmbedAuthors.PROFILE);
    assertThat(changeset.hasChange(EmbedAuthors.PROFILE)).isTrue();
    assertThat(changeset.getChange(EmbedAuthors.PROFILE, named(ID2, "x"))).isNull();
    assertThat(changeset.isValid()).isTrue();
  }

  /** Ports embedded_test.exs "cast embeds_one with custom changeset". */
  @Test
  void castOneWithCustomChangeset() {
    Changeset<EmbedAuthorStruct> changeset = Changeset.cast(new EmbedAuthorStruct(),
        Map.of("profile", Map.of("name", "michal"))).castEmbed(EmbedAuthors.PROFILE, EmbedProfile::optionalChangeset);
    assertThat(profile(changeset).changes()).isEqualTo(Map.of(EmbedProfiles.NAME, "michal"));
    assertThat(profile(changeset).action()).contains(INSERT);
    assertThat(changeset.isValid()).isTrue();
  }

  /** Ports embedded_test.exs "cast embeds_one keeps appropriate action from changeset". */
  @Test
  void castOneKeepsTheChildsAction() {
    Changeset<EmbedAuthorStruct> changeset = Changeset.cast(withProfile(named(ID1, null)),
            Map.of("profile", Map.of("name", "michal", "id", ID1.toString())))
        .castEmbed(EmbedAuthors.PROFILE, EmbedProfile::setAction);
    assertThat(profile(changeset).action()).contains(UPDATE);
    assertThatThrownBy(() -> Changeset.cast(withProfile(named(ID1, null)),
            Map.of("profile", Map.of("name", "michal", "id", ID2.toString())))
        .castEmbed(EmbedAuthors.PROFILE, EmbedProfile::setAction))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot update related");
  }

  /** Ports embedded_test.exs "cast embeds_one with empty parameters". */
  @Test
  void castOneWithoutParams() {
    assertThat(cast(new EmbedAuthorStruct(), Map.of(), EmbedAuthors.PROFILE).changes()).isEmpty();
    assertThat(cast(withProfile(new EmbedProfileStruct()), Map.of(), EmbedAuthors.PROFILE).changes()).isEmpty();
  }

  /** Ports embedded_test.exs "cast embeds_one with on_replace: :raise". */
  @Test
  void castOneOnReplaceRaise() {
    EmbedAuthorStruct author = new EmbedAuthorStruct().withRaiseProfile(named(ID1, null));
    Changeset<EmbedAuthorStruct> update = cast(author,
        Map.of("raise_profile", Map.of("name", "jose", "id", ID1.toString())), EmbedAuthors.RAISE_PROFILE);
    assertThat(update.getEmbed(EmbedAuthors.RAISE_PROFILE).get(0).action()).contains(UPDATE);
    assertThatThrownBy(() -> cast(author, map("raise_profile", null), EmbedAuthors.RAISE_PROFILE))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("you are attempting to change");
    assertThatThrownBy(() -> cast(author, Map.of("raise_profile", Map.of("name", "new", "id", ID2.toString())),
        EmbedAuthors.RAISE_PROFILE))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("you are attempting to change");
  }

  /** Ports embedded_test.exs "cast embeds_one with on_replace: :mark_as_invalid". */
  @Test
  void castOneOnReplaceMarkAsInvalid() {
    EmbedAuthorStruct author = new EmbedAuthorStruct().withInvalidProfile(named(ID1, null));
    Changeset<EmbedAuthorStruct> toNull = cast(author, map("invalid_profile", null), EmbedAuthors.INVALID_PROFILE);
    assertThat(toNull.changes()).isEmpty();
    assertThat(toNull.errors()).containsExactly(new ChangesetError("invalidProfile", "is invalid", INVALID_ONE));
    assertThat(toNull.isValid()).isFalse();

    Changeset<EmbedAuthorStruct> other = cast(author, Map.of("invalid_profile", Map.of("id", ID2.toString())),
        EmbedAuthors.INVALID_PROFILE);
    assertThat(other.changes()).isEmpty();
    assertThat(other.errors()).containsExactly(new ChangesetError("invalidProfile", "is invalid", INVALID_ONE));

    Changeset<EmbedAuthorStruct> custom = cast(author, map("invalid_profile", null), EmbedAuthors.INVALID_PROFILE,
        AssocOption.invalidMessage("a custom message"));
    assertThat(custom.errors()).containsExactly(new ChangesetError("invalidProfile", "a custom message", INVALID_ONE));
  }

  /** Ports embedded_test.exs "cast embeds_one with on_replace: :update", on an author stored first. */
  @Test
  void castOneOnReplaceUpdate(Repo repo) {
    EmbedAuthorStruct stored = repo.insertOrThrow(new EmbedAuthorStruct().withName("Enio")
        .withUpdateProfile(new EmbedProfileStruct().withName("Enio")));
    Changeset<EmbedAuthorStruct> changeset = cast(stored, Map.of("update_profile", Map.of("name", "Jose")),
        EmbedAuthors.UPDATE_PROFILE);
    Changeset<EmbedProfileStruct> profile = changeset.getEmbed(EmbedAuthors.UPDATE_PROFILE).get(0);
    assertThat(profile.changes()).isEqualTo(Map.of(EmbedProfiles.NAME, "Jose"));
    assertThat(profile.action()).contains(UPDATE);
    assertThat(changeset.errors()).isEmpty();
    assertThat(changeset.isValid()).isTrue();
    EmbedAuthorStruct updated = repo.updateOrThrow(changeset);
    assertThat(updated.updateProfile().id()).isEqualTo(stored.updateProfile().id());
    assertThat(repo.getOrThrow(EmbedAuthors.SCHEMA, stored.id()).updateProfile().name()).isEqualTo("Jose");
  }

  /**
   * Ports embedded_test.exs "raises when :update is used on embeds_many": declaring it is a compile
   * error (EmbedCompileTest), and asking for it in a call throws.
   */
  @Test
  void updateOnManyIsRefused() {
    assertThatThrownBy(() -> castPosts(new EmbedAuthorStruct(), Map.of("posts", List.of()), EmbedAuthors.POSTS,
        AssocOption.onReplace(io.ecto4j.schema.OnReplace.UPDATE)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid `:on_replace` option for EmbedAuthor.posts (embeds_many): UPDATE. "
            + "The valid options are RAISE, MARK_AS_INVALID, DELETE");
  }

  // ---------------------------------------------------------------- cast embeds_many

  /** Ports embedded_test.exs "cast embeds_many with only new schemas". */
  @Test
  void castManyNew() {
    Changeset<EmbedAuthorStruct> changeset = castPosts(new EmbedAuthorStruct(),
        Map.of("posts", List.of(Map.of("title", "hello"))), EmbedAuthors.POSTS);
    List<Changeset<EmbedPostStruct>> posts = changeset.getEmbed(EmbedAuthors.POSTS);
    assertThat(posts).hasSize(1);
    assertThat(posts.get(0).changes()).isEqualTo(Map.of(EmbedPosts.TITLE, "hello"));
    assertThat(posts.get(0).action()).contains(INSERT);
    assertThat(changeset.isValid()).isTrue();
    assertThat(changeset.getField(EmbedAuthors.POSTS)).containsExactly(new EmbedPostStruct().withTitle("hello"));
  }

  /** Ports embedded_test.exs "cast embeds_many with map": a form's index-keyed params. */
  @Test
  void castManyFromIndexKeyedMap() {
    Changeset<EmbedAuthorStruct> changeset = castPosts(new EmbedAuthorStruct(),
        Map.of("posts", Map.of("0", Map.of("title", "hello"))), EmbedAuthors.POSTS);
    assertThat(titles(changeset)).containsExactly("hello");
    assertThat(changeset.getEmbed(EmbedAuthors.POSTS).get(0).action()).contains(INSERT);
    assertThat(changeset.isValid()).isTrue();
  }

  /** Ports embedded_test.exs "cast embeds_many with map and sort_param and delete_param". */
  @Test
  void castManySortAndDrop() {
    Map<String, Object> posts = map("1", Map.of("title", "one"), "2", Map.of("title", "two"),
        "3", Map.of("title", "three"));
    AssocOption sort = AssocOption.sortParam("sort");
    AssocOption drop = AssocOption.dropParam("drop");
    EmbedAuthorStruct none = new EmbedAuthorStruct();
    assertThat(titles(castPosts(none, map("posts", posts), EmbedAuthors.POSTS, sort, drop)))
        .containsExactly("one", "two", "three");
    assertThat(titles(castPosts(none, map("posts", posts, "drop", List.of(2)), EmbedAuthors.POSTS, sort, drop)))
        .containsExactly("one", "three");
    assertThat(titles(castPosts(none, map("posts", posts, "sort", List.of(2, 3, 1)), EmbedAuthors.POSTS, sort, drop)))
        .containsExactly("two", "three", "one");
    assertThat(titles(castPosts(none, map("sort", List.of("new")), EmbedAuthors.POSTS, sort, drop)))
        .containsExactly((Object) null);
    Changeset<EmbedAuthorStruct> dropped = castPosts(withPosts(titled(null, "one")), map("drop", List.of(0)),
        EmbedAuthors.POSTS, sort, drop);
    assertThat(dropped.getEmbed(EmbedAuthors.POSTS)).extracting(c -> c.action().orElseThrow()).containsExactly(REPLACE);
    assertThat(titles(castPosts(none, map("posts", posts, "sort", List.of(2)), EmbedAuthors.POSTS, sort, drop)))
        .containsExactly("two", "one", "three");
    assertThat(titles(castPosts(none, map("posts", posts, "sort", List.of(2, "new")), EmbedAuthors.POSTS, sort, drop)))
        .containsExactly("two", null, "one", "three");
    assertThat(titles(castPosts(none, map("posts", posts, "sort", List.of(3, 2, 1), "drop", List.of(2)),
        EmbedAuthors.POSTS, sort, drop))).containsExactly("three", "one");
    assertThat(titles(castPosts(none, map("posts", posts, "sort", List.of(1, "new"), "drop", List.of(2, "new")),
        EmbedAuthors.POSTS, sort, drop))).containsExactly("one", "three");
    assertThat(titles(castPosts(none, map("posts", posts, "sort", "x", "drop", "y"), EmbedAuthors.POSTS, sort, drop)))
        .containsExactly("one", "two", "three");
  }

  /** Ports embedded_test.exs "cast embeds_many with custom changeset". */
  @Test
  void castManyWithCustomChangeset() {
    Changeset<EmbedAuthorStruct> changeset = Changeset.cast(new EmbedAuthorStruct(),
        Map.of("posts", List.of(Map.of("title", "hello")))).castEmbed(EmbedAuthors.POSTS, EmbedPost::optionalChangeset);
    assertThat(titles(changeset)).containsExactly("hello");
    assertThat(changeset.isValid()).isTrue();
  }

  /** Ports embedded_test.exs "cast embeds_many changing schemas": the order of the changesets matters. */
  @Test
  void castManyChanging() {
    EmbedAuthorStruct author = withPosts(titled(ID1, "first"), titled(ID2, "second"), titled(ID3, "third"));
    List<Map<String, Object>> params = List.of(map("title", "new"), map("id", ID2.toString(), "title", null),
        map("id", ID3.toString(), "title", "new name"));
    Changeset<EmbedAuthorStruct> changeset = castPosts(author, Map.of("posts", params), EmbedAuthors.POSTS);
    List<Changeset<EmbedPostStruct>> posts = changeset.getEmbed(EmbedAuthors.POSTS);
    assertThat(posts).extracting(c -> c.action().orElseThrow()).containsExactly(REPLACE, INSERT, UPDATE, UPDATE);
    assertThat(posts.get(0).data().id()).isEqualTo(ID1);
    assertThat(posts.get(0).required()).isEmpty();
    assertThat(posts.get(0).isValid()).isTrue();
    assertThat(posts.get(1).changes()).isEqualTo(Map.of(EmbedPosts.TITLE, "new"));
    assertThat(posts.get(2).data().id()).isEqualTo(ID2);
    assertThat(posts.get(2).errors()).containsExactly(new ChangesetError("title", "can't be blank", REQUIRED));
    assertThat(posts.get(3).data().id()).isEqualTo(ID3);
    assertThat(posts.get(3).isValid()).isTrue();
    assertThat(changeset.isValid()).isFalse();
  }

  /** Ports embedded_test.exs "cast embeds_many with invalid operation". */
  @Test
  void castManyInvalidOperation() {
    assertThatThrownBy(() -> Changeset.cast(new EmbedAuthorStruct(),
            Map.of("posts", List.of(Map.of("id", ID1.toString(), "title", "new"))))
        .castEmbed(EmbedAuthors.POSTS, EmbedPost::setAction))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot update related");
  }

  /** Ports embedded_test.exs "cast embeds_many with invalid params". */
  @Test
  void castManyInvalidParams() {
    for (Object params : new Object[] {"value", List.of("value"), null, Map.of("id", "invalid")}) {
      Changeset<EmbedAuthorStruct> changeset = castPosts(new EmbedAuthorStruct(), map("posts", params),
          EmbedAuthors.POSTS);
      assertThat(changeset.errors()).as("%s", params)
          .containsExactly(new ChangesetError("posts", "is invalid", INVALID_MANY));
      assertThat(changeset.isValid()).isFalse();
    }
  }

  /** Ports embedded_test.exs "cast embeds_many without changes skips". */
  @Test
  void castManyWithoutChangesSkips() {
    Changeset<EmbedAuthorStruct> changeset = castPosts(withPosts(titled(ID1, "hello")),
        Map.of("posts", List.of(Map.of("id", ID1.toString()))), EmbedAuthors.POSTS);
    assertThat(changeset.hasChange(EmbedAuthors.POSTS)).isFalse();
  }

  /** Ports embedded_test.exs "cast embeds_many discards changesets marked as ignore". */
  @Test
  void castManyDiscardsIgnored() {
    Changeset<EmbedAuthorStruct> ignored = Changeset.cast(new EmbedAuthorStruct(),
            Map.of("posts", List.of(Map.of("title", "oops", "action", "IGNORE"))))
        .castEmbed(EmbedAuthors.POSTS, EmbedPost::setAction);
    assertThat(ignored.changes()).isEmpty();

    List<Map<String, Object>> posts = List.of(map("title", "hello", "action", "INSERT"),
        map("title", "oops", "action", "IGNORE"), map("title", "world", "action", "INSERT"));
    Changeset<EmbedAuthorStruct> some = Changeset.cast(new EmbedAuthorStruct(), Map.of("posts", posts))
        .castEmbed(EmbedAuthors.POSTS, EmbedPost::setAction);
    assertThat(titles(some)).containsExactly("hello", "world");
  }

  /** Ports embedded_test.exs "cast embeds_many when required". */
  @Test
  void castManyWhenRequired() {
    Changeset<EmbedAuthorStruct> missing = castPosts(new EmbedAuthorStruct(), Map.of(), EmbedAuthors.POSTS,
        AssocOption.required());
    assertThat(missing.required()).containsExactly(EmbedAuthors.POSTS);
    assertThat(missing.changes()).isEmpty();
    assertThat(missing.errors()).containsExactly(new ChangesetError("posts", "can't be blank", REQUIRED));

    Changeset<EmbedAuthorStruct> nullParams = castPosts(new EmbedAuthorStruct(), map("posts", null),
        EmbedAuthors.POSTS, AssocOption.required());
    assertThat(nullParams.changes()).isEmpty();
    assertThat(nullParams.errors()).containsExactly(new ChangesetError("posts", "is invalid", INVALID_MANY));
  }

  /** Ports embedded_test.exs "cast embeds_many with empty parameters". */
  @Test
  void castManyWithoutParams() {
    assertThat(castPosts(new EmbedAuthorStruct(), Map.of(), EmbedAuthors.POSTS).changes()).isEmpty();
    assertThat(castPosts(withPosts(new EmbedPostStruct()), Map.of(), EmbedAuthors.POSTS).changes()).isEmpty();
  }

  /** Ports embedded_test.exs "cast embeds_many with on_replace: :raise". */
  @Test
  void castManyOnReplaceRaise() {
    EmbedAuthorStruct author = new EmbedAuthorStruct().withRaisePosts(List.of(titled(ID1, null)));
    assertThatThrownBy(() -> castPosts(author, Map.of("raise_posts", List.of()), EmbedAuthors.RAISE_POSTS))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("you are attempting to change");
    assertThatThrownBy(() -> castPosts(author, Map.of("raise_posts", List.of(Map.of("id", ID2.toString()))),
        EmbedAuthors.RAISE_POSTS))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("you are attempting to change");
  }

  /** Ports embedded_test.exs "cast embeds_many with on_replace: :mark_as_invalid". */
  @Test
  void castManyOnReplaceMarkAsInvalid() {
    EmbedAuthorStruct author = new EmbedAuthorStruct().withInvalidPosts(List.of(titled(ID1, null)));
    for (Object params : List.of(List.of(), List.of(Map.of("id", ID2.toString())))) {
      Changeset<EmbedAuthorStruct> changeset = castPosts(author, Map.of("invalid_posts", params),
          EmbedAuthors.INVALID_POSTS);
      assertThat(changeset.changes()).isEmpty();
      assertThat(changeset.errors()).containsExactly(new ChangesetError("invalidPosts", "is invalid", INVALID_MANY));
      assertThat(changeset.isValid()).isFalse();
    }
  }

  /** Ports embedded_test.exs "argument error when casting embeds_one with arity 3 function". */
  @Test
  void positionedFunctionOnOneIsRefused() {
    assertThatThrownBy(() -> Changeset.cast(new EmbedAuthorStruct(), Map.of("profile", Map.of("name", "John")))
        .castEmbed(EmbedAuthors.PROFILE, (profile, params, position) -> EmbedProfile.changeset(profile, params)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid with function for EmbedAuthor.profile");
  }

  /** Ports embedded_test.exs "sends index when casting embeds_many with arity 3 function". */
  @Test
  void positionedFunctionGetsTheIndex() {
    Changeset<EmbedAuthorStruct> changeset = Changeset.cast(new EmbedAuthorStruct(),
            Map.of("posts", List.of(Map.of("title", "hello"), Map.of("title", "bye"))))
        .castEmbed(EmbedAuthors.POSTS, EmbedPost::changesetWithPosition);
    List<Changeset<EmbedPostStruct>> posts = changeset.getEmbed(EmbedAuthors.POSTS);
    assertThat(posts.get(0).changes()).isEqualTo(Map.of(EmbedPosts.TITLE, "hello", EmbedPosts.POSITION, 0));
    assertThat(posts.get(1).changes()).isEqualTo(Map.of(EmbedPosts.TITLE, "bye", EmbedPosts.POSITION, 1));
  }

  // ---------------------------------------------------------------- change and put_embed

  /** Ports embedded_test.exs "change embeds_one" (Ecto's Relation.change, through putEmbed). */
  @Test
  void changeOne() {
    Changeset<EmbedAuthorStruct> empty = Changeset.change(new EmbedAuthorStruct());
    assertThat(empty.putEmbed(EmbedAuthors.PROFILE, (Object) null).changes()).isEmpty();
    Changeset<EmbedAuthorStruct> toNull = Changeset.change(withProfile(new EmbedProfileStruct()))
        .putEmbed(EmbedAuthors.PROFILE, (Object) null);
    assertThat(toNull.hasChange(EmbedAuthors.PROFILE)).isTrue();

    EmbedProfileStruct embed = new EmbedProfileStruct();
    Changeset<EmbedProfileStruct> named = Changeset.change(embed, Map.of(EmbedProfiles.NAME, "michal"));
    Changeset<EmbedAuthorStruct> inserted = empty.putEmbed(EmbedAuthors.PROFILE, named);
    assertThat(profile(inserted).action()).contains(INSERT);
    assertThat(profile(inserted).changes()).isEqualTo(Map.of(EmbedProfiles.NAME, "michal"));
    Changeset<EmbedAuthorStruct> updated = Changeset.change(withProfile(embed)).putEmbed(EmbedAuthors.PROFILE, named);
    assertThat(profile(updated).action()).contains(UPDATE);

    assertThat(empty.putEmbed(EmbedAuthors.PROFILE, named.withAction(Changeset.Action.IGNORE)).changes()).isEmpty();
    assertThat(Changeset.change(withProfile(embed)).putEmbed(EmbedAuthors.PROFILE, Changeset.change(embed))
        .changes()).isEmpty();
    Changeset<EmbedAuthorStruct> replaced = Changeset.change(withProfile(named(ID2, null)))
        .putEmbed(EmbedAuthors.PROFILE, named(ID1, null));
    assertThat(replaced.getChange(EmbedAuthors.PROFILE)).contains(named(ID1, null));
  }

  /** Ports embedded_test.exs "change embeds_one with attributes". */
  @Test
  void changeOneWithAttributes() {
    Changeset<EmbedAuthorStruct> inserted = Changeset.change(new EmbedAuthorStruct())
        .putEmbed(EmbedAuthors.PROFILE, Map.of("name", "michal"));
    assertThat(profile(inserted).action()).contains(INSERT);
    assertThat(profile(inserted).changes()).isEqualTo(Map.of(EmbedProfiles.NAME, "michal"));
    Changeset<EmbedAuthorStruct> updated = Changeset.change(withProfile(named(ID1, "other")))
        .putEmbed(EmbedAuthors.PROFILE, Map.of(EmbedProfiles.ID, ID1, EmbedProfiles.NAME, "michal"));
    assertThat(profile(updated).action()).contains(UPDATE);
    assertThat(profile(updated).changes()).isEqualTo(Map.of(EmbedProfiles.NAME, "michal"));
  }

  /** Ports embedded_test.exs "change embeds_one with structs". */
  @Test
  void changeOneWithStructs() {
    Changeset<EmbedAuthorStruct> changeset = Changeset.change(new EmbedAuthorStruct())
        .putEmbed(EmbedAuthors.PROFILE, new EmbedProfileStruct().withName("michal"));
    assertThat(profile(changeset).action()).contains(INSERT);
  }

  /** Ports embedded_test.exs "change embeds_one keeps appropriate action from changeset". */
  @Test
  void changeOneKeepsTheChildsAction() {
    EmbedProfileStruct embed = named(ID1, null);
    Changeset<EmbedProfileStruct> named = Changeset.change(embed, Map.of(EmbedProfiles.NAME, "michal"));
    Changeset<EmbedAuthorStruct> none = Changeset.change(new EmbedAuthorStruct());
    for (Changeset.Action action : List.of(INSERT, UPDATE, DELETE)) {
      assertThat(profile(none.putEmbed(EmbedAuthors.PROFILE, named.withAction(action))).action()).contains(action);
    }
    Changeset<EmbedAuthorStruct> current = Changeset.change(withProfile(embed));
    assertThatThrownBy(() -> current.putEmbed(EmbedAuthors.PROFILE, named.withAction(INSERT)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot insert related");
    assertThat(profile(current.putEmbed(EmbedAuthors.PROFILE, named.withAction(UPDATE))).action()).contains(UPDATE);
    assertThat(profile(current.putEmbed(EmbedAuthors.PROFILE, named.withAction(DELETE))).action()).contains(DELETE);
  }

  /** Ports embedded_test.exs "change embeds_one with on_replace: :raise". */
  @Test
  void changeOneOnReplaceRaise() {
    Changeset<EmbedAuthorStruct> base = Changeset.change(new EmbedAuthorStruct().withRaiseProfile(named(ID1, null)));
    assertThatThrownBy(() -> base.putEmbed(EmbedAuthors.RAISE_PROFILE, (Object) null))
        .hasMessageContaining("you are attempting to change");
    assertThatThrownBy(() -> base.putEmbed(EmbedAuthors.RAISE_PROFILE, named(ID2, null)))
        .hasMessageContaining("you are attempting to change");
  }

  /** Ports embedded_test.exs "change embeds_one with on_replace: :mark_as_invalid". */
  @Test
  void changeOneOnReplaceMarkAsInvalid() {
    Changeset<EmbedAuthorStruct> base = Changeset.change(new EmbedAuthorStruct().withInvalidProfile(named(ID1, null)));
    for (Object value : new Object[] {null, named(ID2, null)}) {
      Changeset<EmbedAuthorStruct> changeset = base.putEmbed(EmbedAuthors.INVALID_PROFILE, value);
      assertThat(changeset.changes()).isEmpty();
      assertThat(changeset.errors()).containsExactly(new ChangesetError("invalidProfile", "is invalid",
          Map.of("type", "map")));
      assertThat(changeset.isValid()).isFalse();
    }
  }

  /** Ports embedded_test.exs "change embeds_many". */
  @Test
  void changeMany() {
    Changeset<EmbedAuthorStruct> none = Changeset.change(new EmbedAuthorStruct());
    assertThat(none.putEmbed(EmbedAuthors.POSTS, List.of()).changes()).isEmpty();
    Changeset<EmbedAuthorStruct> replaced = Changeset.change(withPosts(titled(ID2, null)))
        .putEmbed(EmbedAuthors.POSTS, List.of(titled(ID1, null)));
    assertThat(replaced.getEmbed(EmbedAuthors.POSTS)).extracting(c -> c.action().orElseThrow())
        .containsExactly(REPLACE, INSERT);

    Changeset<EmbedPostStruct> hello = Changeset.change(new EmbedPostStruct(), Map.of(EmbedPosts.TITLE, "hello"));
    Changeset<EmbedAuthorStruct> inserted = none.putEmbed(EmbedAuthors.POSTS, List.of(hello));
    assertThat(inserted.getEmbed(EmbedAuthors.POSTS).get(0).action()).contains(INSERT);
    EmbedPostStruct post = titled(ID1, null);
    Changeset<EmbedPostStruct> helloOne = Changeset.change(post, Map.of(EmbedPosts.TITLE, "hello"));
    Changeset<EmbedAuthorStruct> updated = Changeset.change(withPosts(post)).putEmbed(EmbedAuthors.POSTS, List.of(helloOne));
    assertThat(updated.getEmbed(EmbedAuthors.POSTS).get(0).action()).contains(UPDATE);
    assertThat(updated.getEmbed(EmbedAuthors.POSTS).get(0).changes()).isEqualTo(Map.of(EmbedPosts.TITLE, "hello"));
    Changeset<EmbedAuthorStruct> emptied = Changeset.change(withPosts(post)).putEmbed(EmbedAuthors.POSTS, List.of());
    assertThat(emptied.getEmbed(EmbedAuthors.POSTS)).extracting(c -> c.action().orElseThrow()).containsExactly(REPLACE);

    EmbedPostStruct second = titled(ID2, null);
    Changeset<EmbedAuthorStruct> reordered = Changeset.change(withPosts(post, second))
        .putEmbed(EmbedAuthors.POSTS, List.of(second, post));
    assertThat(reordered.getEmbed(EmbedAuthors.POSTS)).extracting(c -> c.action().orElseThrow())
        .containsExactly(UPDATE, UPDATE);
    assertThat(Changeset.change(withPosts(post)).putEmbed(EmbedAuthors.POSTS,
        List.of(helloOne.withAction(Changeset.Action.IGNORE))).changes()).isEmpty();
    assertThat(none.putEmbed(EmbedAuthors.POSTS, List.of(helloOne.withAction(Changeset.Action.IGNORE))).changes())
        .isEmpty();
    assertThat(Changeset.change(withPosts(post)).putEmbed(EmbedAuthors.POSTS, List.of(Changeset.change(post)))
        .changes()).isEmpty();
  }

  /** Ports embedded_test.exs "change embeds_many with attributes". */
  @Test
  void changeManyWithAttributes() {
    Changeset<EmbedAuthorStruct> inserted = Changeset.change(new EmbedAuthorStruct())
        .putEmbed(EmbedAuthors.POSTS, List.of(Map.of("title", "hello")));
    assertThat(inserted.getEmbed(EmbedAuthors.POSTS).get(0).action()).contains(INSERT);
    assertThat(titles(inserted)).containsExactly("hello");
    EmbedPostStruct other = titled(ID1, "other");
    Changeset<EmbedAuthorStruct> updated = Changeset.change(withPosts(other))
        .putEmbed(EmbedAuthors.POSTS, List.of(Map.of(EmbedPosts.ID, ID1, EmbedPosts.TITLE, "hello")));
    assertThat(updated.getEmbed(EmbedAuthors.POSTS)).extracting(c -> c.action().orElseThrow()).containsExactly(UPDATE);
    Changeset<EmbedAuthorStruct> unkeyed = Changeset.change(withPosts(titled(null, "other")))
        .putEmbed(EmbedAuthors.POSTS, List.of(Map.of(EmbedPosts.TITLE, "hello")), AssocOption.onReplace(
            io.ecto4j.schema.OnReplace.DELETE));
    assertThat(unkeyed.getEmbed(EmbedAuthors.POSTS)).extracting(c -> c.action().orElseThrow())
        .containsExactly(REPLACE, INSERT);
  }

  /** Ports embedded_test.exs "change embeds_many with structs": a struct put is a new embed. */
  @Test
  void changeManyWithStructs() {
    Changeset<EmbedAuthorStruct> changeset = Changeset.change(new EmbedAuthorStruct())
        .putEmbed(EmbedAuthors.POSTS, List.of(titled(null, "hello")));
    assertThat(changeset.getEmbed(EmbedAuthors.POSTS).get(0).action()).contains(INSERT);
  }

  /** Ports embedded_test.exs "change embeds_many with on_replace: :raise". */
  @Test
  void changeManyOnReplaceRaise() {
    Changeset<EmbedAuthorStruct> base = Changeset.change(new EmbedAuthorStruct().withRaisePosts(List.of(titled(ID1, null))));
    assertThatThrownBy(() -> base.putEmbed(EmbedAuthors.RAISE_POSTS, List.of()))
        .hasMessageContaining("you are attempting to change");
    assertThatThrownBy(() -> base.putEmbed(EmbedAuthors.RAISE_POSTS, List.of(titled(ID2, null))))
        .hasMessageContaining("you are attempting to change");
  }

  /** Ports embedded_test.exs "change embeds_many with on_replace: :mark_as_invalid". */
  @Test
  void changeManyOnReplaceMarkAsInvalid() {
    Changeset<EmbedAuthorStruct> base = Changeset.change(
        new EmbedAuthorStruct().withInvalidPosts(List.of(titled(ID1, null))));
    for (List<?> value : List.of(List.of(), List.of(titled(ID2, null)))) {
      Changeset<EmbedAuthorStruct> changeset = base.putEmbed(EmbedAuthors.INVALID_POSTS, value);
      assertThat(changeset.changes()).isEmpty();
      assertThat(changeset.errors()).containsExactly(new ChangesetError("invalidPosts", "is invalid",
          Map.of("type", "list<map>")));
    }
  }

  /** Ports embedded_test.exs "put_embed/4 insert with embeds_one". */
  @Test
  void putOneInserts() {
    Changeset<EmbedAuthorStruct> base = Changeset.change(new EmbedAuthorStruct());
    EmbedProfileStruct michal = new EmbedProfileStruct().withName("michal");
    for (Object value : List.of(michal, Changeset.change(michal), Map.of("name", "michal"),
        Map.of(EmbedProfiles.NAME, "michal"))) {
      assertThat(profile(base.putEmbed(EmbedAuthors.PROFILE, value)).action()).as("%s", value).contains(INSERT);
    }
  }

  /** Ports embedded_test.exs "put_embed/4 update with embeds_one". */
  @Test
  void putOneUpdates() {
    EmbedProfileStruct michal = named(ID1, "michal");
    Changeset<EmbedAuthorStruct> base = Changeset.change(withProfile(michal));
    Changeset<EmbedProfileStruct> tom = Changeset.change(michal, Map.of(EmbedProfiles.NAME, "tom"));
    assertThat(profile(base.putEmbed(EmbedAuthors.PROFILE, tom)).action()).contains(UPDATE);
    assertThat(profile(base.putEmbed(EmbedAuthors.PROFILE, Map.of("id", ID1, "name", "tom"))).action()).contains(UPDATE);
    assertThat(base.putEmbed(EmbedAuthors.PROFILE, named(ID1, "tom")).hasChange(EmbedAuthors.PROFILE)).isFalse();
    assertThat(base.putEmbed(EmbedAuthors.PROFILE, named(ID1, "michal")).hasChange(EmbedAuthors.PROFILE)).isFalse();
  }

  /** Ports embedded_test.exs "put_embed/4 with embeds_one and empty". */
  @Test
  void putOneEmpty() {
    assertThat(Changeset.change(new EmbedAuthorStruct()).putEmbed(EmbedAuthors.PROFILE, (Object) null)
        .hasChange(EmbedAuthors.PROFILE)).isFalse();
    Changeset<EmbedAuthorStruct> removed = Changeset.change(withProfile(new EmbedProfileStruct()))
        .putEmbed(EmbedAuthors.PROFILE, (Object) null);
    assertThat(removed.hasChange(EmbedAuthors.PROFILE)).isTrue();
    assertThat(removed.getChange(EmbedAuthors.PROFILE, named(ID1, "x"))).isNull();
    Changeset<EmbedAuthorStruct> undone = Changeset.change(new EmbedAuthorStruct(),
            Map.of(EmbedAuthors.PROFILE, new EmbedProfileStruct()))
        .putEmbed(EmbedAuthors.PROFILE, (Object) null);
    assertThat(undone.hasChange(EmbedAuthors.PROFILE)).isFalse();
  }

  /** Ports embedded_test.exs "put_change/4 with embeds one": putChange of an embed is putEmbed. */
  @Test
  void putChangeOfOne() {
    Changeset<EmbedAuthorStruct> changeset = Changeset.change(new EmbedAuthorStruct(),
        Map.of(EmbedAuthors.PROFILE, new EmbedProfileStruct().withName("michal")));
    assertThat(profile(changeset).action()).contains(INSERT);
    EmbedProfileStruct michal = new EmbedProfileStruct().withName("michal");
    assertThat(Changeset.change(withProfile(michal)).putChange(EmbedAuthors.PROFILE, michal)
        .hasChange(EmbedAuthors.PROFILE)).isFalse();
  }

  /** Ports embedded_test.exs "put_change/4 with nested embed": both levels get their keys when inserted. */
  @Test
  void putChangeOfNestedEmbed(Repo repo) {
    Changeset<EmbedAuthorStruct> changeset = Changeset.change(new EmbedAuthorStruct())
        .putChange(EmbedAuthors.NESTED, new EmbedNestedStruct().withProfile(new EmbedProfileStruct().withName("tom")));
    EmbedAuthorStruct author = repo.insertOrThrow(changeset);
    assertThat(author.nested().id()).isNotNull();
    assertThat(author.nested().profile().id()).isNotNull();
    assertThat(repo.getOrThrow(EmbedAuthors.SCHEMA, author.id()).nested()).isEqualTo(author.nested());
  }

  /** Ports embedded_test.exs "put_embed/4 with embeds_many". */
  @Test
  void putMany() {
    Changeset<EmbedAuthorStruct> base = Changeset.change(new EmbedAuthorStruct());
    for (Object value : List.of(Map.of("title", "hello"), Map.of(EmbedPosts.TITLE, "hello"), titled(null, "hello"))) {
      Changeset<EmbedAuthorStruct> changeset = base.putEmbed(EmbedAuthors.POSTS, List.of(value));
      assertThat(changeset.getEmbed(EmbedAuthors.POSTS)).extracting(c -> c.action().orElseThrow())
          .containsExactly(INSERT);
    }
    EmbedPostStruct hello = titled(null, "hello");
    assertThat(Changeset.change(withPosts(hello)).putEmbed(EmbedAuthors.POSTS, List.of(Changeset.change(hello)))
        .hasChange(EmbedAuthors.POSTS)).isFalse();
  }

  /** Ports embedded_test.exs "put_embed/4 with embeds_many and empty". */
  @Test
  void putManyEmpty() {
    assertThat(Changeset.change(withPosts()).putEmbed(EmbedAuthors.POSTS, List.of()).hasChange(EmbedAuthors.POSTS))
        .isFalse();
  }

  /** Ports embedded_test.exs "put_change/3 with embeds_many". */
  @Test
  void putChangeOfMany() {
    Changeset<EmbedAuthorStruct> changeset = Changeset.change(new EmbedAuthorStruct())
        .putChange(EmbedAuthors.POSTS, List.of(titled(null, "hello")));
    assertThat(changeset.getEmbed(EmbedAuthors.POSTS)).extracting(c -> c.action().orElseThrow())
        .containsExactly(INSERT);
    EmbedPostStruct hello = titled(null, "hello");
    assertThat(Changeset.change(withPosts(hello)).putChange(EmbedAuthors.POSTS, List.of(hello))
        .hasChange(EmbedAuthors.POSTS)).isFalse();
  }

  /** Ports embedded_test.exs "get_field/3, fetch_field/2, get_embed/3 with embeds". */
  @Test
  void readingEmbeds() {
    Changeset<EmbedProfileStruct> profileChangeset = Changeset.change(new EmbedProfileStruct(),
        Map.of(EmbedProfiles.NAME, "michal"));
    EmbedProfileStruct profile = profileChangeset.applyChanges();
    Changeset<EmbedAuthorStruct> put = Changeset.change(new EmbedAuthorStruct())
        .putEmbed(EmbedAuthors.PROFILE, profileChangeset);
    assertThat(put.getField(EmbedAuthors.PROFILE)).isEqualTo(profile);
    assertThat(put.fetchField(EmbedAuthors.PROFILE)).isEqualTo(new Fetched<>(Fetched.Source.CHANGES, profile));
    assertThat(put.getEmbed(EmbedAuthors.PROFILE)).containsExactly(profileChangeset.withAction(INSERT));

    Changeset<EmbedAuthorStruct> data = Changeset.change(withProfile(profile));
    assertThat(data.getField(EmbedAuthors.PROFILE)).isEqualTo(profile);
    assertThat(data.getChange(EmbedAuthors.PROFILE)).isEmpty();
    assertThat(data.fetchField(EmbedAuthors.PROFILE)).isEqualTo(new Fetched<>(Fetched.Source.DATA, profile));
    assertThat(data.getEmbed(EmbedAuthors.PROFILE)).containsExactly(Changeset.change(profile));

    EmbedPostStruct post = titled(ID1, null);
    Changeset<EmbedPostStruct> deleted = Changeset.change(post).withAction(DELETE);
    Changeset<EmbedAuthorStruct> deleting = Changeset.change(withPosts(post)).putEmbed(EmbedAuthors.POSTS, List.of(deleted));
    assertThat(deleting.getField(EmbedAuthors.POSTS)).isEmpty();
    assertThat(deleting.fetchField(EmbedAuthors.POSTS)).isEqualTo(new Fetched<>(Fetched.Source.CHANGES, List.of()));
    assertThat(deleting.getEmbed(EmbedAuthors.POSTS)).containsExactly(deleted);

    Changeset<EmbedAuthorStruct> fresh = Changeset.change(new EmbedAuthorStruct());
    assertThat(fresh.getField(EmbedAuthors.POSTS)).isEmpty();
    assertThat(fresh.fetchField(EmbedAuthors.POSTS)).isEqualTo(new Fetched<>(Fetched.Source.DATA, List.of()));
    assertThat(fresh.getEmbed(EmbedAuthors.POSTS)).isEmpty();
  }

  /** Ports embedded_test.exs "empty": a new struct's embeds_one is null, its embeds_many empty. */
  @Test
  void empty() {
    assertThat(new EmbedAuthorStruct().profile()).isNull();
    assertThat(new EmbedAuthorStruct().posts()).isEmpty();
  }

  /** Ports embedded_test.exs "apply_changes": the embeds' changes applied, deleted ones left out. */
  @Test
  void applyChanges() {
    Changeset<EmbedProfileStruct> michal = Changeset.change(new EmbedProfileStruct(), Map.of(EmbedProfiles.NAME, "michal"));
    assertThat(Changeset.change(new EmbedAuthorStruct()).putEmbed(EmbedAuthors.PROFILE, michal).applyChanges().profile())
        .isEqualTo(new EmbedProfileStruct().withName("michal"));
    assertThat(Changeset.change(new EmbedAuthorStruct()).putEmbed(EmbedAuthors.PROFILE, michal.withAction(DELETE))
        .applyChanges().profile()).isNull();
    Changeset<EmbedPostStruct> hello = Changeset.change(new EmbedPostStruct(), Map.of(EmbedPosts.TITLE, "hello"));
    assertThat(Changeset.change(new EmbedAuthorStruct())
        .putEmbed(EmbedAuthors.POSTS, List.of(hello, hello.withAction(DELETE))).applyChanges().posts())
        .containsExactly(new EmbedPostStruct().withTitle("hello"));
    assertThat(Changeset.change(new EmbedAuthorStruct())
        .putEmbed(EmbedAuthors.POSTS, List.of(hello)).applyAction(UPDATE).orElseThrow().posts())
        .containsExactly(new EmbedPostStruct().withTitle("hello"));
  }

  // ---------------------------------------------------------------- traverse

  private static String upcased(ChangesetError error) {
    return error.message().replace("%{count}", String.valueOf(error.keys().get("count"))).toUpperCase();
  }

  /** Ports embedded_test.exs "traverses changeset errors with embeds_one error". */
  @Test
  void traverseErrorsOfOne() {
    Changeset<EmbedAuthorStruct> changeset = Changeset.cast(new EmbedAuthorStruct(),
            Map.of("name", "hi", "profile", Map.of("name", "hi")), EmbedAuthors.NAME)
        .castEmbed(EmbedAuthors.PROFILE, EmbedProfile::changeset)
        .addError(EmbedAuthors.NAME, "is invalid");
    assertThat(changeset.traverseErrors(EmbedChangesetConformanceTest::upcased)).isEqualTo(Map.of(
        "profile", Map.of("name", List.of("SHOULD BE AT LEAST 3 CHARACTER(S)")),
        "name", List.of("IS INVALID")));
  }

  /** Ports embedded_test.exs "traverses changeset errors with embeds_many errors". */
  @Test
  void traverseErrorsOfMany() {
    Changeset<EmbedAuthorStruct> changeset = Changeset.cast(new EmbedAuthorStruct(),
            Map.of("name", "hi", "posts", List.of(Map.of("title", "hi"), Map.of("title", "valid"))), EmbedAuthors.NAME)
        .castEmbed(EmbedAuthors.POSTS, EmbedPost::changeset)
        .addError(EmbedAuthors.NAME, "is invalid");
    assertThat(changeset.traverseErrors(EmbedChangesetConformanceTest::upcased)).isEqualTo(Map.of(
        "posts", List.of(Map.of("title", List.of("SHOULD BE AT LEAST 3 CHARACTER(S)")), Map.of()),
        "name", List.of("IS INVALID")));
  }

  /** Ports embedded_test.exs "traverses changeset errors with embeds_many when required". */
  @Test
  void traverseErrorsOfRequiredMany() {
    assertThat(castPosts(withPosts(), Map.of(), EmbedAuthors.POSTS, AssocOption.required()).traverseErrors())
        .isEqualTo(Map.of("posts", List.of("can't be blank")));
    assertThat(castPosts(new EmbedAuthorStruct(), Map.of("posts", List.of()), EmbedAuthors.POSTS,
        AssocOption.required()).traverseErrors()).isEqualTo(Map.of("posts", List.of("can't be blank")));
    assertThat(castPosts(withPosts(), map("posts", null), EmbedAuthors.POSTS, AssocOption.required()).traverseErrors())
        .isEqualTo(Map.of("posts", List.of("is invalid")));
    Changeset<EmbedAuthorStruct> nested = castPosts(withPosts(), Map.of("posts", List.of(map("title", null))),
        EmbedAuthors.POSTS, AssocOption.required());
    assertThat(nested.errors()).isEmpty();
    assertThat(nested.traverseErrors()).isEqualTo(Map.of("posts", List.of(Map.of("title", List.of("can't be blank")))));
  }

  /** Ports embedded_test.exs "traverses changeset validations with embeds_one". */
  @Test
  void traverseValidationsOfOne() {
    Changeset<EmbedAuthorStruct> changeset = cast(new EmbedAuthorStruct(), Map.of("profile", Map.of()),
        EmbedAuthors.PROFILE);
    assertThat(changeset.traverseValidations(v -> v.options())).isEqualTo(Map.of(
        "profile", Map.of("name", List.of(Map.of("min", 3)))));
  }

  /** Ports embedded_test.exs "traverses changeset validations with embeds_many". */
  @Test
  void traverseValidationsOfMany() {
    Changeset<EmbedAuthorStruct> changeset = castPosts(new EmbedAuthorStruct(), Map.of("posts", List.of(Map.of())),
        EmbedAuthors.POSTS);
    assertThat(changeset.traverseValidations(v -> v.options())).isEqualTo(Map.of(
        "posts", List.of(Map.of("title", List.of(Map.of("min", 3))))));
  }

  /** Ports embedded_test.exs "validate_required/3 with has_many raises" (Ecto warns): a required embeds_many is castEmbed's. */
  @Test
  void validateRequiredOfAnEmptyMany() {
    Changeset<EmbedAuthorStruct> changeset = Changeset.change(new EmbedAuthorStruct())
        .validateRequired(EmbedAuthors.POSTS);
    assertThat(changeset.isValid()).isTrue();
  }
}
