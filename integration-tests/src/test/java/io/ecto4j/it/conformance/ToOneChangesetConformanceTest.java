package io.ecto4j.it.conformance;

import static io.ecto4j.it.conformance.States.loaded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.changeset.AssocOption;
import io.ecto4j.changeset.Changeset;
import io.ecto4j.changeset.ChangesetError;
import io.ecto4j.changeset.Fetched;
import io.ecto4j.it.schemas.AuthorStruct;
import io.ecto4j.it.schemas.Authors;
import io.ecto4j.it.schemas.BioStruct;
import io.ecto4j.it.schemas.Bios;
import io.ecto4j.it.schemas.BookStruct;
import io.ecto4j.it.schemas.Books;
import io.ecto4j.schema.OnReplace;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Ports of the has_one tests of Ecto's {@code test/ecto/changeset/has_assoc_test.exs} and of
 * {@code belongs_to_test.exs} (issue #16). Ecto's {@code Author.profile} (has_one) is an author's
 * {@code bio} here and its belongs_to {@code profile} a book's {@code author}; Ecto's
 * {@code on_replace} per association is given per call. Ecto's {@code Relation.change/3} is reached
 * through {@code putAssoc}.
 */
class ToOneChangesetConformanceTest {
  private static final AssocOption DELETE = AssocOption.onReplace(OnReplace.DELETE);
  private static final ChangesetError INVALID =
      new ChangesetError("bio", "is invalid", Map.of("validation", "assoc", "type", "map"));

  /** Ecto's test {@code Profile.changeset/2}. */
  static Changeset<BioStruct> bioChangeset(BioStruct bio, Map<String, ?> params) {
    return Changeset.cast(bio, params, Bios.TEXT).validateRequired(Bios.TEXT);
  }

  /** Ecto's test {@code Profile.set_action/2}: the action the params name, UPDATE by default. */
  static Changeset<BioStruct> withAction(BioStruct bio, Map<String, ?> params) {
    Object action = params.get("action");
    return bioChangeset(bio, params)
        .withAction(action == null ? Changeset.Action.UPDATE : Changeset.Action.valueOf(action.toString().toUpperCase()));
  }

  private static Changeset<AuthorStruct> cast(AuthorStruct author, Map<String, ?> params, AssocOption... options) {
    return Changeset.cast(author, params).castAssoc(Authors.BIO, ToOneChangesetConformanceTest::bioChangeset, options);
  }

  private static Changeset<BookStruct> castAuthor(BookStruct book, Map<String, ?> params, AssocOption... options) {
    return Changeset.cast(book, params).castAssoc(Books.AUTHOR,
        (AuthorStruct author, Map<String, ?> p) -> Changeset.cast(author, p, Authors.NAME).validateRequired(Authors.NAME),
        options);
  }

  private static BioStruct bio(long id, String text) {
    return new BioStruct().withId(id).withText(text);
  }

  private static AuthorStruct author(long id, String name) {
    return new AuthorStruct().withId(id).withName(name);
  }

  private static Map<String, Object> bioParam(Object value) {
    Map<String, Object> params = new HashMap<>();
    params.put("bio", value);
    return params;
  }

  private static Changeset<BioStruct> onlyChild(Changeset<AuthorStruct> changeset) {
    List<Changeset<BioStruct>> children = changeset.getAssoc(Authors.BIO);
    assertThat(children).hasSize(1);
    return children.get(0);
  }

  private static boolean changesBio(Changeset<AuthorStruct> changeset) {
    return changeset.fetchField(Authors.BIO).source() == Fetched.Source.CHANGES;
  }

  /** Ports has_assoc_test.exs "cast has_one with invalid params" and belongs_to_test.exs "cast belongs_to with invalid params". */
  @Test
  void castInvalidParams() {
    Map<String, Object> blank = new HashMap<>();
    blank.put("text", null);
    Changeset<AuthorStruct> changeset = cast(new AuthorStruct(), bioParam(blank));
    Changeset<BioStruct> bio = onlyChild(changeset);
    assertThat(bio.changes()).isEmpty();
    assertThat(bio.errors()).containsExactly(new ChangesetError("text", "can't be blank", Map.of("validation", "required")));
    assertThat(bio.action()).contains(Changeset.Action.INSERT);
    assertThat(changeset.isValid()).isFalse();

    assertThat(cast(new AuthorStruct(), bioParam("value")).errors()).containsExactly(INVALID);
    Changeset<BookStruct> book = castAuthor(new BookStruct(), Map.of("author", "value"));
    assertThat(book.errors()).containsExactly(
        new ChangesetError("author", "is invalid", Map.of("validation", "assoc", "type", "map")));
    assertThat(book.isValid()).isFalse();
  }

  /** Ports has_assoc_test.exs "cast has_one with existing struct updating" and belongs_to_test.exs "…with existing struct updating". */
  @Test
  void castUpdatesTheChildItsParamsName() {
    Changeset<BioStruct> bio = onlyChild(cast(new AuthorStruct().withBio(bio(1, "michal")),
        bioParam(Map.of("text", "new", "id", "1")), DELETE));
    assertThat(bio.changes()).isEqualTo(Map.of(Bios.TEXT, "new"));
    assertThat(bio.action()).contains(Changeset.Action.UPDATE);
    assertThat(bio.isValid()).isTrue();

    Changeset<BookStruct> book = castAuthor(new BookStruct().withAuthor(author(1, "michal")),
        Map.of("author", Map.of("name", "new", "id", "1")), DELETE);
    assertThat(book.getAssoc(Books.AUTHOR)).singleElement().satisfies(author -> {
      assertThat(author.changes()).isEqualTo(Map.of(Authors.NAME, "new"));
      assertThat(author.action()).contains(Changeset.Action.UPDATE);
    });
  }

  /**
   * Ports has_assoc_test.exs "cast has_one with existing struct replacing" and belongs_to_test.exs
   * "cast belongs_to with existing struct replacing": params without the loaded child's key insert a
   * new one; a with function may not update a child that is not the loaded one.
   */
  @Test
  void castReplacesTheLoadedChild() {
    AuthorStruct author = new AuthorStruct().withBio(bio(1, "michal"));
    for (Map<String, String> params : List.of(Map.of("text", "new"), Map.of("text", "new", "id", "5"))) {
      Changeset<AuthorStruct> changeset = cast(author, bioParam(params), DELETE);
      Changeset<BioStruct> bio = onlyChild(changeset);
      assertThat(bio.changes()).isEqualTo(Map.of(Bios.TEXT, "new"));
      assertThat(bio.action()).contains(Changeset.Action.INSERT);
      assertThat(changeset.isValid()).isTrue();
    }
    assertThatThrownBy(() -> Changeset.cast(author, bioParam(Map.of("text", "new", "id", "2")))
        .castAssoc(Authors.BIO, ToOneChangesetConformanceTest::withAction, DELETE))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot update related");
    assertThatThrownBy(() -> Changeset.cast(new BookStruct().withAuthor(author(1, "a")),
        Map.of("author", Map.of("name", "new", "id", "2")))
        .castAssoc(Books.AUTHOR, (AuthorStruct a, Map<String, ?> p) -> Changeset.cast(a, p, Authors.NAME)
            .withAction(Changeset.Action.UPDATE), DELETE))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot update related");
  }

  /** Ports has_assoc_test.exs "cast has_one without changes skips" and belongs_to_test.exs "cast belongs_to without changes skips". */
  @Test
  void castWithoutChangesSkips() {
    AuthorStruct author = new AuthorStruct().withBio(bio(1, "michal"));
    for (Object id : List.of(1L, "1")) {
      Changeset<AuthorStruct> changeset = cast(author, bioParam(Map.of("id", id)), DELETE);
      assertThat(changesBio(changeset)).as("id %s", id).isFalse();
      assertThat(changeset.errors()).isEmpty();
    }
    Changeset<BookStruct> book = castAuthor(new BookStruct().withAuthor(author(1, "michal")),
        Map.of("author", Map.of("id", "1")), DELETE);
    assertThat(book.fetchField(Books.AUTHOR).source()).isEqualTo(Fetched.Source.DATA);
  }

  /** Ports has_assoc_test.exs "cast has_one when required" and belongs_to_test.exs "cast belongs_to when required". */
  @Test
  void castWhenRequired() {
    ChangesetError blank = new ChangesetError("bio", "can't be blank", Map.of("validation", "required"));
    AssocOption required = AssocOption.required();
    assertThat(cast(new AuthorStruct(), Map.of(), required).errors()).containsExactly(blank);
    assertThat(cast(new AuthorStruct(), Map.of(), required, AssocOption.requiredMessage("a custom message")).errors())
        .containsExactly(new ChangesetError("bio", "a custom message", Map.of("validation", "required")));
    assertThat(cast(new AuthorStruct().withBio(null), Map.of(), required).errors()).containsExactly(blank);
    assertThat(cast(new AuthorStruct().withBio(new BioStruct()), Map.of(), required).errors()).isEmpty();

    Changeset<AuthorStruct> nothing = cast(new AuthorStruct().withBio(null), bioParam(null), required);
    assertThat(changesBio(nothing)).isFalse();
    assertThat(nothing.errors()).containsExactly(blank);

    Changeset<AuthorStruct> removed = cast(new AuthorStruct().withBio(new BioStruct()), bioParam(null), required, DELETE);
    assertThat(removed.fetchField(Authors.BIO)).isEqualTo(new Fetched<>(Fetched.Source.CHANGES, List.of()));
    assertThat(removed.errors()).containsExactly(blank);

    assertThat(castAuthor(new BookStruct(), Map.of(), required).errors())
        .containsExactly(new ChangesetError("author", "can't be blank", Map.of("validation", "required")));
    assertThat(castAuthor(new BookStruct().withAuthor(new AuthorStruct()), Map.of(), required).errors()).isEmpty();
  }

  /** Ports has_assoc_test.exs "cast has_one with optional" and belongs_to_test.exs "cast belongs_to with optional". */
  @Test
  void castNullRemovesTheLoadedChild() {
    Changeset<AuthorStruct> changeset = cast(new AuthorStruct().withBio(bio(1, "a")), bioParam(null), DELETE);
    assertThat(changeset.fetchField(Authors.BIO)).isEqualTo(new Fetched<>(Fetched.Source.CHANGES, List.of()));
    assertThat(changeset.isValid()).isTrue();

    Map<String, Object> noAuthor = new HashMap<>();
    noAuthor.put("author", null);
    Changeset<BookStruct> book = castAuthor(new BookStruct().withAuthor(author(1, "a")), noAuthor, DELETE);
    assertThat(book.getField(Books.AUTHOR)).isEmpty();
    assertThat(book.isValid()).isTrue();
  }

  /** Ports has_assoc_test.exs "cast has_one keeps appropriate action from changeset" and the belongs_to one. */
  @Test
  void castKeepsTheActionOfTheWithFunction() {
    Changeset<AuthorStruct> changeset = Changeset.cast(new AuthorStruct().withBio(bio(1, null)),
        bioParam(Map.of("text", "michal", "id", "1"))).castAssoc(Authors.BIO, ToOneChangesetConformanceTest::withAction);
    assertThat(onlyChild(changeset).action()).contains(Changeset.Action.UPDATE);
    assertThatThrownBy(() -> Changeset.cast(new AuthorStruct().withBio(bio(1, null)),
        bioParam(Map.of("text", "michal", "id", "2"))).castAssoc(Authors.BIO, ToOneChangesetConformanceTest::withAction,
        DELETE)).hasMessageContaining("cannot update related");
  }

  /** Ports has_assoc_test.exs "cast has_one with empty parameters" and belongs_to_test.exs "cast belongs_to with empty parameters". */
  @Test
  void castWithEmptyParametersIsNoChange() {
    assertThat(changesBio(cast(new AuthorStruct().withBio(null), Map.of()))).isFalse();
    assertThat(cast(new AuthorStruct(), Map.of(), AssocOption.required())).isNotNull()
        .satisfies(c -> assertThat(changesBio(c)).isFalse());
    assertThat(changesBio(cast(new AuthorStruct().withBio(new BioStruct()), Map.of(), AssocOption.required()))).isFalse();
    assertThat(castAuthor(new BookStruct().withAuthor(null), Map.of()).fetchField(Books.AUTHOR).source())
        .isEqualTo(Fetched.Source.DATA);
  }

  /** Ports has_assoc_test.exs "cast has_one with on_replace: :raise" and belongs_to_test.exs "cast belongs_to with on_replace: :raise". */
  @Test
  void castWithOnReplaceRaise() {
    AssocOption raise = AssocOption.onReplace(OnReplace.RAISE);
    AuthorStruct author = new AuthorStruct().withBio(bio(1, null));
    assertThat(onlyChild(cast(author, bioParam(Map.of("text", "jose", "id", "1")), raise)).action())
        .contains(Changeset.Action.UPDATE);
    assertThatThrownBy(() -> cast(author, bioParam(null), raise)).hasMessageContaining("you are attempting to change");
    assertThatThrownBy(() -> cast(author, bioParam(Map.of("text", "new", "id", "2")), raise))
        .hasMessageContaining("you are attempting to change");
    assertThatThrownBy(() -> castAuthor(new BookStruct().withAuthor(author(1, "a")),
        Map.of("author", Map.of("name", "new", "id", "2")), raise)).hasMessageContaining("you are attempting to change");
  }

  /** Ports has_assoc_test.exs "cast has_one with on_replace: :mark_as_invalid" and the belongs_to one. */
  @Test
  void castWithOnReplaceMarkAsInvalid() {
    AssocOption invalid = AssocOption.onReplace(OnReplace.MARK_AS_INVALID);
    AuthorStruct author = new AuthorStruct().withBio(bio(1, null));
    for (Object param : new Object[] {null, Map.of("id", "2")}) {
      Changeset<AuthorStruct> changeset = cast(author, bioParam(param), invalid);
      assertThat(changesBio(changeset)).isFalse();
      assertThat(changeset.errors()).containsExactly(INVALID);
      assertThat(changeset.isValid()).isFalse();
    }
    assertThat(cast(author, bioParam(null), invalid, AssocOption.invalidMessage("a custom message")).errors())
        .containsExactly(new ChangesetError("bio", "a custom message", Map.of("validation", "assoc", "type", "map")));
    Map<String, Object> noAuthor = new HashMap<>();
    noAuthor.put("author", null);
    assertThat(castAuthor(new BookStruct().withAuthor(author(1, "a")), noAuthor, invalid).errors()).containsExactly(
        new ChangesetError("author", "is invalid", Map.of("validation", "assoc", "type", "map")));
  }

  /** Ports belongs_to_test.exs "cast belongs_to with on_replace: :update" (the has_one case is WritesTest#hasOneUpdateInPlace). */
  @Test
  void castWithOnReplaceUpdateUpdatesTheLoadedParent() {
    Changeset<BookStruct> book = castAuthor(new BookStruct().withAuthor(author(1, "Enio")),
        Map.of("author", Map.of("id", "2", "name", "Jose")), AssocOption.onReplace(OnReplace.UPDATE));
    assertThat(book.getAssoc(Books.AUTHOR)).singleElement().satisfies(author -> {
      assertThat(author.changes()).isEqualTo(Map.of(Authors.NAME, "Jose"));
      assertThat(author.action()).contains(Changeset.Action.UPDATE);
    });
    assertThat(book.errors()).isEmpty();
    assertThat(book.isValid()).isTrue();
  }

  /** Ports has_assoc_test.exs "cast has_one twice" and belongs_to_test.exs "cast belongs_to twice". */
  @Test
  void castTwice() {
    AuthorStruct applied = cast(new AuthorStruct(), bioParam(Map.of("text", "Bruce Wayne"))).applyChanges();
    Map<String, Object> params = bioParam(Map.of("text", "Batman"));
    Changeset<AuthorStruct> twice = cast(applied, params, DELETE)
        .castAssoc(Authors.BIO, ToOneChangesetConformanceTest::bioChangeset, DELETE);
    assertThat(twice.isValid()).isTrue();
    assertThat(cast(new AuthorStruct(), params).castAssoc(Authors.BIO, ToOneChangesetConformanceTest::bioChangeset)
        .isValid()).isTrue();
  }

  /**
   * Ecto's validate_required/3 on to-one associations (its missing?/2: nil after the change, or as
   * loaded): a removed or absent child is {@code can't be blank}, and the removal is dropped; a child
   * put or loaded is present. has_assoc_test.exs "validate_required/3 with has_many raises" (Ecto
   * warns that it has no effect) is an exception here, naming castAssoc's required option.
   */
  @Test
  void validateRequiredOnToOneAssociations() {
    Changeset<AuthorStruct> removed = Changeset.change(new AuthorStruct().withId(1L).withBio(bio(2, "x")))
        .putAssoc(Authors.BIO, (BioStruct) null).validateRequired(Authors.BIO);
    assertThat(removed.errors()).containsExactly(new ChangesetError("bio", "can't be blank",
        Map.of("validation", "required")));
    assertThat(removed.changed(Authors.BIO)).isFalse();
    assertThat(removed.isValid()).isFalse();

    assertThat(Changeset.change(new BookStruct()).validateRequired(Books.AUTHOR).errors())
        .extracting(ChangesetError::field).containsExactly("author");
    assertThat(Changeset.change(new BookStruct()).putAssoc(Books.AUTHOR, author(1, "a"))
        .validateRequired(Books.AUTHOR).isValid()).isTrue();
    assertThat(Changeset.change(new AuthorStruct().withId(1L).withBio(bio(2, "x"))).validateRequired(Authors.BIO)
        .isValid()).isTrue();

    assertThatThrownBy(() -> Changeset.change(new AuthorStruct()).validateRequired(Authors.BOOKS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("to-many association books").hasMessageContaining("AssocOption.required()");
  }

  /** Ports has_assoc_test.exs "change has_one" and belongs_to_test.exs "change belongs_to" (through putAssoc). */
  @Test
  void changeToOne() {
    assertThat(changesBio(Changeset.change(new AuthorStruct().withBio(null)).putAssoc(Authors.BIO, (BioStruct) null)))
        .isFalse();
    assertThat(Changeset.change(new AuthorStruct().withBio(new BioStruct())).putAssoc(Authors.BIO, (BioStruct) null,
        DELETE).fetchField(Authors.BIO)).isEqualTo(new Fetched<>(Fetched.Source.CHANGES, List.of()));

    Changeset<BioStruct> michal = Changeset.change(new BioStruct()).putChange(Bios.TEXT, "michal");
    Changeset<AuthorStruct> inserted = Changeset.change(new AuthorStruct().withBio(null)).putAssoc(Authors.BIO, michal);
    assertThat(onlyChild(inserted).action()).contains(Changeset.Action.INSERT);
    assertThat(onlyChild(inserted).changes()).isEqualTo(Map.of(Bios.TEXT, "michal"));

    BioStruct loaded = bio(1, null);
    Changeset<BioStruct> edited = Changeset.change(loaded).putChange(Bios.TEXT, "michal");
    Changeset<AuthorStruct> base = Changeset.change(new AuthorStruct().withBio(loaded));
    assertThat(onlyChild(base.putAssoc(Authors.BIO, edited)).action()).contains(Changeset.Action.UPDATE);
    assertThat(base.putAssoc(Authors.BIO, edited.withAction(Changeset.Action.IGNORE))).isEqualTo(base);
    assertThat(base.putAssoc(Authors.BIO, Changeset.change(loaded))).isEqualTo(base);
    assertThat(changesBio(Changeset.change(new AuthorStruct().withBio(bio(2, null))).putAssoc(Authors.BIO, bio(1, null),
        DELETE))).isTrue();
  }

  /** Ports has_assoc_test.exs "change has_one keeps appropriate action from changeset" and the belongs_to one. */
  @Test
  void changeKeepsTheActionOfAChildChangeset() {
    BioStruct bio = bio(1, null);
    Changeset<BioStruct> michal = Changeset.change(bio).putChange(Bios.TEXT, "michal");
    Changeset<AuthorStruct> empty = Changeset.change(new AuthorStruct().withBio(null));
    for (Changeset.Action action : List.of(Changeset.Action.INSERT, Changeset.Action.UPDATE, Changeset.Action.DELETE)) {
      assertThat(onlyChild(empty.putAssoc(Authors.BIO, michal.withAction(action))).action()).contains(action);
    }
    Changeset<AuthorStruct> replacing = Changeset.change(new AuthorStruct().withBio(bio));
    assertThatThrownBy(() -> replacing.putAssoc(Authors.BIO, michal.withAction(Changeset.Action.INSERT)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot insert related");
    for (Changeset.Action action : List.of(Changeset.Action.UPDATE, Changeset.Action.DELETE)) {
      assertThat(onlyChild(replacing.putAssoc(Authors.BIO, michal.withAction(action))).action()).contains(action);
    }
  }

  /** Ports has_assoc_test.exs "change has_one with on_replace: :raise" and belongs_to_test.exs "change belongs_to with on_replace: :raise". */
  @Test
  void changeWithOnReplaceRaise() {
    AssocOption raise = AssocOption.onReplace(OnReplace.RAISE);
    Changeset<AuthorStruct> base = Changeset.change(new AuthorStruct().withBio(bio(1, null)));
    assertThatThrownBy(() -> base.putAssoc(Authors.BIO, (BioStruct) null, raise)).hasMessageContaining("you are attempting to change");
    assertThatThrownBy(() -> base.putAssoc(Authors.BIO, bio(2, null), raise)).hasMessageContaining("you are attempting to change");
    Changeset<BookStruct> book = Changeset.change(new BookStruct().withAuthor(author(1, "a")));
    assertThatThrownBy(() -> book.putAssoc(Books.AUTHOR, (AuthorStruct) null, raise))
        .hasMessageContaining("you are attempting to change");
  }

  /** Ports has_assoc_test.exs "change has_one with on_replace: :mark_as_invalid" and the belongs_to one. */
  @Test
  void changeWithOnReplaceMarkAsInvalid() {
    AssocOption invalid = AssocOption.onReplace(OnReplace.MARK_AS_INVALID);
    Changeset<AuthorStruct> base = Changeset.change(new AuthorStruct().withBio(bio(1, null)));
    for (Changeset<AuthorStruct> changeset : List.of(base.putAssoc(Authors.BIO, (BioStruct) null, invalid),
        base.putAssoc(Authors.BIO, bio(2, null), invalid))) {
      assertThat(changesBio(changeset)).isFalse();
      assertThat(changeset.errors()).containsExactly(new ChangesetError("bio", "is invalid", Map.of("type", "map")));
      assertThat(changeset.isValid()).isFalse();
    }
    assertThat(Changeset.change(new BookStruct().withAuthor(author(1, "a"))).putAssoc(Books.AUTHOR, (AuthorStruct) null,
        invalid).errors()).containsExactly(new ChangesetError("author", "is invalid", Map.of("type", "map")));
  }

  /**
   * Ports has_assoc_test.exs "change has_one with attributes", "put_assoc/4 with has_one" and
   * belongs_to_test.exs "change belongs_to with attributes", "put_assoc/4": attributes onto nothing
   * insert a new child; a struct or changeset equal to the loaded child is no change.
   */
  @Test
  void putAssocWithAttributes() {
    Changeset<AuthorStruct> inserted = Changeset.change(new AuthorStruct()).putAssoc(Authors.BIO, Map.of(Bios.TEXT, "michal"));
    assertThat(onlyChild(inserted).action()).contains(Changeset.Action.INSERT);
    assertThat(onlyChild(inserted).changes()).isEqualTo(Map.of(Bios.TEXT, "michal"));
    assertThat(onlyChild(Changeset.change(new AuthorStruct()).putAssoc(Authors.BIO, Map.of("text", "michal"))).changes())
        .as("by name").isEqualTo(Map.of(Bios.TEXT, "michal"));
    assertThat(onlyChild(Changeset.change(new AuthorStruct()).putAssoc(Authors.BIO, new BioStruct().withText("michal")))
        .action()).contains(Changeset.Action.INSERT);

    BioStruct unsaved = new BioStruct().withText("michal");
    Changeset<AuthorStruct> base = Changeset.change(new AuthorStruct().withBio(unsaved));
    assertThat(base.putAssoc(Authors.BIO, Changeset.change(new BioStruct().withText("michal")))).isEqualTo(base);

    Changeset<BookStruct> book = Changeset.change(new BookStruct()).putAssoc(Books.AUTHOR, Map.of(Authors.NAME, "michal"));
    assertThat(book.getAssoc(Books.AUTHOR)).singleElement()
        .satisfies(author -> assertThat(author.action()).contains(Changeset.Action.INSERT));
    assertThatThrownBy(() -> Changeset.change(new AuthorStruct()).putAssoc(Authors.BIO, Map.of("unknown", 1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown fields [unknown]");
  }

  /** Ports has_assoc_test.exs "put_assoc/4 when replacing": attributes naming the loaded child's key update it. */
  @Test
  void putAssocWhenReplacing() {
    Changeset<AuthorStruct> base = Changeset.change(new AuthorStruct().withBio(loaded(bio(1, "michal"))));
    Changeset<BioStruct> fresh = onlyChild(base.putAssoc(Authors.BIO, Map.of(Bios.TEXT, "michal"), DELETE));
    assertThat(fresh.action()).contains(Changeset.Action.INSERT);
    assertThat(fresh.changes()).isEqualTo(Map.of(Bios.TEXT, "michal"));
    Changeset<BioStruct> struct = onlyChild(base.putAssoc(Authors.BIO, new BioStruct().withText("michal"), DELETE));
    assertThat(struct.action()).contains(Changeset.Action.INSERT);
    assertThat(struct.changes()).isEmpty();

    assertThat(base.putAssoc(Authors.BIO, Map.of(Bios.ID, 1L, Bios.TEXT, "michal"), DELETE)).isEqualTo(base);
    assertThat(base.putAssoc(Authors.BIO, bio(1, "michal"), DELETE)).isEqualTo(base);
    Changeset<BioStruct> updated = onlyChild(base.putAssoc(Authors.BIO, Map.of(Bios.ID, 1L, Bios.TEXT, "jose"), DELETE));
    assertThat(updated.action()).contains(Changeset.Action.UPDATE);
    assertThat(updated.changes()).isEqualTo(Map.of(Bios.TEXT, "jose"));
  }

  /** Ports has_assoc_test.exs "put_assoc/4 with has_one and empty" and belongs_to_test.exs "put_assoc/4 with empty". */
  @Test
  void putAssocOfNothing() {
    assertThat(changesBio(Changeset.change(new AuthorStruct()).putAssoc(Authors.BIO, (BioStruct) null))).isTrue();
    assertThat(changesBio(Changeset.change(new AuthorStruct().withBio(null)).putAssoc(Authors.BIO, (BioStruct) null)))
        .isFalse();
    assertThat(changesBio(Changeset.change(new AuthorStruct()).putAssoc(Authors.BIO, new BioStruct())
        .putAssoc(Authors.BIO, (BioStruct) null))).isTrue();
    assertThat(changesBio(Changeset.change(new AuthorStruct().withBio(null)).putAssoc(Authors.BIO, new BioStruct())
        .putAssoc(Authors.BIO, (BioStruct) null))).isFalse();
  }

  /** Ports has_assoc_test.exs "get_field/3, fetch_field/2, get_assoc/3 with has one" and belongs_to_test.exs "… with assocs". */
  @Test
  void getFieldFetchFieldAndGetAssoc() {
    Changeset<BioStruct> michal = Changeset.change(new BioStruct()).putChange(Bios.TEXT, "michal");
    BioStruct bio = michal.applyChanges();
    Changeset<AuthorStruct> put = Changeset.change(new AuthorStruct()).putAssoc(Authors.BIO, michal);
    assertThat(put.getField(Authors.BIO)).containsExactly(bio);
    assertThat(put.fetchField(Authors.BIO)).isEqualTo(new Fetched<>(Fetched.Source.CHANGES, List.of(bio)));
    assertThat(put.getAssoc(Authors.BIO)).containsExactly(michal.withAction(Changeset.Action.INSERT));

    Changeset<AuthorStruct> loaded = Changeset.change(new AuthorStruct().withBio(bio));
    assertThat(loaded.fetchField(Authors.BIO)).isEqualTo(new Fetched<>(Fetched.Source.DATA, List.of(bio)));
    assertThat(loaded.getAssoc(Authors.BIO)).containsExactly(Changeset.change(bio));

    Changeset<AuthorStruct> none = Changeset.change(new AuthorStruct());
    assertThat(none.fetchField(Authors.BIO)).isEqualTo(new Fetched<>(Fetched.Source.DATA, List.of()));
    assertThat(none.getAssoc(Authors.BIO)).isEmpty();

    Changeset<AuthorStruct> stored = Changeset.change(loaded(new AuthorStruct().withId(1L)));
    assertThatThrownBy(() -> stored.getField(Authors.BIO)).hasMessageContaining("preload");
    assertThatThrownBy(() -> stored.getAssoc(Authors.BIO)).hasMessageContaining("preload");

    Changeset<BookStruct> book = Changeset.change(new BookStruct()).putAssoc(Books.AUTHOR, author(1, "a"));
    assertThat(book.getField(Books.AUTHOR)).containsExactly(author(1, "a"));
  }

  /** Ports has_assoc_test.exs "apply_changes" and belongs_to_test.exs "apply_changes": a child marked DELETE applies as none. */
  @Test
  void applyChangesLeavesOutADeletedChild() {
    Changeset<BioStruct> michal = Changeset.change(new BioStruct()).putChange(Bios.TEXT, "michal");
    assertThat(Changeset.change(new AuthorStruct()).putAssoc(Authors.BIO, michal).applyChanges().bio())
        .isEqualTo(new BioStruct().withText("michal"));
    assertThat(Changeset.change(new AuthorStruct()).putAssoc(Authors.BIO, michal.withAction(Changeset.Action.DELETE))
        .applyChanges().bio()).isNull();
  }

  /** Ports has_assoc_test.exs "change has_one with on_replace: :nilify" and belongs_to_test.exs "on_replace: :nilify". */
  @Test
  void castNullWithNilifyRemovesTheChild() {
    AssocOption nilify = AssocOption.onReplace(OnReplace.NILIFY);
    assertThat(cast(new AuthorStruct().withBio(bio(1, null).withAuthorId(5L)), bioParam(null), nilify)
        .getField(Authors.BIO)).isEmpty();
    Map<String, Object> noAuthor = new HashMap<>();
    noAuthor.put("author", null);
    assertThat(castAuthor(new BookStruct().withAuthor(author(1, "a")), noAuthor, nilify).fetchField(Books.AUTHOR))
        .isEqualTo(new Fetched<>(Fetched.Source.CHANGES, List.of()));
  }

  /** Ports has_assoc_test.exs "traverses changeset validations with has_one": the child's validations, as a map. */
  @Test
  void traverseValidationsOfAHasOne() {
    Changeset<AuthorStruct> changeset = Changeset.cast(new AuthorStruct(), bioParam(Map.of()))
        .castAssoc(Authors.BIO, (BioStruct bio, Map<String, ?> p) -> Changeset.cast(bio, p, Bios.TEXT)
            .validateLength(Bios.TEXT, io.ecto4j.changeset.Length.min(3)));
    assertThat(changeset.traverseValidations(v -> v.kind() + " " + v.options()))
        .isEqualTo(Map.of("bio", Map.of("text", List.of("length {min=3}"))));
  }

  /** Ports has_assoc_test.exs "traverses changeset errors with has_one when required". */
  @Test
  void traverseErrorsOfAHasOneWhenRequired() {
    AssocOption required = AssocOption.required();
    assertThat(cast(new AuthorStruct(), bioParam(Map.of("text", "abc")), required).traverseErrors()).isEmpty();
    assertThat(cast(new AuthorStruct(), Map.of(), required).traverseErrors()).isEqualTo(Map.of("bio", List.of("can't be blank")));
    assertThat(cast(new AuthorStruct(), bioParam(null), required).traverseErrors())
        .isEqualTo(Map.of("bio", List.of("can't be blank")));
    assertThat(cast(new AuthorStruct(), Map.of(), required, AssocOption.requiredMessage("a custom message")).traverseErrors())
        .isEqualTo(Map.of("bio", List.of("a custom message")));
    Map<String, Object> blank = new HashMap<>();
    blank.put("text", null);
    Changeset<AuthorStruct> invalidChild = cast(new AuthorStruct(), bioParam(blank), required);
    assertThat(invalidChild.errors()).isEmpty();
    assertThat(invalidChild.traverseErrors()).isEqualTo(Map.of("bio", Map.of("text", List.of("can't be blank"))));
  }

  /**
   * Ports changeset_test.exs "apply_changes/1": a belongs_to put sets the foreign key to the
   * parent's key, and to null when none is put.
   */
  @Test
  void applyChangesSetsTheForeignKeyOfABelongsTo() {
    BookStruct book = Changeset.change(new BookStruct()).putAssoc(Books.AUTHOR, author(7, "a")).applyChanges();
    assertThat(book.authorId()).isEqualTo(7L);
    BookStruct none = Changeset.cast(new BookStruct().withAuthorId(5L), Map.of("title", "foo"), Books.TITLE)
        .putAssoc(Books.AUTHOR, (AuthorStruct) null).applyChanges();
    assertThat(none.title()).isEqualTo("foo");
    assertThat(none.authorId()).isNull();
    assertThat(none.author()).isNull();
  }

  /** Ports changeset_test.exs "changed?/3 returns true when a cardinality-one association is removed". */
  @Test
  void changedOfAToOneRemoved() {
    Changeset<AuthorStruct> put = Changeset.change(new AuthorStruct().withBio(bio(1, null)))
        .putAssoc(Authors.BIO, (BioStruct) null, DELETE);
    assertThat(put.getField(Authors.BIO)).isEmpty();
    assertThat(put.changed(Authors.BIO)).isTrue();
    Changeset<AuthorStruct> cast = cast(new AuthorStruct().withBio(bio(1, null)), bioParam(null),
        AssocOption.onReplace(OnReplace.NILIFY));
    assertThat(cast.changed(Authors.BIO)).isTrue();
    assertThat(Changeset.change(new AuthorStruct().withBio(null)).changed(Authors.BIO)).isFalse();
  }
}
