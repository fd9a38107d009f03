package io.ecto4j.it.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.changeset.Changeset;
import io.ecto4j.changeset.ChangesetError;
import io.ecto4j.changeset.Constraint;
import io.ecto4j.changeset.Length;
import io.ecto4j.changeset.UnsafeUnique;
import io.ecto4j.changeset.Validation;
import io.ecto4j.it.schemas.AuthorStruct;
import io.ecto4j.it.schemas.Authors;
import io.ecto4j.it.schemas.BookStruct;
import io.ecto4j.it.schemas.Books;
import io.ecto4j.it.schemas.PostStruct;
import io.ecto4j.it.schemas.Posts;
import io.ecto4j.it.schemas.SampleStruct;
import io.ecto4j.it.schemas.Samples;
import io.ecto4j.query.Query;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Ports of Ecto's {@code test/ecto/changeset_test.exs} about validations ({@code validate_change},
 * {@code field_missing?}, decimals in {@code validate_inclusion}/{@code validate_exclusion},
 * {@code unsafe_validate_unique}) and constraint declarations, issue #16. Ecto's {@code TestRepo}
 * and {@code MockRepo} are an {@code exists} function that records the queries it is given.
 */
class ChangesetValidationsConformanceTest {

  /** Ecto's MockRepo: answers {@code exists?} with a fixed result and keeps the queries. */
  private static final class Exists implements Predicate<Query<PostStruct>> {
    final List<Query<PostStruct>> queries = new ArrayList<>();
    final boolean result;

    Exists(boolean result) {
      this.result = result;
    }

    @Override
    public boolean test(Query<PostStruct> query) {
      queries.add(query);
      return result;
    }
  }

  private static Changeset<PostStruct> base() {
    return Changeset.cast(new PostStruct(), Map.of("title", "Hello World", "body", "hi"), Posts.TITLE, Posts.BODY);
  }

  private static ChangesetError taken(String key, String message, String... fields) {
    return new ChangesetError(key, message, Map.of("validation", "unsafe_unique", "fields", List.of(fields)));
  }

  /** Ports changeset_test.exs "validate_change/3": errors with metadata, on other keys, none without a change. */
  @Test
  void validateChangeReturnsErrorsWithMetadata() {
    Changeset<PostStruct> hello = Changeset.cast(new PostStruct(), Map.of("title", "hello"), Posts.TITLE);
    assertThat(hello.validateChange(Posts.TITLE, null, (field, title) -> List.of()).isValid()).isTrue();
    Changeset<PostStruct> oops = hello.validateChange(Posts.TITLE, title -> "oops");
    assertThat(oops.errors()).containsExactly(new ChangesetError("title", "oops", Map.of()));
    assertThat(oops.validations()).as("validate_change/3 records no validation").isEmpty();
    Changeset<PostStruct> tuple = hello.validateChange(Posts.TITLE, null, (field, title) ->
        List.of(new ChangesetError(field.name(), "oops", Map.of("type", "bar")), new ChangesetError("body", "too", Map.of())));
    assertThat(tuple.errors()).containsExactly(new ChangesetError("title", "oops", Map.of("type", "bar")),
        new ChangesetError("body", "too", Map.of()));
    assertThat(tuple.isValid()).isFalse();

    assertThat(Changeset.cast(new PostStruct(), Map.of(), Posts.TITLE).validateChange(Posts.TITLE, title -> "oops")
        .isValid()).as("when missing").isTrue();
    Map<String, Object> nil = new HashMap<>();
    nil.put("title", null);
    assertThat(Changeset.cast(new PostStruct().withTitle("x"), nil, Posts.TITLE).validateChange(Posts.TITLE, title -> "oops")
        .isValid()).as("when nil").isTrue();
  }

