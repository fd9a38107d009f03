package io.ecto4j.it.changeset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.changeset.Changeset;
import io.ecto4j.changeset.ChangesetError;
import io.ecto4j.changeset.Length;
import io.ecto4j.changeset.Numbers;
import io.ecto4j.changeset.Validation;
import io.ecto4j.it.schemas.Mood;
import io.ecto4j.it.schemas.PostStruct;
import io.ecto4j.it.schemas.Posts;
import io.ecto4j.it.schemas.SampleStruct;
import io.ecto4j.it.schemas.Samples;
import io.ecto4j.it.schemas.UserStruct;
import io.ecto4j.it.schemas.Users;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every validation's default message and metadata, exactly as Ecto words them. */
class ValidationsTest {

  private static Changeset<PostStruct> post(Map<String, ?> params) {
    return Changeset.cast(new PostStruct(), params, Posts.TITLE, Posts.BODY, Posts.VIEW_COUNT, Posts.PUBLISHED);
  }

  private static Changeset<UserStruct> user(Map<String, ?> params) {
    return Changeset.cast(new UserStruct(), params, Users.NAME, Users.EMAIL, Users.AGE, Users.PASSWORD);
  }

  @Test
  void requiredFlagsMissingNullAndBlankFields() {
    Changeset<PostStruct> cs = post(Map.of("body", "  \t ")).validateRequired(Posts.TITLE, Posts.BODY);
    assertThat(cs.errors()).containsExactly(
        new ChangesetError("title", "can't be blank", Map.of("validation", "required")),
        new ChangesetError("body", "can't be blank", Map.of("validation", "required")));
    assertThat(cs.required()).containsExactly(Posts.TITLE, Posts.BODY);
    assertThat(cs.changes()).doesNotContainKey(Posts.BODY);
  }

  @Test
  void requiredLeavesFieldsWithACastErrorAlone() {
    Changeset<PostStruct> cs = post(Map.of("viewCount", "many")).validateRequired(Posts.VIEW_COUNT);
    assertThat(cs.errors()).extracting(ChangesetError::message).containsExactly("is invalid");
  }

  @Test
  void requiredPassesForDataValues() {
    Changeset<PostStruct> cs = Changeset.cast(new PostStruct().withTitle("Kept"), Map.of(), Posts.TITLE)
        .validateRequired(Posts.TITLE);
    assertThat(cs.isValid()).isTrue();
  }

  @Test
  void formatMatchesAnywhereLikeRegexRun() {
    Pattern email = Pattern.compile("^[^\\s]+@[^\\s]+\\.[^\\s]+$");
    assertThat(user(Map.of("email", "bad-email")).validateFormat(Users.EMAIL, email).errors())
        .containsExactly(new ChangesetError("email", "has invalid format", Map.of("validation", "format")));
    assertThat(user(Map.of("email", "bad-email")).validateFormat(Users.EMAIL, email, "must be a valid email").errors())
        .extracting(ChangesetError::message).containsExactly("must be a valid email");
    assertThat(user(Map.of("email", "ada@example.com")).validateFormat(Users.EMAIL, email).isValid()).isTrue();
  }

  @Test
  void lengthOfStringsCountsGraphemes() {
    // "é" as e + combining accent, a family emoji of 7 code points, a flag of 2: 3 graphemes.
    String text = "e\u0301" + "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66" + "\uD83C\uDDEB\uD83C\uDDF7";
    assertThat(post(Map.of("title", text)).validateLength(Posts.TITLE, Length.is(3)).isValid()).isTrue();
    assertThat(post(Map.of("title", text)).validateLength(Posts.TITLE, Length.is(3), Length.count(Length.Count.CODEPOINTS))
        .errors()).containsExactly(new ChangesetError("title", "should be %{count} character(s)",
            Map.of("count", 3, "validation", "length", "kind", "is", "type", "string")));
  }

