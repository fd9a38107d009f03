package io.ecto4j.it.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.changeset.Changeset;
import io.ecto4j.changeset.ChangesetError;
import io.ecto4j.changeset.Form;
import io.ecto4j.changeset.FormData;
import io.ecto4j.it.schemas.AuthorStruct;
import io.ecto4j.it.schemas.Authors;
import io.ecto4j.it.schemas.BioStruct;
import io.ecto4j.it.schemas.Bios;
import io.ecto4j.it.schemas.BookStruct;
import io.ecto4j.it.schemas.Books;
import io.ecto4j.it.schemas.PostStruct;
import io.ecto4j.it.schemas.Posts;
import io.ecto4j.it.schemas.SampleStruct;
import io.ecto4j.it.schemas.Samples;
import io.ecto4j.it.schemas.UserStruct;
import io.ecto4j.it.schemas.Users;
import io.ecto4j.meta.Field;
import io.ecto4j.type.CastResult;
import io.ecto4j.type.CustomType;
import io.ecto4j.type.Types;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Ports of Ecto's {@code test/ecto/changeset_test.exs}, {@code changeset/has_assoc_test.exs} and
 * {@code changeset/belongs_to_test.exs} cases where ecto4j answered differently (issue #16). Each
 * test names the Ecto test it ports.
 */
class ChangesetConformanceTest {
  private static Changeset<PostStruct> post(PostStruct data, Map<String, ?> params) {
    return Changeset.cast(data, params, Posts.TITLE, Posts.BODY, Posts.VIEW_COUNT);
  }

  private static Changeset<UserStruct> user(Map<String, ?> params) {
    return Changeset.cast(new UserStruct(), params, Users.NAME, Users.AGE, Users.PASSWORD);
  }

  private static ChangesetError mismatch(String key) {
    return new ChangesetError(key, "does not match confirmation", Map.of("validation", "confirmation"));
  }

  /** Ports changeset_test.exs "update_change/3": an update landing on the data's value is no change. */
  @Test
  void updateChangeLandingOnTheDataIsNoChange() {
    assertThat(post(new PostStruct(), Map.of("title", "foo")).updateChange(Posts.TITLE, t -> t + "bar")
        .changes()).containsEntry(Posts.TITLE, "foobar");
    assertThat(post(new PostStruct(), Map.of()).updateChange(Posts.TITLE, t -> t == null ? "bar" : t).changes())
        .isEmpty();
    PostStruct stored = new PostStruct().withTitle("mytitle");
    assertThat(post(stored, Map.of("title", "MyTitle")).updateChange(Posts.TITLE, String::toLowerCase).changes())
        .isEmpty();
  }

  /** Ports changeset_test.exs "validate_subset/3 with decimal does semantic comparison". */
  @Test
  void validateSubsetComparesByTheElementType() {
    Changeset<SampleStruct> changeset = Changeset.cast(new SampleStruct(), Map.of("amounts", List.of(0, 0.2)),
        Samples.AMOUNTS).validateSubset(Samples.AMOUNTS, List.of(new BigDecimal("0.0"), new BigDecimal("0.2")));
    assertThat(changeset.isValid()).isTrue();
    assertThat(Changeset.cast(new SampleStruct(), Map.of("amounts", List.of(1)), Samples.AMOUNTS)
        .validateSubset(Samples.AMOUNTS, List.of(new BigDecimal("0.0"))).isValid()).isFalse();
  }

  /** Ecto's test type {@code StringArray}: a custom type whose value is a list of strings, stored as text[]. */
  static final class StringArray extends CustomType<List<String>, List<String>> {
    StringArray() {
      super(valueClass(List.class), Types.list(Types.STRING));
    }

    @Override
    protected CastResult<List<String>> castInput(Object input) {
      return input instanceof List<?> list && list.stream().allMatch(String.class::isInstance)
          ? CastResult.ok(list.stream().map(String.class::cast).toList())
          : CastResult.invalid("is invalid", Map.of());
    }

    @Override
    protected List<String> load(List<String> stored) {
      return stored;
    }

    @Override
    protected List<String> dump(List<String> value) {
      return value;
    }
  }

  /**
   * Ports changeset_test.exs "validate_subset/3 with custom type uses underlying type": a field of a
   * custom type whose value is a list is validated as a list, element by element.
   */
  @Test
  void validateSubsetOfACustomListType() {
    Form form = Form.named("Tags");
    Field<FormData, List<String>> value = form.field("value", new StringArray());
    Changeset<FormData> cs = Changeset.cast(form.empty(), Map.of("value", List.of("a", "b")), value)
        .validateSubset(value, List.of("a", "b"));
    assertThat(cs.isValid()).isTrue();
    assertThat(cs.applyChanges().get(value)).containsExactly("a", "b");
    assertThat(Changeset.cast(form.empty(), Map.of("value", List.of("a", "c")), value)
        .validateSubset(value, List.of("a", "b")).isValid()).isFalse();
  }

  /** Ports changeset_test.exs "validate_confirmation/3": the cases decided by the params alone. */
  @Test
  void validateConfirmationFollowsTheParams() {
    Map<String, Object> nullConfirmation = new HashMap<>(Map.of("name", "title"));
    nullConfirmation.put("nameConfirmation", null);
    assertThat(user(nullConfirmation).validateConfirmation(Users.NAME, false).errors())
        .as("a null confirmation does not match").containsExactly(mismatch("nameConfirmation"));
    assertThat(user(Map.of("name", "title", "nameConfirmation", "not title")).validateConfirmation(Users.NAME, false)
        .errors()).containsExactly(mismatch("nameConfirmation"));
    assertThat(user(Map.of("age", "1", "age_confirmation", 1)).validateConfirmation(Users.AGE, false).isValid())
        .as("with casting").isTrue();
    assertThat(user(Map.of("password", "", "passwordConfirmation", "password"))
        .validateConfirmation(Users.PASSWORD, false).errors())
        .as("with blank change").containsExactly(mismatch("passwordConfirmation"));
    assertThat(user(Map.of("passwordConfirmation", "password")).validateConfirmation(Users.PASSWORD, false).errors())
        .as("with missing change").containsExactly(mismatch("passwordConfirmation"));
    UserStruct stored = new UserStruct().withName("title");
    assertThat(Changeset.cast(stored, Map.of("name", "title", "nameConfirmation", "other"), Users.NAME)
        .validateConfirmation(Users.NAME, false).isValid())
        .as("checked even when the param equals the data (no change)").isFalse();
  }

  /**
   * Ports has_assoc_test.exs "cast has_one with empty value": an empty value onto no child is no
   * change, not an error.
   */
  @Test
  void anEmptyValueForAHasOneIsNoChange() {
    Map<String, Object> params = new HashMap<>(Map.of("name", "Ada"));
    params.put("bio", "");
    Changeset<AuthorStruct> changeset = Changeset.cast(new AuthorStruct(), params, Authors.NAME)
        .castAssoc(Authors.BIO, (BioStruct bio, Map<String, ?> p) -> Changeset.cast(bio, p, Bios.TEXT));
    assertThat(changeset.isValid()).isTrue();
    assertThat(changeset.errors()).isEmpty();
    params.put("bio", null);
    assertThat(Changeset.cast(new AuthorStruct(), params, Authors.NAME)
        .castAssoc(Authors.BIO, (BioStruct bio, Map<String, ?> p) -> Changeset.cast(bio, p, Bios.TEXT)).isValid())
        .isTrue();
  }

  /** Ports belongs_to_test.exs "cast belongs_to with empty value". */
  @Test
  void anEmptyValueForABelongsToIsNoChange() {
    Map<String, Object> params = new HashMap<>(Map.of("title", "Dune"));
    params.put("author", "");
    Changeset<BookStruct> changeset = Changeset.cast(new BookStruct(), params, Books.TITLE)
        .castAssoc(Books.AUTHOR, (AuthorStruct author, Map<String, ?> p) -> Changeset.cast(author, p, Authors.NAME));
    assertThat(changeset.isValid()).isTrue();
    assertThat(changeset.errors()).isEmpty();
  }

  /** Marks a child IGNORE when its params say so, as Ecto's test schemas' {@code set_action/2} does. */
  private static <C extends io.ecto4j.meta.Struct<C>> Changeset<C> ignoring(Changeset<C> child, Map<String, ?> params) {
    return "ignore".equals(params.get("action")) ? child.withAction(Changeset.Action.IGNORE) : child;
  }

  /** Ports has_assoc_test.exs "cast has_one discards changesets marked as ignore". */
  @Test
  void anIgnoredHasOneChildIsNoChange() {
    Changeset<AuthorStruct> changeset = Changeset.cast(new AuthorStruct(),
        Map.of("name", "Ada", "bio", Map.of("text", "michal", "action", "ignore")), Authors.NAME)
        .castAssoc(Authors.BIO, (BioStruct bio, Map<String, ?> p) -> ignoring(Changeset.cast(bio, p, Bios.TEXT), p));
    assertThat(changeset.isValid()).isTrue();
    assertThat(Authors.BIO.isLoaded(changeset.applyChanges())).as("no change to the association").isFalse();
  }

  /** Ports has_assoc_test.exs "cast has_many discards changesets marked as ignore". */
  @Test
  void ignoredHasManyChildrenAreLeftOut() {
    Changeset<AuthorStruct> changeset = Changeset.cast(new AuthorStruct(), Map.of("name", "Ada", "books", List.of(
        Map.of("title", "first"), Map.of("title", "skipped", "action", "ignore"), Map.of("title", "third"))),
        Authors.NAME)
        .castAssoc(Authors.BOOKS, (BookStruct book, Map<String, ?> p) -> ignoring(Changeset.cast(book, p, Books.TITLE), p));
    assertThat(changeset.applyChanges().books()).extracting(io.ecto4j.it.schemas.Book::title).containsExactly("first", "third");
  }

  /** Ports belongs_to_test.exs "cast belongs_to discards changesets marked as ignore". */
  @Test
  void anIgnoredBelongsToParentIsNoChange() {
    Changeset<BookStruct> changeset = Changeset.cast(new BookStruct(),
        Map.of("title", "Dune", "author", Map.of("name", "Frank", "action", "ignore")), Books.TITLE)
        .castAssoc(Books.AUTHOR, (AuthorStruct a, Map<String, ?> p) -> ignoring(Changeset.cast(a, p, Authors.NAME), p));
    assertThat(changeset.isValid()).isTrue();
    assertThat(Books.AUTHOR.isLoaded(changeset.applyChanges())).as("no change to the association").isFalse();
  }
}