  /** Ports changeset_test.exs "validate_change/4": the validation is recorded under its name, with or without a change. */
  @Test
  void validateChangeRecordsItsValidation() {
    Changeset<PostStruct> oops = Changeset.cast(new PostStruct(), Map.of("title", "hello"), Posts.TITLE)
        .validateChange(Posts.TITLE, "oops", (field, title) -> List.of(new ChangesetError("title", "oops", Map.of())));
    assertThat(oops.isValid()).isFalse();
    assertThat(oops.errors()).containsExactly(new ChangesetError("title", "oops", Map.of()));
    assertThat(oops.validations()).containsExactly(new Validation("title", "oops", Map.of()));

    Changeset<PostStruct> missing = Changeset.cast(new PostStruct(), Map.of(), Posts.TITLE)
        .validateChange(Posts.TITLE, "oops", (field, title) -> List.of(new ChangesetError("title", "oops", Map.of())));
    assertThat(missing.isValid()).isTrue();
    assertThat(missing.validations()).containsExactly(new Validation("title", "oops", Map.of()));
  }

  /** Ports changeset_test.exs "field_missing?/2" (an unknown field does not compile). */
  @Test
  void fieldMissing() {
    Changeset<PostStruct> changeset = Changeset.cast(new PostStruct(), Map.of("body", "Body"), Posts.BODY);
    assertThat(List.of(Posts.TITLE, Posts.BODY).stream().filter(changeset::fieldMissing).toList())
        .containsExactly(Posts.TITLE);
    Changeset<PostStruct> other = Changeset.cast(new PostStruct().withBody("Body"), Map.of("title", "Title"), Posts.TITLE);
    assertThat(List.of(Posts.TITLE, Posts.BODY).stream().filter(other::fieldMissing).toList()).isEmpty();
    assertThat(Changeset.cast(new PostStruct(), Map.of("title", "  "), Posts.TITLE).fieldMissing(Posts.TITLE))
        .as("a blank string is missing").isTrue();
  }

  /**
   * Ports changeset_test.exs "validate_inclusion/3 with decimal does semantic comparison" and
   * "validate_exclusion/3 with decimal does semantic comparison".
   */
  @Test
  void decimalsCompareByValue() {
    List<BigDecimal> decimals = List.of(new BigDecimal("0.0"), new BigDecimal("0.2"));
    Changeset<SampleStruct> zero = Changeset.cast(new SampleStruct(), Map.of("amount", 0), Samples.AMOUNT);
    assertThat(zero.validateInclusion(Samples.AMOUNT, decimals).isValid()).isTrue();
    assertThat(zero.validateExclusion(Samples.AMOUNT, decimals).errors()).containsExactly(
        new ChangesetError("amount", "is reserved", Map.of("validation", "exclusion", "enum", decimals)));
  }

  /** Ports changeset_test.exs "unsafe_validate_unique/4 validates the uniqueness of a single field". */
  @Test
  void unsafeValidateUniqueOfOneField() {
    Changeset<PostStruct> dup = base().unsafeValidateUnique(new Exists(true), Posts.TITLE);
    assertThat(dup.errors()).containsExactly(taken("title", "has already been taken", "title"));
    assertThat(dup.validations()).containsExactly(new Validation("title", "unsafe_unique", Map.of("fields", List.of("title"))));
    assertThat(base().unsafeValidateUnique(new Exists(false), Posts.TITLE).isValid()).isTrue();
  }

  /** Ports changeset_test.exs "unsafe_validate_unique/4 validates the uniqueness of a combination of fields". */
  @Test
  void unsafeValidateUniqueOfACombination() {
    Changeset<PostStruct> dup = base().unsafeValidateUnique(new Exists(true), Posts.TITLE, Posts.BODY);
    assertThat(dup.errors()).containsExactly(taken("title", "has already been taken", "title", "body"));
    assertThat(dup.validations())
        .containsExactly(new Validation("title", "unsafe_unique", Map.of("fields", List.of("title", "body"))));
    assertThat(base().unsafeValidateUnique(new Exists(false), Posts.TITLE, Posts.BODY).isValid()).isTrue();
  }