  @Test
  void lengthMessagesForMinMaxAndBytes() {
    ChangesetError min = post(Map.of("title", "ab")).validateLength(Posts.TITLE, Length.min(3), Length.max(200)).errors().get(0);
    assertThat(min).isEqualTo(new ChangesetError("title", "should be at least %{count} character(s)",
        Map.of("count", 3, "validation", "length", "kind", "min", "type", "string")));
    assertThat(min.keys().keySet()).containsExactly("count", "validation", "kind", "type");
    assertThat(min.interpolated()).isEqualTo("should be at least 3 character(s)");
    assertThat(post(Map.of("title", "abcd")).validateLength(Posts.TITLE, Length.max(3)).errors().get(0).interpolated())
        .isEqualTo("should be at most 3 character(s)");
    assertThat(post(Map.of("title", "ééé")).validateLength(Posts.TITLE, Length.max(4), Length.count(Length.Count.BYTES))
        .errors().get(0)).isEqualTo(new ChangesetError("title", "should be at most %{count} byte(s)",
            Map.of("count", 4, "validation", "length", "kind", "max", "type", "binary")));
  }

  @Test
  void lengthOfListsCountsItems() {
    Changeset<SampleStruct> cs = Changeset.cast(new SampleStruct(), Map.of("strings", List.of("a")), Samples.STRINGS)
        .validateLength(Samples.STRINGS, Length.min(2));
    assertThat(cs.errors().get(0)).isEqualTo(new ChangesetError("strings", "should have at least %{count} item(s)",
        Map.of("count", 2, "validation", "length", "kind", "min", "type", "list")));
  }

  @Test
  void lengthWithACustomMessage() {
    assertThat(post(Map.of("title", "ab")).validateLength(Posts.TITLE, Length.min(5), Length.message("too short"))
        .errors().get(0).message()).isEqualTo("too short");
  }

