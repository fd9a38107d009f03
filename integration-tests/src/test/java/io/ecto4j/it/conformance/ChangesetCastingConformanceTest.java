package io.ecto4j.it.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.Result;
import io.ecto4j.changeset.CastOptions;
import io.ecto4j.changeset.Changeset;
import io.ecto4j.changeset.ChangesetError;
import io.ecto4j.changeset.Length;
import io.ecto4j.changeset.Validation;
import io.ecto4j.it.schemas.PostStruct;
import io.ecto4j.it.schemas.Posts;
import io.ecto4j.it.schemas.SampleStruct;
import io.ecto4j.it.schemas.Samples;
import io.ecto4j.repo.InvalidChangesetException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Ports of Ecto's {@code test/ecto/changeset_test.exs} about casting (params keyed by fields, null
 * params as {@code :invalid}, empty values by type, {@code force_changes}, {@code message}) and change
 * tracking ({@code fetch_change}, {@code changed?}, {@code merge}, {@code traverse_validations},
 * {@code apply_action!}), issue #16. Each test names the Ecto test it ports.
 */
class ChangesetCastingConformanceTest {

  private static Map<Object, Object> params(Object... keysAndValues) {
    Map<Object, Object> params = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      params.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return params;
  }

  /** Ports changeset_test.exs "cast/4: with valid atom keys": params keyed by typed fields read as by names. */
  @Test
  void paramsKeyedByFieldsAreReadLikeStringKeys() {
    PostStruct post = new PostStruct();
    Changeset<PostStruct> cs = Changeset.cast(post, Map.of(Posts.TITLE, "hello", Posts.BODY, "world"),
        Posts.TITLE, Posts.BODY);
    assertThat(cs.params().orElseThrow()).isEqualTo(Map.of("title", "hello", "body", "world"));
    assertThat(cs.data()).isEqualTo(post);
    assertThat(cs.changes()).isEqualTo(Map.of(Posts.TITLE, "hello", Posts.BODY, "world"));
    assertThat(cs.errors()).isEmpty();
    assertThat(cs.validations()).isEmpty();
    assertThat(cs.required()).isEmpty();
    assertThat(cs.isValid()).isTrue();
  }