  /**
   * Ports changeset_test.exs "unsafe_validate_unique/4 does not validate uniqueness if there is any
   * prior error on a field" and "… on a combination of fields": no query, the prior error alone.
   */
  @Test
  void unsafeValidateUniqueSkipsFieldsWithErrors() {
    ChangesetError tooLong = new ChangesetError("title", "should be at most %{count} character(s)",
        Map.of("count", 3, "validation", "length", "kind", "max", "type", "string"));
    for (List<io.ecto4j.meta.Field<PostStruct, ?>> fields : List.of(List.<io.ecto4j.meta.Field<PostStruct, ?>>of(Posts.TITLE),
        List.<io.ecto4j.meta.Field<PostStruct, ?>>of(Posts.TITLE, Posts.BODY))) {
      Exists exists = new Exists(true);
      Changeset<PostStruct> changeset = base().validateLength(Posts.TITLE, Length.max(3))
          .unsafeValidateUnique(exists, fields);
      assertThat(changeset.isValid()).isFalse();
      assertThat(changeset.errors()).containsExactly(tooLong);
      assertThat(exists.queries).isEmpty();
    }
  }

  /** Ports changeset_test.exs "unsafe_validate_unique/4 allows setting a custom error message" and "… a custom error key". */
  @Test
  void unsafeValidateUniqueWithAMessageAndAnErrorKey() {
    assertThat(base().unsafeValidateUnique(new Exists(true), List.of(Posts.TITLE), UnsafeUnique.message("is taken"))
        .errors()).containsExactly(taken("title", "is taken", "title"));
    assertThat(base().unsafeValidateUnique(new Exists(true), List.of(Posts.TITLE), UnsafeUnique.message("is taken"),
        UnsafeUnique.errorKey("foo")).errors()).containsExactly(taken("foo", "is taken", "title"));
  }

  /**
   * Ports changeset_test.exs "unsafe_validate_unique/4 accepts nulls_distinct option": a null field
   * skips the query unless nulls are not distinct, then it is compared with {@code IS NULL}.
   */
  @Test
  void unsafeValidateUniqueWithNullsNotDistinct() {
    Map<String, Object> params = new HashMap<>();
    params.put("body", null);
    Changeset<PostStruct> changeset = Changeset.cast(new PostStruct().withBody("hi"), params, Posts.BODY);
    Exists distinct = new Exists(true);
    assertThat(changeset.unsafeValidateUnique(distinct, Posts.BODY, Posts.TITLE).isValid()).isTrue();
    assertThat(distinct.queries).isEmpty();

    Exists notDistinct = new Exists(true);
    Changeset<PostStruct> checked = changeset.unsafeValidateUnique(notDistinct, List.of(Posts.BODY, Posts.TITLE),
        UnsafeUnique.nullsNotDistinct());
    assertThat(checked.errors()).containsExactly(taken("body", "has already been taken", "body", "title"));
    assertThat(notDistinct.queries).singleElement().asString().contains("Post.body IS NULL AND Post.title IS NULL");
  }

  /** Ports changeset_test.exs "unsafe_validate_unique/4 only queries the db when necessary". */
  @Test
  void unsafeValidateUniqueQueriesOnlyWhenAFieldChanged() {
    Changeset<PostStruct> bodyChange = Changeset.cast(new PostStruct().withTitle("Hello World").withBody("hi"),
        Map.of("body", "ho"), Posts.BODY);
    Exists exists = new Exists(false);
    bodyChange.unsafeValidateUnique(exists, Posts.BODY);
    bodyChange.unsafeValidateUnique(exists, Posts.BODY, Posts.TITLE);
    assertThat(exists.queries).hasSize(2);
    bodyChange.unsafeValidateUnique(exists, Posts.TITLE);
    assertThat(exists.queries).as("no overlap between the changed fields and the unique ones").hasSize(2);
  }

