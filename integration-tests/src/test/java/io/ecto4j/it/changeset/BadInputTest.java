package io.ecto4j.it.changeset;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.changeset.Changeset;
import io.ecto4j.changeset.ChangesetError;
import io.ecto4j.changeset.Length;
import io.ecto4j.it.schemas.SampleStruct;
import io.ecto4j.it.schemas.Samples;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hostile params: each becomes an error or is ignored, never an exception. */
class BadInputTest {
  @SafeVarargs
  private static Changeset<SampleStruct> cast(Map<String, ?> params, io.ecto4j.meta.Field<SampleStruct, ?>... fields) {
    return Changeset.cast(new SampleStruct(), params, fields);
  }

  private static List<String> invalidFields(Changeset<SampleStruct> cs) {
    return cs.errors().stream().filter(e -> e.message().equals("is invalid")).map(ChangesetError::field).toList();
  }

  @Test
  void nullsClearOrStayEmpty() {
    Map<String, Object> params = new HashMap<>();
    params.put("number", null);
    params.put("string", null);
    Changeset<SampleStruct> cs = cast(params, Samples.NUMBER, Samples.STRING);
    assertThat(cs.errors()).extracting(ChangesetError::field).containsExactly("number");
    assertThat(cs.changes()).isEmpty();
  }

  @Test
  void wrongShapes() {
    Changeset<SampleStruct> cs = cast(Map.of("string", List.of("a"), "number", Map.of("a", 1), "strings", "a,b",
        "document", List.of(1), "flag", 1, "mood", 2), Samples.STRING, Samples.NUMBER, Samples.STRINGS, Samples.DOCUMENT,
        Samples.FLAG, Samples.MOOD);
    assertThat(invalidFields(cs)).containsExactly("string", "number", "strings", "document", "flag", "mood");
  }

  @Test
  void numbersOutOfRangeNanAndInfinity() {
    Changeset<SampleStruct> cs = cast(Map.of("number", "2147483648", "small", 70000, "big", "1e400",
        "real", Double.NaN, "maybeReal", Double.NEGATIVE_INFINITY, "amount", "NaN"),
        Samples.NUMBER, Samples.SMALL, Samples.BIG, Samples.REAL, Samples.MAYBE_REAL, Samples.AMOUNT);
    assertThat(invalidFields(cs)).containsExactly("number", "small", "big", "real", "maybeReal", "amount");
  }

  @Test
  void invalidDatesAndUuids() {
    Changeset<SampleStruct> cs = cast(Map.of("localDate", "2026-02-30", "instant", "yesterday", "localTime", "24:61",
        "reference", "5f4a0c8e-7a8e-4a6b-9d2c-3b1f0e9d8c7"), Samples.LOCAL_DATE, Samples.INSTANT, Samples.LOCAL_TIME,
        Samples.REFERENCE);
    assertThat(invalidFields(cs)).containsExactly("localDate", "instant", "localTime", "reference");
  }

  @Test
  void aMegabyteStringIsCastAndMeasured() {
    String huge = "x".repeat(1 << 20);
    Changeset<SampleStruct> cs = cast(Map.of("text", huge, "number", "9".repeat(1 << 20)), Samples.TEXT, Samples.NUMBER)
        .validateLength(Samples.TEXT, Length.max(1000));
    assertThat(cs.errors()).extracting(ChangesetError::message)
        .containsExactly("should be at most %{count} character(s)", "is invalid");
  }

  @Test
  void tenThousandKeysAreIgnoredButThePermittedOne() {
    Map<String, Object> params = new HashMap<>();
    for (int i = 0; i < 10_000; i++) {
      params.put("key" + i, i);
    }
    params.put("number", "5");
    Changeset<SampleStruct> cs = cast(params, Samples.NUMBER);
    assertThat(cs.changes()).containsOnlyKeys(Samples.NUMBER);
  }

  @Test
  void unicodeCountsAsGraphemes() {
    Changeset<SampleStruct> cs = cast(Map.of("string", "🇫🇷👍🏽e\u0301"), Samples.STRING).validateLength(Samples.STRING, Length.is(3));
    assertThat(cs.isValid()).isTrue();
  }
}
