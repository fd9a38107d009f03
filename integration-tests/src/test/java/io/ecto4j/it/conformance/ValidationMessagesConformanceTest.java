package io.ecto4j.it.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.changeset.Changeset;
import io.ecto4j.changeset.ChangesetError;
import io.ecto4j.changeset.Length;
import io.ecto4j.changeset.Message;
import io.ecto4j.changeset.Numbers;
import io.ecto4j.changeset.Validation;
import io.ecto4j.it.schemas.PostStruct;
import io.ecto4j.it.schemas.Posts;
import io.ecto4j.it.schemas.SampleStruct;
import io.ecto4j.it.schemas.Samples;
import io.ecto4j.it.schemas.UserStruct;
import io.ecto4j.it.schemas.Users;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Ports of Ecto's {@code test/ecto/changeset_test.exs} about validation messages (issue #16): custom
 * messages and Ecto's {@code message: {"%{name} yada", name: "x"}} form ({@link Message}), and the
 * lengths of binaries, lists and maps.
 */
class ValidationMessagesConformanceTest {
  private static final Message YADA = Message.of("%{name} yada", "name", "x");

  /** Ecto's keyword metadata: keys and values in order. */
  private static Map<String, Object> keys(Object... keysAndValues) {
    Map<String, Object> keys = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      keys.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return keys;
  }

  private static Changeset<PostStruct> post(Map<String, ?> params) {
    return Changeset.cast(new PostStruct(), params, Posts.TITLE, Posts.BODY);
  }

  private static Changeset<SampleStruct> sample(Map<String, ?> params) {
    return Changeset.cast(new SampleStruct(), params, Samples.BYTES, Samples.STRINGS, Samples.DOCUMENT);
  }

  /** Ports changeset_test.exs "validate_required/3" (its custom message forms). */
  @Test
  void requiredWithACustomMessage() {
    assertThat(post(Map.of()).validateRequired(List.of(Posts.TITLE, Posts.BODY), "is blank").errors()).containsExactly(
        new ChangesetError("title", "is blank", keys("validation", "required")),
        new ChangesetError("body", "is blank", keys("validation", "required")));
    assertThat(post(Map.of()).validateRequired(List.of(Posts.TITLE, Posts.BODY), YADA).errors()).containsExactly(
        new ChangesetError("title", "%{name} yada", keys("validation", "required", "name", "x")),
        new ChangesetError("body", "%{name} yada", keys("validation", "required", "name", "x")));
    assertThat(post(Map.of()).validateRequired(List.of(Posts.TITLE), YADA).traverseErrors())
        .isEqualTo(Map.of("title", List.of("x yada")));
  }

  /** Ports changeset_test.exs "validate_format/4" (its custom message forms). */
  @Test
  void formatWithACustomMessage() {
    Changeset<PostStruct> changeset = post(Map.of("title", "foobar"));
    assertThat(changeset.validateFormat(Posts.TITLE, Pattern.compile("@"), "yada").errors())
        .containsExactly(new ChangesetError("title", "yada", keys("validation", "format")));
    assertThat(changeset.validateFormat(Posts.TITLE, Pattern.compile("@"), YADA).errors())
        .containsExactly(new ChangesetError("title", "%{name} yada", keys("validation", "format", "name", "x")));
  }

  /** Ports changeset_test.exs "validate_inclusion/3", "validate_subset/3" and "validate_exclusion/3" (custom messages). */
  @Test
  void inclusionSubsetAndExclusionWithCustomMessages() {
    Changeset<PostStruct> hello = post(Map.of("title", "hello"));
    assertThat(hello.validateInclusion(Posts.TITLE, List.of("world"), "yada").errors())
        .containsExactly(new ChangesetError("title", "yada", keys("validation", "inclusion", "enum", List.of("world"))));
    assertThat(hello.validateInclusion(Posts.TITLE, List.of("world"), YADA).errors()).containsExactly(
        new ChangesetError("title", "%{name} yada", keys("validation", "inclusion", "enum", List.of("world"), "name", "x")));

    Changeset<SampleStruct> topics = sample(Map.of("strings", List.of("cat", "laptop")));
    assertThat(topics.validateSubset(Samples.STRINGS, List.of("cat", "dog"), "yada").errors()).containsExactly(
        new ChangesetError("strings", "yada", keys("validation", "subset", "enum", List.of("cat", "dog"))));
    assertThat(topics.validateSubset(Samples.STRINGS, List.of("cat", "dog"), YADA).errors()).containsExactly(
        new ChangesetError("strings", "%{name} yada", keys("validation", "subset", "enum", List.of("cat", "dog"), "name", "x")));

    Changeset<PostStruct> world = post(Map.of("title", "world"));
    assertThat(world.validateExclusion(Posts.TITLE, List.of("world"), "yada").errors())
        .containsExactly(new ChangesetError("title", "yada", keys("validation", "exclusion", "enum", List.of("world"))));
    assertThat(world.validateExclusion(Posts.TITLE, List.of("world"), YADA).errors()).containsExactly(
        new ChangesetError("title", "%{name} yada", keys("validation", "exclusion", "enum", List.of("world"), "name", "x")));
  }