  /**
   * Ports changeset_test.exs "unique_constraint/3 on field with :source" and "foreign_key_constraint/3
   * on field with :source": the default name uses the column ({@code view_count}), the error the field.
   */
  @Test
  void constraintNamesUseTheColumnOfAField() {
    Changeset<PostStruct> changeset = Changeset.change(new PostStruct());
    assertThat(changeset.uniqueConstraint(Posts.VIEW_COUNT).constraints()).containsExactly(new Constraint(
        Constraint.Type.UNIQUE, "posts_view_count_index", Constraint.Match.EXACT, "viewCount", "has already been taken",
        "unique"));
    assertThat(changeset.uniqueConstraint(Posts.VIEW_COUNT, Constraint.name("whatever"), Constraint.message("is taken"))
        .constraints()).singleElement().satisfies(c -> {
          assertThat(c.name()).isEqualTo("whatever");
          assertThat(c.message()).isEqualTo("is taken");
        });
    assertThat(changeset.foreignKeyConstraint(Posts.VIEW_COUNT).constraints()).containsExactly(new Constraint(
        Constraint.Type.FOREIGN_KEY, "posts_view_count_fkey", Constraint.Match.EXACT, "viewCount", "does not exist",
        "foreign"));
    assertThat(changeset.foreignKeyConstraint(Posts.VIEW_COUNT, Constraint.name("whatever"),
        Constraint.message("is not available")).constraints()).singleElement().satisfies(c -> {
          assertThat(c.name()).isEqualTo("whatever");
          assertThat(c.message()).isEqualTo("is not available");
        });
  }

  /** Ports changeset_test.exs "assoc_constraint/3 with errors" (an unknown association does not compile). */
  @Test
  void assocConstraintNeedsABelongsTo() {
    assertThatThrownBy(() -> Changeset.change(new AuthorStruct()).assocConstraint(Authors.BOOKS))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("assocConstraint needs a belongs_to association");
  }

  /** Ports changeset_test.exs "no_assoc_constraint/3 with has_one". */
  @Test
  void noAssocConstraintOnAHasOne() {
    assertThat(Changeset.change(new AuthorStruct()).noAssocConstraint(Authors.BIO).constraints()).containsExactly(
        new Constraint(Constraint.Type.FOREIGN_KEY, "bios_author_id_fkey", Constraint.Match.EXACT, "bio",
            "is still associated with this entry", "no_assoc"));
    assertThat(Changeset.change(new AuthorStruct())
        .noAssocConstraint(Authors.BIO, Constraint.name("whatever"), Constraint.message("exists")).constraints())
        .containsExactly(new Constraint(Constraint.Type.FOREIGN_KEY, "whatever", Constraint.Match.EXACT, "bio", "exists",
            "no_assoc"));
  }

  /** Ports changeset_test.exs "no_assoc_constraint/3 with errors" (an unknown association does not compile). */
  @Test
  void noAssocConstraintNeedsAHasOneOrHasMany() {
    assertThatThrownBy(() -> Changeset.change(new BookStruct()).noAssocConstraint(Books.AUTHOR))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("noAssocConstraint needs a has_one or has_many");
  }

  /** Ports changeset_test.exs "change/2 semantic comparison": a decimal equal by value is no change. */
  @Test
  void changeComparesDecimalsByValue() {
    SampleStruct sample = new SampleStruct().withAmount(new BigDecimal("1.0"));
    assertThat(Changeset.change(sample, Map.of(Samples.AMOUNT, BigDecimal.ONE)).changes()).isEmpty();
    assertThat(Changeset.change(sample).putChange(Samples.AMOUNT, new BigDecimal("1.00")).changes()).isEmpty();
  }

