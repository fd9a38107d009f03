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
import io.ecto4j.it.schemas.NoPkAuthorStruct;
import io.ecto4j.it.schemas.NoPkAuthors;
import io.ecto4j.it.schemas.NoPkPost;
import io.ecto4j.it.schemas.NoPkPostStruct;
import io.ecto4j.it.schemas.NoPkPosts;
import io.ecto4j.it.schemas.NoPkProfile;
import io.ecto4j.it.schemas.NoPkProfileStruct;
import io.ecto4j.it.schemas.NoPkProfiles;
import io.ecto4j.meta.Embed;
import io.ecto4j.repo.Repo;
import io.ecto4j.schema.OnReplace;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ports of Ecto's {@code test/ecto/changeset/embedded_no_pk_test.exs}: embeds whose schema has no
 * primary key ({@code @Embedded(primaryKey = @PrimaryKey(type = NONE))}, Ecto's {@code @primary_key
 * false}). Nothing identifies such an embed, so a new value never updates a current one in place: it
 * replaces it (except with {@code onReplace = UPDATE}).
 */
@EctoTest(sandbox = true)
class EmbedNoPkChangesetConformanceTest {
  private static final Map<String, Object> REQUIRED = Map.of("validation", "required");
  private static final Map<String, Object> INVALID_ONE = Map.of("validation", "embed", "type", "map");
  private static final Map<String, Object> INVALID_MANY = Map.of("validation", "embed", "type", "list<map>");

  @BeforeAll
  static void tables(TestDatabase db) throws SQLException {
    db.execute(NoPkAuthors.DDL);
  }

  private static Changeset<NoPkAuthorStruct> cast(NoPkAuthorStruct author, Map<String, ?> params,
      Embed<NoPkAuthorStruct, NoPkProfileStruct, NoPkProfileStruct> embed, AssocOption... options) {
    return Changeset.cast(author, params).castEmbed(embed, NoPkProfile::changeset, options);
  }

  private static Changeset<NoPkAuthorStruct> castPosts(NoPkAuthorStruct author, Map<String, ?> params,
      Embed<NoPkAuthorStruct, List<NoPkPost>, NoPkPostStruct> embed, AssocOption... options) {
    return Changeset.cast(author, params).castEmbed(embed, NoPkPost::changeset, options);
  }

  private static Changeset<NoPkProfileStruct> profile(Changeset<NoPkAuthorStruct> changeset) {
    return changeset.getEmbed(NoPkAuthors.PROFILE).get(0);
  }

  private static List<Changeset.Action> actions(Changeset<NoPkAuthorStruct> changeset,
      Embed<NoPkAuthorStruct, List<NoPkPost>, NoPkPostStruct> embed) {
    return changeset.getEmbed(embed).stream().map(c -> c.action().orElseThrow()).toList();
  }