  /** Ports changeset_test.exs "validate_length/3 with string": the options given are recorded; custom messages. */
  @Test
  void lengthOfAStringWithCustomMessages() {
    Changeset<PostStruct> world = post(Map.of("title", "world"));
    assertThat(world.validateLength(Posts.TITLE, Length.min(3), Length.max(7)).validations())
        .containsExactly(new Validation("title", "length", keys("min", 3, "max", 7)));
    assertThat(world.validateLength(Posts.TITLE, Length.is(10), Length.message("yada")).errors()).containsExactly(
        new ChangesetError("title", "yada", keys("count", 10, "validation", "length", "kind", "is", "type", "string")));
    assertThat(world.validateLength(Posts.TITLE, Length.is(10), Length.message(YADA)).errors()).containsExactly(
        new ChangesetError("title", "%{name} yada",
            keys("count", 10, "validation", "length", "kind", "is", "type", "string", "name", "x")));
  }

  /** Ports changeset_test.exs "validate_length/3 with binary" on a {@code byte[]} field. */
  @Test
  void lengthOfABinary() {
    Changeset<SampleStruct> four = sample(Map.of()).putChange(Samples.BYTES, new byte[] {0, 1, 2, 3});
    assertThat(four.validateLength(Samples.BYTES, Length.count(Length.Count.BYTES), Length.min(3), Length.max(7)).isValid())
        .isTrue();
    Changeset<SampleStruct> five = sample(Map.of()).putChange(Samples.BYTES, new byte[] {0, 1, 2, 3, 4});
    assertThat(five.validateLength(Samples.BYTES, Length.min(5), Length.max(5)).isValid()).isTrue();
    assertThat(five.validateLength(Samples.BYTES, Length.is(5)).isValid()).isTrue();
    assertThat(five.validateLength(Samples.BYTES, Length.min(6)).errors()).containsExactly(new ChangesetError("bytes",
        "should be at least %{count} byte(s)", keys("count", 6, "validation", "length", "kind", "min", "type", "binary")));
    assertThat(five.validateLength(Samples.BYTES, Length.max(4)).errors()).containsExactly(new ChangesetError("bytes",
        "should be at most %{count} byte(s)", keys("count", 4, "validation", "length", "kind", "max", "type", "binary")));
    assertThat(five.validateLength(Samples.BYTES, Length.is(10)).errors()).containsExactly(new ChangesetError("bytes",
        "should be %{count} byte(s)", keys("count", 10, "validation", "length", "kind", "is", "type", "binary")));
    assertThat(five.validateLength(Samples.BYTES, Length.is(10), Length.message(YADA)).errors()).containsExactly(
        new ChangesetError("bytes", "%{name} yada",
            keys("count", 10, "validation", "length", "kind", "is", "type", "binary", "name", "x")));
  }

  /** Ports changeset_test.exs "validate_length/3 with list". */
  @Test
  void lengthOfAList() {
    assertThat(sample(Map.of("strings", List.of("Politics", "Security", "Economy", "Elections")))
        .validateLength(Samples.STRINGS, Length.min(3), Length.max(7)).isValid()).isTrue();
    Changeset<SampleStruct> two = sample(Map.of("strings", List.of("Politics", "Security")));
    assertThat(two.validateLength(Samples.STRINGS, Length.min(2), Length.max(2)).isValid()).isTrue();
    assertThat(two.validateLength(Samples.STRINGS, Length.min(6)).errors()).containsExactly(new ChangesetError("strings",
        "should have at least %{count} item(s)", keys("count", 6, "validation", "length", "kind", "min", "type", "list")));
    assertThat(sample(Map.of("strings", List.of("Politics", "Security", "Economy"))).validateLength(Samples.STRINGS,
        Length.max(2)).errors()).containsExactly(new ChangesetError("strings", "should have at most %{count} item(s)",
            keys("count", 2, "validation", "length", "kind", "max", "type", "list")));
    assertThat(two.validateLength(Samples.STRINGS, Length.is(10)).errors()).containsExactly(new ChangesetError("strings",
        "should have %{count} item(s)", keys("count", 10, "validation", "length", "kind", "is", "type", "list")));
    assertThat(two.validateLength(Samples.STRINGS, Length.is(10), Length.message("yada")).errors()).containsExactly(
        new ChangesetError("strings", "yada", keys("count", 10, "validation", "length", "kind", "is", "type", "list")));
    assertThat(two.validateLength(Samples.STRINGS, Length.is(10), Length.message(YADA)).errors()).containsExactly(
        new ChangesetError("strings", "%{name} yada",
            keys("count", 10, "validation", "length", "kind", "is", "type", "list", "name", "x")));
  }