  /**
   * Ports the regex names of changeset_test.exs "check_constraint/3", "unique_constraint/3",
   * "foreign_key_constraint/3", "assoc_constraint/3", "no_assoc_constraint/3" and
   * "exclusion_constraint/3": a {@code Pattern} name matches the reported name anywhere, and only
   * goes with the exact match type.
   */
  @Test
  void patternConstraintNames() {
    Changeset<PostStruct> post = Changeset.change(new PostStruct());
    java.util.regex.Pattern numbered = java.util.regex.Pattern.compile("whatever\\d+");
    for (Changeset<PostStruct> declared : List.of(
        post.checkConstraint(Posts.TITLE, Constraint.name(numbered), Constraint.message("is invalid")),
        post.uniqueConstraint(Posts.TITLE, Constraint.name(numbered), Constraint.message("is taken")),
        post.foreignKeyConstraint(Posts.AUTHOR_ID, Constraint.name(numbered)),
        post.assocConstraint(Posts.AUTHOR, Constraint.name(numbered)),
        post.noAssocConstraint(Posts.COMMENTS, Constraint.name(numbered), Constraint.message("exists")),
        post.exclusionConstraint(Posts.TITLE, Constraint.name(numbered)))) {
      Constraint constraint = declared.constraints().get(0);
      assertThat(constraint.match()).isEqualTo(Constraint.Match.REGEX);
      assertThat(constraint.name()).isEqualTo("whatever\\d+");
      assertThat(constraint.matches(constraint.type(), "posts_whatever12")).isTrue();
      assertThat(constraint.matches(constraint.type(), "whatever")).isFalse();
    }
    assertThatThrownBy(() -> post.uniqueConstraint(Posts.TITLE, Constraint.name(numbered),
        Constraint.match(Constraint.Match.SUFFIX))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("only allows match type EXACT");
  }

  /** Ports changeset_test.exs "unique_constraint/3 with multiple fields": the default name joins the columns; error_key. */
  @Test
  void uniqueConstraintOverSeveralFields() {
    Changeset<PostStruct> post = Changeset.change(new PostStruct());
    assertThat(post.uniqueConstraint(List.of(Posts.VIEW_COUNT, Posts.TITLE)).constraints()).containsExactly(new Constraint(
        Constraint.Type.UNIQUE, "posts_view_count_title_index", Constraint.Match.EXACT, "viewCount",
        "has already been taken", "unique"));
    assertThat(post.uniqueConstraint(List.of(Posts.VIEW_COUNT, Posts.TITLE), Constraint.errorKey("title")).constraints())
        .containsExactly(new Constraint(Constraint.Type.UNIQUE, "posts_view_count_title_index", Constraint.Match.EXACT,
            "title", "has already been taken", "unique"));
  }

  /** Ports the options of changeset_test.exs "assoc_constraint/3", "no_assoc_constraint/3" and "exclusion_constraint/3". */
  @Test
  void constraintOptionsOnAssociationsAndExclusions() {
    Changeset<PostStruct> post = Changeset.change(new PostStruct());
    assertThat(post.assocConstraint(Posts.AUTHOR, Constraint.name("whatever"), Constraint.message("is not available"))
        .constraints()).containsExactly(new Constraint(Constraint.Type.FOREIGN_KEY, "whatever", Constraint.Match.EXACT,
            "author", "is not available", "assoc"));
    assertThat(post.noAssocConstraint(Posts.COMMENTS, Constraint.name("comments_post_id_fkey"),
        Constraint.match(Constraint.Match.SUFFIX), Constraint.message("exists")).constraints())
        .containsExactly(new Constraint(Constraint.Type.FOREIGN_KEY, "comments_post_id_fkey", Constraint.Match.SUFFIX,
            "comments", "exists", "no_assoc"));
    assertThat(post.exclusionConstraint(Posts.TITLE, Constraint.name("whatever"), Constraint.match(Constraint.Match.PREFIX),
        Constraint.message("is invalid")).constraints()).containsExactly(new Constraint(Constraint.Type.EXCLUSION,
            "whatever", Constraint.Match.PREFIX, "title", "is invalid", "exclusion"));
  }
}