  @Test
  void lengthNeedsABound() {
    assertThatThrownBy(() -> post(Map.of()).validateLength(Posts.TITLE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Length.min, Length.max or Length.is");
  }

  @Test
  void numbersCompareWithEctosMessages() {
    assertThat(user(Map.of("age", "0")).validateNumber(Users.AGE, Numbers.greaterThan(0), Numbers.lessThan(150))
        .errors()).containsExactly(new ChangesetError("age", "must be greater than %{number}",
            Map.of("validation", "number", "kind", "greater_than", "number", 0)));
    assertThat(message(Numbers.lessThan(150), "150")).isEqualTo("must be less than 150");
    assertThat(message(Numbers.lessThanOrEqualTo(10), "11")).isEqualTo("must be less than or equal to 10");
    assertThat(message(Numbers.greaterThanOrEqualTo(18), "17")).isEqualTo("must be greater than or equal to 18");
    assertThat(message(Numbers.equalTo(1), "2")).isEqualTo("must be equal to 1");
    assertThat(message(Numbers.notEqualTo(1), "1")).isEqualTo("must be not equal to 1");
    assertThat(user(Map.of("age", "30")).validateNumber(Users.AGE, Numbers.greaterThan(0), Numbers.lessThan(150)).isValid())
        .isTrue();
  }

  @Test
  void numbersCompareAcrossNumericTypes() {
    Changeset<SampleStruct> cs = Changeset.cast(new SampleStruct(), Map.of("amount", "0.1"), Samples.AMOUNT)
        .validateNumber(Samples.AMOUNT, Numbers.greaterThan(0.05), Numbers.lessThanOrEqualTo(new BigDecimal("0.1")));
    assertThat(cs.isValid()).isTrue();
  }

  private static String message(Numbers rule, String age) {
    return user(Map.of("age", age)).validateNumber(Users.AGE, rule).errors().get(0).interpolated();
  }

  @Test
  void inclusionExclusionAndSubset() {
    assertThat(post(Map.of("title", "draft")).validateInclusion(Posts.TITLE, List.of("a", "b")).errors())
        .containsExactly(new ChangesetError("title", "is invalid", Map.of("validation", "inclusion", "enum", List.of("a", "b"))));
    assertThat(post(Map.of("title", "admin")).validateExclusion(Posts.TITLE, List.of("admin")).errors())
        .containsExactly(new ChangesetError("title", "is reserved", Map.of("validation", "exclusion", "enum", List.of("admin"))));
    Changeset<SampleStruct> moods = Changeset.cast(new SampleStruct(), Map.of("strings", List.of("a", "z")), Samples.STRINGS)
        .validateSubset(Samples.STRINGS, List.of("a", "b"));
    assertThat(moods.errors()).containsExactly(
        new ChangesetError("strings", "has an invalid entry", Map.of("validation", "subset", "enum", List.of("a", "b"))));
    assertThat(Changeset.cast(new SampleStruct(), Map.of("mood", "CALM"), Samples.MOOD)
        .validateInclusion(Samples.MOOD, List.of(Mood.CALM, Mood.HAPPY)).isValid()).isTrue();
  }

  @Test
  void acceptanceReadsTheParam() {
    assertThat(post(Map.of("terms", "false")).validateAcceptance("terms").errors())
        .containsExactly(new ChangesetError("terms", "must be accepted", Map.of("validation", "acceptance")));
    assertThat(post(Map.of("terms", "true")).validateAcceptance("terms").isValid()).isTrue();
    assertThat(post(Map.of()).validateAcceptance("terms").isValid()).isFalse();
  }

  @Test
  void confirmationPutsItsErrorOnTheConfirmationKey() {
    assertThat(user(Map.of("password", "secret-password", "passwordConfirmation", "other"))
        .validateConfirmation(Users.PASSWORD, false).errors())
        .containsExactly(new ChangesetError("passwordConfirmation", "does not match confirmation",
            Map.of("validation", "confirmation")));
    assertThat(user(Map.of("password", "secret-password", "password_confirmation", "secret-password"))
        .validateConfirmation(Users.PASSWORD, true).isValid()).isTrue();
    assertThat(user(Map.of("password", "secret-password")).validateConfirmation(Users.PASSWORD, false).isValid()).isTrue();
    assertThat(user(Map.of("password", "secret-password")).validateConfirmation(Users.PASSWORD, true).errors())
        .containsExactly(new ChangesetError("passwordConfirmation", "can't be blank", Map.of("validation", "required")));
  }

  @Test
  void validateChangeRunsOnlyOnChanges() {
    Changeset<PostStruct> cs = post(Map.of("title", "Spam offer"))
        .validateChange(Posts.TITLE, title -> title.contains("Spam") ? "looks like spam" : null)
        .validateChange(Posts.BODY, body -> "never called");
    assertThat(cs.errors()).containsExactly(new ChangesetError("title", "looks like spam", Map.of()));
  }

  @Test
  void validationsSkipFieldsThatAlreadyFailed() {
    Changeset<PostStruct> cs = post(Map.of("viewCount", "lots"))
        .validateNumber(Posts.VIEW_COUNT, Numbers.greaterThan(10));
    assertThat(cs.errors()).hasSize(1).first().extracting(ChangesetError::message).isEqualTo("is invalid");
  }

  @Test
  void errorsAreNewestFirstAndValidationsAreRecorded() {
    Changeset<UserStruct> cs = user(Map.of("name", "Ada", "email", "bad-email", "password", "short"))
        .validateRequired(Users.NAME, Users.EMAIL, Users.PASSWORD)
        .validateFormat(Users.EMAIL, Pattern.compile("@"), "must be a valid email")
        .validateLength(Users.PASSWORD, Length.min(8));
    assertThat(cs.errors()).extracting(ChangesetError::field).containsExactly("password", "email");
    assertThat(cs.validations()).extracting(Validation::kind).containsExactly("length", "format");
    assertThat(cs.validations().get(0).options()).containsEntry("min", 8);
  }

  @Test
  void traverseErrorsInterpolatesByField() {
    Changeset<UserStruct> cs = user(Map.of("email", "x", "password", "short"))
        .validateRequired(Users.NAME)
        .validateLength(Users.PASSWORD, Length.min(8))
        .validateLength(Users.EMAIL, Length.min(3))
        .validateFormat(Users.EMAIL, Pattern.compile("@"));
    assertThat(cs.traverseErrors()).containsExactly(
        Map.entry("name", List.of("can't be blank")),
        Map.entry("password", List.of("should be at least 8 character(s)")),
        Map.entry("email", List.of("has invalid format", "should be at least 3 character(s)")));
    assertThat(cs.traverseErrors(e -> e.message().toUpperCase())).containsEntry("name", List.of("CAN'T BE BLANK"));
  }
}