  /** Ports changeset_test.exs "validate_length/3 with map". */
  @Test
  void lengthOfAMap() {
    Changeset<SampleStruct> two = sample(Map.of("document", Map.of("keywords", List.of("foo", "bar"), "slug", "my-post-1")));
    assertThat(two.validateLength(Samples.DOCUMENT, Length.min(2), Length.max(3)).isValid()).isTrue();
    assertThat(two.validateLength(Samples.DOCUMENT, Length.is(2)).isValid()).isTrue();
    assertThat(two.validateLength(Samples.DOCUMENT, Length.min(3)).errors()).containsExactly(new ChangesetError("document",
        "should have at least %{count} item(s)", keys("count", 3, "validation", "length", "kind", "min", "type", "map")));
    assertThat(two.validateLength(Samples.DOCUMENT, Length.max(1)).errors()).containsExactly(new ChangesetError("document",
        "should have at most %{count} item(s)", keys("count", 1, "validation", "length", "kind", "max", "type", "map")));
    assertThat(two.validateLength(Samples.DOCUMENT, Length.is(10), Length.message(YADA)).errors()).containsExactly(
        new ChangesetError("document", "%{name} yada",
            keys("count", 10, "validation", "length", "kind", "is", "type", "map", "name", "x")));
  }

  /** Ports changeset_test.exs "validate_number/3" (its custom message forms). */
  @Test
  void numberWithACustomMessage() {
    Changeset<PostStruct> changeset = Changeset.cast(new PostStruct(), Map.of("viewCount", 1), Posts.VIEW_COUNT);
    assertThat(changeset.validateNumber(Posts.VIEW_COUNT, Numbers.lessThan(0), Numbers.message("yada")).errors())
        .containsExactly(new ChangesetError("viewCount", "yada", keys("validation", "number", "kind", "less_than", "number", 0)));
    assertThat(changeset.validateNumber(Posts.VIEW_COUNT, Numbers.lessThan(0), Numbers.message(YADA)).errors())
        .containsExactly(new ChangesetError("viewCount", "%{name} yada",
            keys("validation", "number", "kind", "less_than", "number", 0, "name", "x")));
  }

  /** Ports changeset_test.exs "validate_acceptance/3" and "validate_confirmation/3" (their custom message forms). */
  @Test
  void acceptanceAndConfirmationWithCustomMessages() {
    Changeset<UserStruct> empty = Changeset.cast(new UserStruct(), Map.of("termsOfService", "false"), Users.NAME);
    assertThat(empty.validateAcceptance("termsOfService", "must be abided").errors())
        .containsExactly(new ChangesetError("termsOfService", "must be abided", keys("validation", "acceptance")));
    assertThat(empty.validateAcceptance("termsOfService", YADA).errors()).containsExactly(
        new ChangesetError("termsOfService", "%{name} yada", keys("validation", "acceptance", "name", "x")));

    Changeset<UserStruct> mismatch = Changeset.cast(new UserStruct(), Map.of("name", "hello", "nameConfirmation", "other"),
        Users.NAME);
    assertThat(mismatch.validateConfirmation(Users.NAME, false, YADA).errors()).containsExactly(
        new ChangesetError("nameConfirmation", "%{name} yada", keys("validation", "confirmation", "name", "x")));
  }

  /** Ports the list cases of changeset_test.exs "validate_required/3": an empty list is missing only when it is an empty value. */
  @Test
  void requiredWithAListAsAnEmptyValue() {
    SampleStruct foo = new SampleStruct().withStrings(List.of("foo"));
    assertThat(Changeset.cast(foo, Map.of("strings", List.of()), Samples.STRINGS).validateRequired(Samples.STRINGS)
        .errors()).isEmpty();
    assertThat(Changeset.cast(foo, Map.of("strings", List.of()), io.ecto4j.changeset.CastOptions.defaults()
        .emptyValues(List.of(), ""), Samples.STRINGS).validateRequired(Samples.STRINGS).errors())
        .containsExactly(new ChangesetError("strings", "can't be blank", keys("validation", "required")));
  }

  /** Ports the invalid-params case of changeset_test.exs "validate_acceptance/3": invalid, with no error, the validation recorded. */
  @Test
  void acceptanceOfInvalidParams() {
    Changeset<UserStruct> changeset = Changeset.cast(new UserStruct(), null, Users.NAME).validateAcceptance("termsOfService");
    assertThat(changeset.isValid()).isFalse();
    assertThat(changeset.errors()).isEmpty();
    assertThat(changeset.validations()).containsExactly(new Validation("termsOfService", "acceptance", Map.of()));
  }
}