  private static Map<String, Object> nullValued(String key) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put(key, null);
    return map;
  }

  private static NoPkProfileStruct named(String name) {
    return new NoPkProfileStruct().withName(name);
  }

  private static NoPkPostStruct titled(String title) {
    return new NoPkPostStruct().withTitle(title);
  }

  /** Ports embedded_no_pk_test.exs "cast embeds_one with valid params". */
  @Test
  void castOneWithValidParams() {
    Changeset<NoPkAuthorStruct> changeset = cast(new NoPkAuthorStruct(), Map.of("profile", Map.of("name", "michal")),
        NoPkAuthors.PROFILE);
    assertThat(profile(changeset).changes()).isEqualTo(Map.of(NoPkProfiles.NAME, "michal"));
    assertThat(profile(changeset).action()).contains(INSERT);
    assertThat(changeset.isValid()).isTrue();
  }

  /** Ports embedded_no_pk_test.exs "cast embeds_one with invalid params". */
  @Test
  void castOneWithInvalidParams() {
    Changeset<NoPkAuthorStruct> changeset = cast(new NoPkAuthorStruct(), Map.of("profile", Map.of()), NoPkAuthors.PROFILE);
    assertThat(profile(changeset).errors()).containsExactly(new ChangesetError("name", "can't be blank", REQUIRED));
    assertThat(changeset.isValid()).isFalse();
    assertThat(cast(new NoPkAuthorStruct(), Map.of("profile", "value"), NoPkAuthors.PROFILE, AssocOption.required())
        .errors()).containsExactly(new ChangesetError("profile", "is invalid", INVALID_ONE));
  }

  /** Ports embedded_no_pk_test.exs "cast embeds_one replacing": without a key, params are always a new embed. */
  @Test
  void castOneReplacing() {
    NoPkAuthorStruct author = new NoPkAuthorStruct().withProfile(named("michal"));
    assertThat(profile(cast(author, Map.of("profile", Map.of("name", "new")), NoPkAuthors.PROFILE)).action())
        .contains(INSERT);
    Changeset<NoPkAuthorStruct> same = cast(author, Map.of("profile", Map.of(NoPkProfiles.NAME, "michal")),
        NoPkAuthors.PROFILE);
    assertThat(profile(same).changes()).isEqualTo(Map.of(NoPkProfiles.NAME, "michal"));
    assertThat(profile(same).action()).contains(INSERT);
    assertThatThrownBy(() -> Changeset.cast(author, Map.of("profile", Map.of("name", "new")))
        .castEmbed(NoPkAuthors.PROFILE, NoPkProfile::setAction)).hasMessageContaining("cannot update related");
  }

  /** Ports embedded_no_pk_test.exs "cast embeds_one when required". */
  @Test
  void castOneWhenRequired() {
    Changeset<NoPkAuthorStruct> missing = cast(new NoPkAuthorStruct(), Map.of(), NoPkAuthors.PROFILE,
        AssocOption.required());
    assertThat(missing.required()).containsExactly(NoPkAuthors.PROFILE);
    assertThat(missing.errors()).containsExactly(new ChangesetError("profile", "can't be blank", REQUIRED));
    assertThat(cast(new NoPkAuthorStruct(), Map.of(), NoPkAuthors.PROFILE, AssocOption.required(),
        AssocOption.requiredMessage("a custom message")).errors())
        .containsExactly(new ChangesetError("profile", "a custom message", REQUIRED));
    assertThat(cast(new NoPkAuthorStruct().withProfile(named(null)), Map.of(), NoPkAuthors.PROFILE,
        AssocOption.required()).errors()).isEmpty();
    assertThat(cast(new NoPkAuthorStruct(), nullValued("profile"), NoPkAuthors.PROFILE, AssocOption.required())
        .changes()).isEmpty();
    Changeset<NoPkAuthorStruct> removed = cast(new NoPkAuthorStruct().withProfile(named(null)), nullValued("profile"),
        NoPkAuthors.PROFILE, AssocOption.required());
    assertThat(removed.changes()).hasSize(1).containsEntry(NoPkAuthors.PROFILE, null);
    assertThat(removed.errors()).containsExactly(new ChangesetError("profile", "can't be blank", REQUIRED));
  }

  /** Ports embedded_no_pk_test.exs "cast embeds_one with optional". */
  @Test
  void castOneToNothing() {
    Changeset<NoPkAuthorStruct> changeset = cast(new NoPkAuthorStruct().withProfile(named(null)), nullValued("profile"),
        NoPkAuthors.PROFILE);
    assertThat(changeset.getField(NoPkAuthors.PROFILE)).isNull();
    assertThat(changeset.isValid()).isTrue();
  }

  /** Ports embedded_no_pk_test.exs "cast embeds_one with custom changeset". */
  @Test
  void castOneWithCustomChangeset() {
    Changeset<NoPkAuthorStruct> changeset = Changeset.cast(new NoPkAuthorStruct(),
        Map.of("profile", Map.of("name", "michal"))).castEmbed(NoPkAuthors.PROFILE, NoPkProfile::optionalChangeset);
    assertThat(profile(changeset).changes()).isEqualTo(Map.of(NoPkProfiles.NAME, "michal"));
    assertThat(profile(changeset).action()).contains(INSERT);
  }

  /** Ports embedded_no_pk_test.exs "cast embeds_one with empty parameters". */
  @Test
  void castOneWithoutParams() {
    assertThat(cast(new NoPkAuthorStruct(), Map.of(), NoPkAuthors.PROFILE).changes()).isEmpty();
    assertThat(cast(new NoPkAuthorStruct().withProfile(named(null)), Map.of(), NoPkAuthors.PROFILE).changes()).isEmpty();
  }

  /** Ports embedded_no_pk_test.exs "cast embeds_one with on_replace: :raise". */
  @Test
  void castOneOnReplaceRaise() {
    NoPkAuthorStruct author = new NoPkAuthorStruct().withRaiseProfile(named(null));
    assertThatThrownBy(() -> cast(author, nullValued("raise_profile"), NoPkAuthors.RAISE_PROFILE))
        .hasMessageContaining("you are attempting to change");
    assertThatThrownBy(() -> cast(author, Map.of("raise_profile", Map.of("name", "new")), NoPkAuthors.RAISE_PROFILE))
        .hasMessageContaining("you are attempting to change");
  }

  /** Ports embedded_no_pk_test.exs "cast embeds_one with on_replace: :mark_as_invalid". */
  @Test
  void castOneOnReplaceMarkAsInvalid() {
    NoPkAuthorStruct author = new NoPkAuthorStruct().withInvalidProfile(named(null));
    for (Map<String, ?> params : List.of(nullValued("invalid_profile"), Map.of("invalid_profile", Map.of()))) {
      Changeset<NoPkAuthorStruct> changeset = cast(author, params, NoPkAuthors.INVALID_PROFILE);
      assertThat(changeset.changes()).isEmpty();
      assertThat(changeset.errors()).containsExactly(new ChangesetError("invalidProfile", "is invalid", INVALID_ONE));
    }
    assertThat(cast(author, nullValued("invalid_profile"), NoPkAuthors.INVALID_PROFILE,
        AssocOption.invalidMessage("a custom message")).errors())
        .containsExactly(new ChangesetError("invalidProfile", "a custom message", INVALID_ONE));
  }

  /** Ports embedded_no_pk_test.exs "cast embeds_one with on_replace: :update": the current one is updated. */
  @Test
  void castOneOnReplaceUpdate(Repo repo) {
    NoPkAuthorStruct stored = repo.insertOrThrow(new NoPkAuthorStruct().withName("Enio")
        .withUpdateProfile(named("Enio")));
    Changeset<NoPkAuthorStruct> changeset = cast(stored, Map.of("update_profile", Map.of("id", 2, "name", "Jose")),
        NoPkAuthors.UPDATE_PROFILE);
    Changeset<NoPkProfileStruct> profile = changeset.getEmbed(NoPkAuthors.UPDATE_PROFILE).get(0);
    assertThat(profile.changes()).isEqualTo(Map.of(NoPkProfiles.NAME, "Jose"));
    assertThat(profile.action()).contains(UPDATE);
    assertThat(changeset.isValid()).isTrue();
    assertThat(repo.updateOrThrow(changeset).updateProfile()).isEqualTo(named("Jose"));
  }

  /** Ports embedded_no_pk_test.exs "raises when :update is used on embeds_many" (a compile error; a call throws). */
  @Test
  void updateOnManyIsRefused() {
    assertThatThrownBy(() -> castPosts(new NoPkAuthorStruct(), Map.of("posts", List.of()), NoPkAuthors.POSTS,
        AssocOption.onReplace(OnReplace.UPDATE))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid `:on_replace` option");
  }

  /** Ports embedded_no_pk_test.exs "cast embeds_many with only new schemas". */
  @Test
  void castManyNew() {
    Changeset<NoPkAuthorStruct> changeset = castPosts(new NoPkAuthorStruct(),
        Map.of("posts", List.of(Map.of("title", "hello"))), NoPkAuthors.POSTS);
    assertThat(changeset.getEmbed(NoPkAuthors.POSTS).get(0).changes()).isEqualTo(Map.of(NoPkPosts.TITLE, "hello"));
    assertThat(actions(changeset, NoPkAuthors.POSTS)).containsExactly(INSERT);
    assertThat(changeset.isValid()).isTrue();
  }

  /** Ports embedded_no_pk_test.exs "cast embeds_many with map". */
  @Test
  void castManyFromMap() {
    Changeset<NoPkAuthorStruct> changeset = castPosts(new NoPkAuthorStruct(),
        Map.of("posts", Map.of("0", Map.of("title", "hello"))), NoPkAuthors.POSTS);
    assertThat(changeset.getField(NoPkAuthors.POSTS)).containsExactly(titled("hello"));
  }

  /** Ports embedded_no_pk_test.exs "cast embeds_many with map with numbered string keys": in number order. */
  @Test
  void castManyFromNumberedKeys() {
    Changeset<NoPkAuthorStruct> changeset = castPosts(new NoPkAuthorStruct(), Map.of("posts", Map.of(
        "1", Map.of("title", "one"), "2", Map.of("title", "two"), "10", Map.of("title", "ten"))), NoPkAuthors.POSTS);
    assertThat(changeset.getField(NoPkAuthors.POSTS)).containsExactly(titled("one"), titled("two"), titled("ten"));
  }

  /**
   * Ports embedded_no_pk_test.exs "cast embeds_many with map with non-numbered keys": Ecto sorts any
   * keys; ecto4j takes a map of index keys only (a form's), so other keys are {@code is invalid}.
   */
  @Test
  void castManyFromOtherKeys() {
    Changeset<NoPkAuthorStruct> changeset = castPosts(new NoPkAuthorStruct(), Map.of("posts", Map.of(
        "b", Map.of("title", "two"), "a", Map.of("title", "one"))), NoPkAuthors.POSTS);
    assertThat(changeset.errors()).containsExactly(new ChangesetError("posts", "is invalid", INVALID_MANY));
  }

  /** Ports embedded_no_pk_test.exs "cast embeds_many with custom changeset". */
  @Test
  void castManyWithCustomChangeset() {
    Changeset<NoPkAuthorStruct> changeset = Changeset.cast(new NoPkAuthorStruct(),
        Map.of("posts", List.of(Map.of("title", "hello")))).castEmbed(NoPkAuthors.POSTS, NoPkPost::optionalChangeset);
    assertThat(changeset.getField(NoPkAuthors.POSTS)).containsExactly(titled("hello"));
    assertThat(changeset.isValid()).isTrue();
  }

  /** Ports embedded_no_pk_test.exs "cast embeds_many with invalid operation". */
  @Test
  void castManyInvalidOperation() {
    assertThatThrownBy(() -> Changeset.cast(new NoPkAuthorStruct(), Map.of("posts", List.of(Map.of("title", "new"))))
        .castEmbed(NoPkAuthors.POSTS, NoPkPost::setAction)).hasMessageContaining("cannot update related");
  }

  /** Ports embedded_no_pk_test.exs "cast embeds_many with invalid params". */
  @Test
  void castManyInvalidParams() {
    for (Object params : new Object[] {"value", List.of("value"), null}) {
      Map<String, Object> map = nullValued("posts");
      map.put("posts", params);
      assertThat(castPosts(new NoPkAuthorStruct(), map, NoPkAuthors.POSTS).errors())
          .containsExactly(new ChangesetError("posts", "is invalid", INVALID_MANY));
    }
  }

  /** Ports embedded_no_pk_test.exs "cast embeds_many replacing": the current one replaced, the new one inserted. */
  @Test
  void castManyReplacing() {
    Changeset<NoPkAuthorStruct> changeset = Changeset.cast(new NoPkAuthorStruct().withPosts(List.of(titled("hello"))),
        Map.of("posts", List.of(Map.of()))).castEmbed(NoPkAuthors.POSTS, NoPkPost::optionalChangeset);
    assertThat(actions(changeset, NoPkAuthors.POSTS)).containsExactly(REPLACE, INSERT);
    assertThat(changeset.getEmbed(NoPkAuthors.POSTS)).allMatch(c -> c.changes().isEmpty());
  }

  /** Ports embedded_no_pk_test.exs "cast embeds_many when required". */
  @Test
  void castManyWhenRequired() {
    Changeset<NoPkAuthorStruct> missing = castPosts(new NoPkAuthorStruct(), Map.of(), NoPkAuthors.POSTS,
        AssocOption.required());
    assertThat(missing.required()).containsExactly(NoPkAuthors.POSTS);
    assertThat(missing.errors()).containsExactly(new ChangesetError("posts", "can't be blank", REQUIRED));
    assertThat(castPosts(new NoPkAuthorStruct(), nullValued("posts"), NoPkAuthors.POSTS, AssocOption.required())
        .errors()).containsExactly(new ChangesetError("posts", "is invalid", INVALID_MANY));
  }

  /** Ports embedded_no_pk_test.exs "cast embeds_many with empty parameters". */
  @Test
  void castManyWithoutParams() {
    assertThat(castPosts(new NoPkAuthorStruct(), Map.of(), NoPkAuthors.POSTS).changes()).isEmpty();
    assertThat(castPosts(new NoPkAuthorStruct().withPosts(List.of(titled(null))), Map.of(), NoPkAuthors.POSTS)
        .changes()).isEmpty();
  }

  /** Ports embedded_no_pk_test.exs "cast embeds_many with on_replace: :raise". */
  @Test
  void castManyOnReplaceRaise() {
    NoPkAuthorStruct author = new NoPkAuthorStruct().withRaisePosts(List.of(titled(null)));
    assertThatThrownBy(() -> castPosts(author, Map.of("raise_posts", List.of()), NoPkAuthors.RAISE_POSTS))
        .hasMessageContaining("you are attempting to change");
    assertThatThrownBy(() -> castPosts(author, Map.of("raise_posts", List.of(Map.of())), NoPkAuthors.RAISE_POSTS))
        .hasMessageContaining("you are attempting to change");
  }

  /** Ports embedded_no_pk_test.exs "cast embeds_many with on_replace: :mark_as_invalid". */
  @Test
  void castManyOnReplaceMarkAsInvalid() {
    NoPkAuthorStruct author = new NoPkAuthorStruct().withInvalidPosts(List.of(titled(null)));
    for (Object params : List.of(List.of(), List.of(Map.of()))) {
      Changeset<NoPkAuthorStruct> changeset = castPosts(author, Map.of("invalid_posts", params),
          NoPkAuthors.INVALID_POSTS);
      assertThat(changeset.changes()).isEmpty();
      assertThat(changeset.errors()).containsExactly(new ChangesetError("invalidPosts", "is invalid", INVALID_MANY));
    }
  }

  /** Ports embedded_no_pk_test.exs "change embeds_one": without a key, any new value is a change. */
  @Test
  void changeOne() {
    Changeset<NoPkAuthorStruct> none = Changeset.change(new NoPkAuthorStruct());
    assertThat(none.putEmbed(NoPkAuthors.PROFILE, (Object) null).changes()).isEmpty();
    NoPkProfileStruct embed = new NoPkProfileStruct();
    Changeset<NoPkProfileStruct> named = Changeset.change(embed, Map.of(NoPkProfiles.NAME, "michal"));
    assertThat(profile(none.putEmbed(NoPkAuthors.PROFILE, named)).action()).contains(INSERT);
    Changeset<NoPkAuthorStruct> current = Changeset.change(new NoPkAuthorStruct().withProfile(embed));
    assertThat(current.putEmbed(NoPkAuthors.PROFILE, Changeset.change(embed)).hasChange(NoPkAuthors.PROFILE)).isTrue();
    assertThat(current.putEmbed(NoPkAuthors.PROFILE, new NoPkProfileStruct()).hasChange(NoPkAuthors.PROFILE)).isTrue();
    assertThat(current.putEmbed(NoPkAuthors.PROFILE, (Object) null).hasChange(NoPkAuthors.PROFILE)).isTrue();
  }

  /** Ports embedded_no_pk_test.exs "change embeds_one with attributes": always a new embed. */
  @Test
  void changeOneWithAttributes() {
    assertThat(profile(Changeset.change(new NoPkAuthorStruct()).putEmbed(NoPkAuthors.PROFILE, Map.of("name", "michal")))
        .action()).contains(INSERT);
    Changeset<NoPkProfileStruct> changed = profile(Changeset.change(new NoPkAuthorStruct().withProfile(named("other")))
        .putEmbed(NoPkAuthors.PROFILE, Map.of(NoPkProfiles.NAME, "michal")));
    assertThat(changed.action()).contains(INSERT);
    assertThat(changed.changes()).isEqualTo(Map.of(NoPkProfiles.NAME, "michal"));
  }

  /** Ports embedded_no_pk_test.exs "change embeds_one with structs". */
  @Test
  void changeOneWithStructs() {
    assertThat(profile(Changeset.change(new NoPkAuthorStruct()).putEmbed(NoPkAuthors.PROFILE, named("michal")))
        .action()).contains(INSERT);
  }

  /** Ports embedded_no_pk_test.exs "change embeds_one keeps appropriate action from changeset". */
  @Test
  void changeOneKeepsTheChildsAction() {
    NoPkProfileStruct embed = new NoPkProfileStruct();
    Changeset<NoPkProfileStruct> named = Changeset.change(embed, Map.of(NoPkProfiles.NAME, "michal"));
    Changeset<NoPkAuthorStruct> none = Changeset.change(new NoPkAuthorStruct());
    Changeset<NoPkAuthorStruct> current = Changeset.change(new NoPkAuthorStruct().withProfile(embed));
    for (Changeset.Action action : List.of(INSERT, UPDATE, DELETE)) {
      assertThat(profile(none.putEmbed(NoPkAuthors.PROFILE, named.withAction(action))).action()).contains(action);
      assertThat(profile(current.putEmbed(NoPkAuthors.PROFILE, named.withAction(action))).action()).contains(action);
    }
  }

  /** Ports embedded_no_pk_test.exs "change embeds_one with on_replace: :raise". */
  @Test
  void changeOneOnReplaceRaise() {
    Changeset<NoPkAuthorStruct> base = Changeset.change(new NoPkAuthorStruct().withRaiseProfile(new NoPkProfileStruct()));
    assertThatThrownBy(() -> base.putEmbed(NoPkAuthors.RAISE_PROFILE, (Object) null))
        .hasMessageContaining("you are attempting to change");
    assertThatThrownBy(() -> base.putEmbed(NoPkAuthors.RAISE_PROFILE, new NoPkProfileStruct()))
        .hasMessageContaining("you are attempting to change");
  }

  /** Ports embedded_no_pk_test.exs "change embeds_one with on_replace: :mark_as_invalid". */
  @Test
  void changeOneOnReplaceMarkAsInvalid() {
    Changeset<NoPkAuthorStruct> base = Changeset.change(
        new NoPkAuthorStruct().withInvalidProfile(new NoPkProfileStruct()));
    for (Object value : new Object[] {null, new NoPkProfileStruct()}) {
      Changeset<NoPkAuthorStruct> changeset = base.putEmbed(NoPkAuthors.INVALID_PROFILE, value);
      assertThat(changeset.changes()).isEmpty();
      assertThat(changeset.errors()).containsExactly(new ChangesetError("invalidProfile", "is invalid",
          Map.of("type", "map")));
    }
  }

  /** Ports embedded_no_pk_test.exs "change embeds_many": every current one is replaced. */
  @Test
  void changeMany() {
    Changeset<NoPkAuthorStruct> none = Changeset.change(new NoPkAuthorStruct());
    assertThat(none.putEmbed(NoPkAuthors.POSTS, List.of()).changes()).isEmpty();
    NoPkPostStruct embed = new NoPkPostStruct();
    Changeset<NoPkAuthorStruct> current = Changeset.change(new NoPkAuthorStruct().withPosts(List.of(embed)));
    assertThat(actions(current.putEmbed(NoPkAuthors.POSTS, List.of(new NoPkPostStruct())), NoPkAuthors.POSTS))
        .containsExactly(REPLACE, INSERT);
    Changeset<NoPkPostStruct> hello = Changeset.change(embed, Map.of(NoPkPosts.TITLE, "hello"));
    assertThat(actions(none.putEmbed(NoPkAuthors.POSTS, List.of(hello)), NoPkAuthors.POSTS)).containsExactly(INSERT);
    Changeset<NoPkAuthorStruct> replaced = current.putEmbed(NoPkAuthors.POSTS, List.of(hello));
    assertThat(actions(replaced, NoPkAuthors.POSTS)).containsExactly(REPLACE, INSERT);
    assertThat(replaced.getEmbed(NoPkAuthors.POSTS).get(0).changes()).isEmpty();
    assertThat(actions(current.putEmbed(NoPkAuthors.POSTS, List.of()), NoPkAuthors.POSTS)).containsExactly(REPLACE);
    assertThat(current.putEmbed(NoPkAuthors.POSTS, List.of(Changeset.change(embed))).hasChange(NoPkAuthors.POSTS))
        .isTrue();
  }

  /** Ports embedded_no_pk_test.exs "change embeds_many with attributes". */
  @Test
  void changeManyWithAttributes() {
    assertThat(actions(Changeset.change(new NoPkAuthorStruct()).putEmbed(NoPkAuthors.POSTS,
        List.of(Map.of("title", "hello"))), NoPkAuthors.POSTS)).containsExactly(INSERT);
    Changeset<NoPkAuthorStruct> replaced = Changeset.change(new NoPkAuthorStruct().withPosts(List.of(titled("other"))))
        .putEmbed(NoPkAuthors.POSTS, List.of(Map.of(NoPkPosts.TITLE, "hello")));
    assertThat(actions(replaced, NoPkAuthors.POSTS)).containsExactly(REPLACE, INSERT);
    assertThat(replaced.getEmbed(NoPkAuthors.POSTS).get(1).changes()).isEqualTo(Map.of(NoPkPosts.TITLE, "hello"));
  }

  /** Ports embedded_no_pk_test.exs "change embeds_many with structs". */
  @Test
  void changeManyWithStructs() {
    assertThat(actions(Changeset.change(new NoPkAuthorStruct()).putEmbed(NoPkAuthors.POSTS, List.of(titled("hello"))),
        NoPkAuthors.POSTS)).containsExactly(INSERT);
  }

  /** Ports embedded_no_pk_test.exs "change embeds_many with on_replace: :raise". */
  @Test
  void changeManyOnReplaceRaise() {
    Changeset<NoPkAuthorStruct> base = Changeset.change(new NoPkAuthorStruct().withRaisePosts(List.of(titled(null))));
    assertThatThrownBy(() -> base.putEmbed(NoPkAuthors.RAISE_POSTS, List.of()))
        .hasMessageContaining("you are attempting to change");
    assertThatThrownBy(() -> base.putEmbed(NoPkAuthors.RAISE_POSTS, List.of(titled(null))))
        .hasMessageContaining("you are attempting to change");
  }

  /** Ports embedded_no_pk_test.exs "change embeds_many with on_replace: :mark_as_invalid". */
  @Test
  void changeManyOnReplaceMarkAsInvalid() {
    Changeset<NoPkAuthorStruct> base = Changeset.change(new NoPkAuthorStruct().withInvalidPosts(List.of(titled(null))));
    for (List<?> value : List.of(List.of(), List.of(titled(null)))) {
      Changeset<NoPkAuthorStruct> changeset = base.putEmbed(NoPkAuthors.INVALID_POSTS, value);
      assertThat(changeset.changes()).isEmpty();
      assertThat(changeset.errors()).containsExactly(new ChangesetError("invalidPosts", "is invalid",
          Map.of("type", "list<map>")));
    }
  }
}