  /** Ports changeset_test.exs "cast/4: fails on bad arguments" (the mixed keys case; a list or string does not compile). */
  @Test
  void aMapMixingStringAndFieldKeysIsRefused() {
    assertThatThrownBy(() -> Changeset.cast(new PostStruct(), params("title", "foo", Posts.BODY, "bar"), Posts.TITLE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("expected params to be a map with field or string keys, got a map with mixed keys: [title, ")
        .hasMessageNotContaining("bar");
    assertThatThrownBy(() -> Changeset.cast(new PostStruct(), params(Posts.BODY, "bar", "title", "foo"), Posts.TITLE))
        .hasMessageContaining("mixed keys");
  }

  /** Ports changeset_test.exs "cast/4: struct with :invalid parameters": null params are Ecto's :invalid. */
  @Test
  void nullParamsMakeTheChangesetInvalidWithoutErrors() {
    PostStruct post = new PostStruct();
    Changeset<PostStruct> cs = Changeset.cast(post, null, Posts.TITLE, Posts.BODY);
    assertThat(cs.data()).isEqualTo(post);
    assertThat(cs.params()).isEmpty();
    assertThat(cs.changes()).isEmpty();
    assertThat(cs.errors()).isEmpty();
    assertThat(cs.validations()).isEmpty();
    assertThat(cs.isValid()).isFalse();
  }

  /** Ports changeset_test.exs "cast/4: changeset with :invalid parameters": earlier params and changes stay. */
  @Test
  void nullParamsOntoAChangesetKeepItsParamsAndChanges() {
    Changeset<PostStruct> cs = Changeset.cast(new PostStruct(), Map.of("title", "sample"), Posts.TITLE)
        .cast(null, Posts.BODY);
    assertThat(cs.params().orElseThrow()).isEqualTo(Map.of("title", "sample"));
    assertThat(cs.changes()).isEqualTo(Map.of(Posts.TITLE, "sample"));
    assertThat(cs.errors()).isEmpty();
    assertThat(cs.validations()).isEmpty();
    assertThat(cs.isValid()).isFalse();
  }

  /** Ports changeset_test.exs "cast/4: with nested empty values": empty elements of a list param are dropped. */
  @Test
  void emptyElementsOfAListParamAreDropped() {
    Changeset<SampleStruct> cs = Changeset.cast(new SampleStruct().withStrings(List.of("foo")),
        Map.of("strings", List.of("", "bar", "")), Samples.STRINGS);
    assertThat(cs.changes()).isEqualTo(Map.of(Samples.STRINGS, List.of("bar")));
  }

  /** Ports changeset_test.exs "cast/4: with binary empty values": a tab is data in a binary field, not in a string one. */
  @Test
  void aTabIsDataInABinaryFieldOnly() {
    Changeset<SampleStruct> binary = Changeset.cast(new SampleStruct(), Map.of("bytes", "\t"), Samples.BYTES);
    assertThat(binary.getChange(Samples.BYTES)).hasValueSatisfying(bytes -> assertThat(bytes).containsExactly(9));
    Changeset<SampleStruct> empty = Changeset.cast(new SampleStruct(), Map.of("bytes", ""), Samples.BYTES);
    assertThat(empty.changes()).isEmpty();
    Changeset<SampleStruct> string = Changeset.cast(new SampleStruct().withString("x"), Map.of("string", "\t"),
        Samples.STRING);
    assertThat(string.changes()).containsEntry(Samples.STRING, null);
  }

  /** Ports changeset_test.exs "cast/4: with matching empty values": an empty param onto the default is no change. */
  @Test
  void anEmptyParamOntoTheDefaultIsNoChange() {
    Map<String, Object> params = new HashMap<>();
    params.put("title", "");
    params.put("body", null);
    Changeset<PostStruct> cs = Changeset.cast(new PostStruct(), params, Posts.TITLE, Posts.BODY);
    assertThat(cs.changes()).isEmpty();
  }

  /** Ports changeset_test.exs "cast/4: with force_changes": values equal to the data are kept as changes. */
  @Test
  void forceChangesKeepsValuesEqualToTheData() {
    Map<String, Object> params = new HashMap<>();
    params.put("title", "");
    params.put("body", null);
    Changeset<PostStruct> forced = Changeset.cast(new PostStruct(), params, CastOptions.defaults().forceChanges(),
        Posts.TITLE, Posts.BODY);
    Map<Object, Object> expected = new HashMap<>();
    expected.put(Posts.TITLE, null);
    expected.put(Posts.BODY, null);
    assertThat(forced.changes()).isEqualTo(expected);

    Changeset<PostStruct> emptied = Changeset.cast(new PostStruct(), Map.of("title", "not empty", "body", "empty"),
        CastOptions.defaults().forceChanges().trimValues((type, value) -> "empty".equals(value) ? "" : value),
        Posts.TITLE, Posts.BODY);
    Map<Object, Object> both = new HashMap<>();
    both.put(Posts.TITLE, "not empty");
    both.put(Posts.BODY, null);
    assertThat(emptied.changes()).isEqualTo(both);
  }

  /**
   * Ports changeset_test.exs "cast/4: with custom trim values": the function sees the field's type
   * and the param; a param it trims to an empty value becomes the field's default (title's is null
   * here, Ecto's Post has {@code ""}), and the others are cast as given, untrimmed.
   */
  @Test
  void customTrimValuesDecideWhatIsEmpty() {
    List<String> typesSeen = new ArrayList<>();
    Map<String, Object> params = new HashMap<>();
    params.put("title", "empty");
    params.put("body", null);
    params.put("view_count", "7");
    Changeset<PostStruct> cs = Changeset.cast(new PostStruct().withTitle("foo").withBody("bar"), params,
        CastOptions.defaults().trimValues((type, value) -> {
          typesSeen.add(type.name());
          return "empty".equals(value) ? "" : value;
        }), Posts.TITLE, Posts.BODY, Posts.VIEW_COUNT);
    Map<Object, Object> expected = new HashMap<>();
    expected.put(Posts.TITLE, null);
    expected.put(Posts.BODY, null);
    expected.put(Posts.VIEW_COUNT, 7);
    assertThat(cs.changes()).isEqualTo(expected);
    assertThat(typesSeen).containsExactly(Posts.TITLE.type().name(), Posts.BODY.type().name(),
        Posts.VIEW_COUNT.type().name());

    Changeset<PostStruct> untrimmed = Changeset.cast(new PostStruct(), Map.of("title", "  "),
        CastOptions.defaults().trimValues((type, value) -> value), Posts.TITLE);
    assertThat(untrimmed.changes()).isEqualTo(Map.of(Posts.TITLE, "  "));
  }

  /**
   * Ports the {@code empty_values: [[], nil]} example of Ecto's cast/4 docs: the per-call values
   * replace {@code [""]}, so {@code ""} is data and an empty list is empty.
   */
  @Test
  void emptyValuesPerCallReplaceTheDefault() {
    Changeset<SampleStruct> cs = Changeset.cast(new SampleStruct().withStrings(List.of("a")),
        Map.of("string", "", "strings", List.of()), CastOptions.defaults().emptyValues(List.of(), null),
        Samples.STRING, Samples.STRINGS);
    assertThat(cs.getChange(Samples.STRING)).contains("");
    assertThat(cs.hasChange(Samples.STRINGS)).isTrue();
    assertThat(cs.getChange(Samples.STRINGS, List.of("x"))).isNull();
  }

  /**
   * Ports the list cases of changeset_test.exs "validate_required/3": the empty values of cast stay
   * with the changeset, so {@code validateRequired} finds an empty list (or one emptied by filtering) blank.
   */
  @Test
  void emptyValuesOfCastStayForValidateRequired() {
    Changeset<SampleStruct> plain = Changeset.cast(new SampleStruct().withStrings(List.of("foo")),
        Map.of("strings", List.of()), Samples.STRINGS).validateRequired(Samples.STRINGS);
    assertThat(plain.errors()).isEmpty();

    for (List<String> param : List.of(List.<String>of(), List.of("", ""))) {
      Changeset<SampleStruct> emptied = Changeset.cast(new SampleStruct().withStrings(List.of("foo")),
          Map.of("strings", param), CastOptions.defaults().emptyValues(List.of(), ""), Samples.STRINGS)
          .validateRequired(Samples.STRINGS);
      assertThat(emptied.errors()).containsExactly(
          new ChangesetError("strings", "can't be blank", Map.of("validation", "required")));
    }

    Changeset<SampleStruct> kept = Changeset.cast(new SampleStruct().withStrings(List.of()), Map.of(),
        CastOptions.defaults().emptyValues(List.of(), ""), Samples.STRINGS).validateRequired(Samples.STRINGS);
    assertThat(kept.errorsOn(Samples.STRINGS)).extracting(ChangesetError::message).containsExactly("can't be blank");
  }

  /**
   * Regression test for issue #16 (Ecto's {@code cast_field}: a value equal to the current one is
   * {@code :missing}): casting the pending change's value again keeps the change, and casting the
   * data's value over a pending change records it, as Ecto compares with the pending change only.
   */
  @Test
  void castingOverAPendingChangeComparesWithIt() {
    Changeset<PostStruct> pending = Changeset.cast(new PostStruct().withTitle("old"), Map.of("title", "new"), Posts.TITLE);
    assertThat(pending.cast(Map.of("title", "new"), Posts.TITLE).changes()).isEqualTo(Map.of(Posts.TITLE, "new"));
    assertThat(pending.cast(Map.of("title", "old"), Posts.TITLE).changes()).isEqualTo(Map.of(Posts.TITLE, "old"));
  }

  /** Ports changeset_test.exs "cast/4: user-defined error message overrides default invalid error message". */
  @Test
  void aMessageFunctionOverridesCastErrors() {
    Map<String, String> custom = Map.of("number", "must be a number");
    Changeset<SampleStruct> cs = Changeset.cast(new SampleStruct(), params("number", "one", "flag", "maybe"),
        CastOptions.defaults().message((field, meta) -> custom.get(field)), Samples.NUMBER, Samples.FLAG);
    assertThat(cs.changes()).isEmpty();
    assertThat(cs.errors()).containsExactly(
        new ChangesetError("number", "must be a number", Map.of("type", "integer", "validation", "cast")),
        new ChangesetError("flag", "is invalid", Map.of("type", "boolean", "validation", "cast")));
    assertThat(cs.isValid()).isFalse();

    Changeset<SampleStruct> byType = Changeset.cast(new SampleStruct(), params("number", "one"),
        CastOptions.defaults().message((field, meta) -> "integer".equals(meta.get("type")) ? "not an integer" : null),
        Samples.NUMBER);
    assertThat(byType.errors()).extracting(ChangesetError::message).containsExactly("not an integer");
  }

  private static Changeset<SampleStruct> fooWithNullNumber() {
    Map<String, Object> params = new HashMap<>();
    params.put("string", "foo");
    params.put("text", null);
    params.put("maybeNumber", null);
    return Changeset.cast(new SampleStruct().withMaybeNumber(3), params, Samples.STRING, Samples.TEXT,
        Samples.MAYBE_NUMBER);
  }

  /** Ports changeset_test.exs "fetch_change/2" and "fetch_change!/2": a change to null is a change. */
  @Test
  void aChangeToNullIsTellableFromNoChange() {
    Changeset<SampleStruct> cs = fooWithNullNumber();
    assertThat(cs.fetchChangeOrThrow(Samples.STRING)).isEqualTo("foo");
    assertThat(cs.hasChange(Samples.TEXT)).isFalse();
    assertThat(cs.hasChange(Samples.MAYBE_NUMBER)).isTrue();
    assertThat(cs.fetchChangeOrThrow(Samples.MAYBE_NUMBER)).isNull();
    assertThatThrownBy(() -> cs.fetchChangeOrThrow(Samples.TEXT))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessage("key text not found in: {string: foo, maybeNumber: null}");
  }

  /** Ports changeset_test.exs "get_change/3": the default is for no change, not for a change to null. */
  @Test
  void getChangeWithADefault() {
    Changeset<SampleStruct> cs = fooWithNullNumber();
    assertThat(cs.getChange(Samples.STRING, "other")).isEqualTo("foo");
    assertThat(cs.getChange(Samples.TEXT)).isEmpty();
    assertThat(cs.getChange(Samples.TEXT, "other")).isEqualTo("other");
    assertThat(cs.getChange(Samples.MAYBE_NUMBER)).isEmpty();
    assertThat(cs.getChange(Samples.MAYBE_NUMBER, 7)).isNull();
  }

  /** Ports changeset_test.exs "changed?/3 " for fields (associations are helper O's part). */
  @Test
  void changedWithFromAndTo() {
    Map<io.ecto4j.meta.Field<SampleStruct, ?>, Object> changes = new HashMap<>();
    changes.put(Samples.STRING, "title");
    changes.put(Samples.MAYBE_NUMBER, null);
    Changeset<SampleStruct> cs = Changeset.change(new SampleStruct().withString("").withMaybeNumber(0), changes);

    assertThat(cs.changed(Samples.STRING)).isTrue();
    assertThat(cs.changed(Samples.MAYBE_NUMBER)).isTrue();
    assertThat(cs.changed(Samples.TEXT)).isFalse();

    assertThat(cs.changedTo(Samples.STRING, "title")).isTrue();
    assertThat(cs.changedTo(Samples.MAYBE_NUMBER, null)).isTrue();
    assertThat(cs.changedTo(Samples.STRING, "wrong")).isFalse();
    assertThat(cs.changedTo(Samples.TEXT, null)).isFalse();

    assertThat(cs.changedFrom(Samples.STRING, "")).isTrue();
    assertThat(cs.changedFrom(Samples.MAYBE_NUMBER, 0)).isTrue();
    assertThat(cs.changedFrom(Samples.STRING, "wrong")).isFalse();
    assertThat(cs.changedFrom(Samples.TEXT, null)).isFalse();

    assertThat(cs.changed(Samples.STRING, "", "title")).isTrue();
    assertThat(cs.changed(Samples.STRING, "wrong", "title")).isFalse();
    assertThat(cs.changed(Samples.STRING, "", "wrong")).isFalse();
  }

  /** Ports changeset_test.exs "merge/2: merges changes". */
  @Test
  void mergeMergesChanges() {
    Changeset<PostStruct> title = Changeset.cast(new PostStruct(), Map.of(Posts.TITLE, "foo"), Posts.TITLE);
    Changeset<PostStruct> body = Changeset.cast(new PostStruct(), Map.of(Posts.BODY, "bar"), Posts.BODY);
    assertThat(title.merge(body).changes()).isEqualTo(Map.of(Posts.BODY, "bar", Posts.TITLE, "foo"));

    Changeset<PostStruct> other = Changeset.cast(new PostStruct(), Map.of(Posts.TITLE, "bar"), Posts.TITLE);
    Changeset<PostStruct> merged = title.merge(other);
    assertThat(merged.isValid()).isTrue();
    assertThat(merged.params().orElseThrow()).isEqualTo(Map.of("title", "bar"));
    assertThat(merged.changes()).isEqualTo(Map.of(Posts.TITLE, "bar"));
  }

  /** Ports changeset_test.exs "merge/2: merges errors". */
  @Test
  void mergeMergesErrors() {
    Changeset<PostStruct> first = Changeset.cast(new PostStruct(), Map.of(), Posts.TITLE).validateRequired(Posts.TITLE);
    Changeset<PostStruct> second = Changeset.cast(new PostStruct(), Map.of(), Posts.TITLE, Posts.BODY)
        .validateRequired(Posts.TITLE, Posts.BODY);
    Changeset<PostStruct> merged = first.merge(second);
    assertThat(merged.isValid()).isFalse();
    assertThat(merged.errors()).containsExactly(
        new ChangesetError("title", "can't be blank", Map.of("validation", "required")),
        new ChangesetError("body", "can't be blank", Map.of("validation", "required")));
  }

  /** Ports changeset_test.exs "merge/2: merges validations". */
  @Test
  void mergeMergesValidations() {
    Changeset<PostStruct> first = Changeset.cast(new PostStruct(), Map.of("title", "Title"), Posts.TITLE)
        .validateLength(Posts.TITLE, Length.min(1), Length.max(10));
    Changeset<PostStruct> second = Changeset.cast(new PostStruct(), Map.of("body", "Body"), Posts.BODY)
        .validateFormat(Posts.BODY, Pattern.compile("B"));
    Changeset<PostStruct> merged = first.merge(second);
    assertThat(merged.isValid()).isTrue();
    assertThat(merged.validations()).extracting(v -> v.field() + ":" + v.kind())
        .containsExactly("title:length", "body:format");
  }

  /** Ports changeset_test.exs "merge/2: merges constraints". */
  @Test
  void mergeMergesConstraints() {
    Changeset<PostStruct> first = Changeset.cast(new PostStruct(), Map.of("title", "Title"), Posts.TITLE)
        .uniqueConstraint(Posts.TITLE);
    Changeset<PostStruct> second = Changeset.cast(new PostStruct(), Map.of("body", "Body"), Posts.BODY)
        .uniqueConstraint(Posts.BODY);
    Changeset<PostStruct> merged = first.merge(second);
    assertThat(merged.isValid()).isTrue();
    assertThat(merged.constraints()).hasSize(2);
  }

  /**
   * Ports changeset_test.exs "merge/2: merges prepare changes callbacks": both preparers are kept, this
   * changeset's first, and the filters merged (the optimistic lock adds its change in a prepare step, as Ecto's).
   */
  @Test
  void mergeMergesPreparersAndFilters() {
    PostStruct post = new PostStruct().withViewCount(0);
    Changeset<PostStruct> titled = Changeset.change(post).prepareChanges(cs -> cs.putChange(Posts.TITLE, "Title"));
    Changeset<PostStruct> locked = Changeset.change(post).optimisticLock(Posts.VIEW_COUNT);
    for (Changeset<PostStruct> merged : List.of(titled.merge(locked), locked.merge(titled))) {
      assertThat(merged.preparers()).hasSize(2);
      assertThat(merged.filters()).isEqualTo(Map.of(Posts.VIEW_COUNT, 0));
      Changeset<PostStruct> prepared = merged;
      for (var preparer : merged.preparers()) {
        prepared = preparer.apply(prepared);
      }
      assertThat(prepared.changes()).isEqualTo(Map.of(Posts.TITLE, "Title", Posts.VIEW_COUNT, 1));
    }
    Changeset<PostStruct> twice = titled.merge(Changeset.change(post).prepareChanges(cs -> cs.putChange(Posts.BODY, "b")));
    assertThat(twice.preparers()).hasSize(2);
  }

  /** Ports changeset_test.exs "merge/2: merges parameters". */
  @Test
  void mergeMergesParams() {
    Changeset<PostStruct> empty = Changeset.cast(new PostStruct(), Map.of(), Posts.TITLE);
    Changeset<PostStruct> foo = Changeset.cast(new PostStruct(), Map.of("body", "foo"), Posts.BODY);
    Changeset<PostStruct> bar = Changeset.cast(new PostStruct(), Map.of("body", "bar"), Posts.BODY);
    assertThat(foo.merge(bar).params()).contains(Map.of("body", "bar"));
    assertThat(foo.merge(empty).params()).contains(Map.of("body", "foo"));
    assertThat(empty.merge(bar).params()).contains(Map.of("body", "bar"));
    assertThat(empty.merge(empty).params()).contains(Map.of());
    assertThat(Changeset.change(new PostStruct()).merge(Changeset.change(new PostStruct())).params()).isEmpty();
  }

  /**
   * Ports changeset_test.exs "merge/2: gives required fields precedence over optional ones" and
   * "merge/2: doesn't duplicate required or optional fields".
   */
  @Test
  void mergeJoinsRequiredFieldsOnce() {
    Changeset<PostStruct> required = Changeset.cast(new PostStruct(), Map.of(), Posts.TITLE).validateRequired(Posts.TITLE);
    Changeset<PostStruct> optional = Changeset.cast(new PostStruct(), Map.of(), Posts.TITLE);
    assertThat(required.merge(optional).required()).containsExactly(Posts.TITLE);

    Changeset<PostStruct> first = Changeset.cast(new PostStruct(), Map.of(), Posts.TITLE, Posts.BODY)
        .validateRequired(Posts.TITLE, Posts.BODY);
    Changeset<PostStruct> second = Changeset.cast(new PostStruct(), Map.of(), Posts.BODY, Posts.TITLE)
        .validateRequired(Posts.BODY, Posts.TITLE);
    assertThat(first.merge(second).required()).containsExactlyInAnyOrder(Posts.TITLE, Posts.BODY);
  }

  /** Ports changeset_test.exs "merge/2: merges the :action field when either one is nil". */
  @Test
  void mergeKeepsTheOnlyAction() {
    Changeset<PostStruct> insert = Changeset.change(new PostStruct()).withAction(Changeset.Action.INSERT);
    Changeset<PostStruct> none = Changeset.change(new PostStruct());
    Changeset<PostStruct> update = Changeset.change(new PostStruct()).withAction(Changeset.Action.UPDATE);
    assertThat(insert.merge(none).action()).contains(Changeset.Action.INSERT);
    assertThat(none.merge(update).action()).contains(Changeset.Action.UPDATE);
  }

  /** Ports changeset_test.exs "merge/2: fails when the :data, :repo or :action field are not equal" (no repo field in ecto4j). */
  @Test
  void mergeRefusesDifferentDataOrActions() {
    Changeset<PostStruct> foo = Changeset.cast(new PostStruct().withTitle("foo"), Map.of(), Posts.TITLE);
    Changeset<PostStruct> bar = Changeset.cast(new PostStruct().withTitle("bar"), Map.of(), Posts.TITLE);
    assertThatThrownBy(() -> foo.merge(bar)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("different data when merging changesets");
    Changeset<PostStruct> insert = Changeset.change(new PostStruct()).withAction(Changeset.Action.INSERT);
    Changeset<PostStruct> update = Changeset.change(new PostStruct()).withAction(Changeset.Action.UPDATE);
    assertThatThrownBy(() -> insert.merge(update)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("different actions (`insert` and `update`) when merging changesets");
  }

  /** Regression test for issue #16: changesets cast with different empty values do not merge, as in Ecto. */
  @Test
  void mergeRefusesDifferentEmptyValues() {
    Changeset<PostStruct> plain = Changeset.cast(new PostStruct(), Map.of(), Posts.TITLE);
    Changeset<PostStruct> lists = Changeset.cast(new PostStruct(), Map.of(), CastOptions.defaults().emptyValues("", "-"),
        Posts.TITLE);
    Changeset<PostStruct> same = Changeset.cast(new PostStruct(), Map.of(), CastOptions.defaults().emptyValues("", "-"),
        Posts.TITLE);
    assertThat(lists.merge(same).isValid()).isTrue();
    assertThatThrownBy(() -> plain.merge(lists)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("different empty values");
  }

  /** Ports changeset_test.exs "traverses changeset validations" and "traverses changeset validations with field". */
  @Test
  void traverseValidationsGroupsByFieldNewestFirst() {
    Changeset<PostStruct> cs = Changeset.cast(new PostStruct(), Map.of("title", "title", "body", "hi"),
            Posts.TITLE, Posts.BODY)
        .validateLength(Posts.BODY, Length.min(3))
        .validateFormat(Posts.BODY, Pattern.compile("888"))
        .validateInclusion(Posts.TITLE, List.of("good", "bad"));
    Map<String, Object> rendered = cs.traverseValidations(v -> switch (v.kind()) {
      case "length" -> "length " + v.options().getOrDefault("min", 0) + "-" + v.options().getOrDefault("max", 32);
      case "format" -> "format /" + v.options().get("format") + "/";
      case "inclusion" -> v.field() + " must be one of: " + String.join(", ", asStrings(v.options().get("enum")));
      default -> v.kind();
    });
    assertThat(rendered).isEqualTo(Map.of(
        "body", List.of("format /888/", "length 3-32"),
        "title", List.of("title must be one of: good, bad")));
    assertThat(cs.traverseValidations().get("body")).asList().extracting(v -> ((Validation) v).kind())
        .containsExactly("format", "length");
  }

  private static List<String> asStrings(Object values) {
    List<String> strings = new ArrayList<>();
    for (Object value : (Iterable<?>) values) {
      strings.add(String.valueOf(value));
    }
    return strings;
  }

  /** Ports changeset_test.exs "apply_action/2" "valid changeset" and "invalid changeset". */
  @Test
  void applyActionReturnsTheDataOrTheChangesetWithTheAction() {
    Result<PostStruct, Changeset<PostStruct>> ok = Changeset.cast(new PostStruct(), Map.of("title", "foo"), Posts.TITLE)
        .applyAction(Changeset.Action.UPDATE);
    assertThat(ok.orElseThrow().title()).isEqualTo("foo");
    Changeset<PostStruct> invalid = Changeset.cast(new PostStruct(), Map.of("title", "foo"), Posts.TITLE)
        .validateLength(Posts.TITLE, Length.min(10));
    Result<PostStruct, Changeset<PostStruct>> err = invalid.applyAction(Changeset.Action.UPDATE);
    assertThat(err).isEqualTo(Result.err(invalid.withAction(Changeset.Action.UPDATE)));
  }

  /** Ports changeset_test.exs "apply_action!/2" "valid changeset" and "invalid changeset". */
  @Test
  void applyActionOrThrowRaisesEctosError() {
    PostStruct post = Changeset.cast(new PostStruct(), Map.of("title", "foo"), Posts.TITLE)
        .applyActionOrThrow(Changeset.Action.UPDATE);
    assertThat(post.title()).isEqualTo("foo");
    Changeset<PostStruct> invalid = Changeset.cast(new PostStruct(), Map.of("title", "foo"), Posts.TITLE)
        .validateLength(Posts.TITLE, Length.min(10));
    assertThatThrownBy(() -> invalid.applyActionOrThrow(Changeset.Action.UPDATE))
        .isInstanceOf(InvalidChangesetException.class)
        .hasMessageStartingWith("could not perform update because the Post changeset is invalid.")
        .satisfies(e -> assertThat(((InvalidChangesetException) e).changeset().action())
            .contains(Changeset.Action.UPDATE));
  }
}
