package io.ecto4j.it.changeset;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.changeset.Changeset;
import io.ecto4j.changeset.ChangesetError;
import io.ecto4j.it.schemas.Mood;
import io.ecto4j.it.schemas.PostStruct;
import io.ecto4j.it.schemas.Posts;
import io.ecto4j.it.schemas.SampleStruct;
import io.ecto4j.it.schemas.Samples;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Ecto's cast/4: coercion by type, permitted fields only, empty values, no-op changes, cast errors. */
class CastTest {

  @Test
  void coercesFormStringsToEveryType() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("number", "42");
    params.put("flag", "true");
    params.put("real", "1.5");
    params.put("amount", "12.50");
    params.put("reference", "5f4a0c8e-7a8e-4a6b-9d2c-3b1f0e9d8c7a");
    params.put("instant", "2026-11-23T10:00:00Z");
    params.put("localDate", "2026-02-28");
    params.put("localTime", "12:30:00");
    params.put("mood", "CALM");
    params.put("numbers", List.of("1", 2));
    params.put("document", Map.of("a", 1));
    Changeset<SampleStruct> cs = Changeset.cast(new SampleStruct(), params, Samples.NUMBER, Samples.FLAG,
        Samples.REAL, Samples.AMOUNT, Samples.REFERENCE, Samples.INSTANT, Samples.LOCAL_DATE, Samples.LOCAL_TIME,
        Samples.MOOD, Samples.NUMBERS, Samples.DOCUMENT);

    assertThat(cs.isValid()).isTrue();
    SampleStruct applied = cs.applyChanges();
    assertThat(applied.number()).isEqualTo(42);
    assertThat(applied.flag()).isTrue();
    assertThat(applied.real()).isEqualTo(1.5);
    assertThat(applied.amount()).isEqualByComparingTo("12.5");
    assertThat(applied.reference()).isEqualTo(UUID.fromString("5f4a0c8e-7a8e-4a6b-9d2c-3b1f0e9d8c7a"));
    assertThat(applied.instant()).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
    assertThat(applied.localDate()).isEqualTo(LocalDate.of(2026, 2, 28));
    assertThat(applied.localTime()).isEqualTo(LocalTime.of(12, 30));
    assertThat(applied.mood()).isEqualTo(Mood.CALM);
    assertThat(applied.numbers()).containsExactly(1, 2);
    assertThat(applied.document()).containsEntry("a", 1);
  }

  @Test
  void acceptsJsonNumbersAndBooleans() {
    Changeset<SampleStruct> cs = Changeset.cast(new SampleStruct(),
        Map.of("number", 7, "big", 9_000_000_000L, "flag", true, "amount", 3), Samples.NUMBER, Samples.BIG, Samples.FLAG,
        Samples.AMOUNT);
    assertThat(cs.applyChanges().number()).isEqualTo(7);
    assertThat(cs.applyChanges().big()).isEqualTo(9_000_000_000L);
    assertThat(cs.getChange(Samples.AMOUNT)).contains(new BigDecimal(3));
  }

  @Test
  void uncastableValuesBecomeIsInvalidInPermittedOrder() {
    Changeset<SampleStruct> cs = Changeset.cast(new SampleStruct(),
        Map.of("number", "forty-two", "flag", "maybe", "reference", "not-a-uuid"), Samples.NUMBER, Samples.FLAG,
        Samples.REFERENCE);
    assertThat(cs.isValid()).isFalse();
    assertThat(cs.changes()).isEmpty();
    assertThat(cs.errors()).containsExactly(
        new ChangesetError("number", "is invalid", Map.of("type", "integer", "validation", "cast")),
        new ChangesetError("flag", "is invalid", Map.of("type", "boolean", "validation", "cast")),
        new ChangesetError("reference", "is invalid", Map.of("type", "uuid", "validation", "cast")));
    assertThat(cs.errors().get(0).keys()).containsExactly(Map.entry("type", "integer"), Map.entry("validation", "cast"));
  }

  @Test
  void onlyPermittedFieldsAreCastAndUnknownKeysIgnored() {
    Changeset<PostStruct> cs = Changeset.cast(new PostStruct(),
        Map.of("title", "Hello", "viewCount", "1000", "id", "5", "is_admin", "true"), Posts.TITLE);
    assertThat(cs.changes()).containsOnlyKeys(Posts.TITLE);
    assertThat(cs.applyChanges().viewCount()).isZero();
    assertThat(cs.applyChanges().id()).isNull();
  }

  @Test
  void paramsMayUseTheFieldNameOrTheColumnName() {
    assertThat(Changeset.cast(new PostStruct(), Map.of("viewCount", "3"), Posts.VIEW_COUNT).getChange(Posts.VIEW_COUNT))
        .contains(3);
    assertThat(Changeset.cast(new PostStruct(), Map.of("view_count", "4"), Posts.VIEW_COUNT).getChange(Posts.VIEW_COUNT))
        .contains(4);
  }

  @Test
  void emptyAndBlankStringsBecomeTheDefault() {
    PostStruct post = new PostStruct().withTitle("Old").withViewCount(5);
    Changeset<PostStruct> cs = Changeset.cast(post, Map.of("title", "   ", "viewCount", ""), Posts.TITLE, Posts.VIEW_COUNT);
    assertThat(cs.changes()).containsEntry(Posts.TITLE, null).containsEntry(Posts.VIEW_COUNT, 0);
    assertThat(cs.isValid()).isTrue();
  }

  @Test
  void customEmptyValuesReplaceTheDefaultRule() {
    Changeset<PostStruct> cs = Changeset.cast(new PostStruct().withTitle("Old"), Map.of("title", "  ", "body", "n/a"),
        List.of(Posts.TITLE, Posts.BODY), value -> "n/a".equals(value));
    assertThat(cs.getChange(Posts.TITLE)).contains("  ");
    assertThat(cs.hasChange(Posts.BODY)).isFalse();
  }

  @Test
  void aValueEqualToTheCurrentOneIsNoChange() {
    PostStruct post = new PostStruct().withTitle("Same").withViewCount(3);
    Changeset<PostStruct> cs = Changeset.cast(post, Map.of("title", "Same", "viewCount", "3"), Posts.TITLE, Posts.VIEW_COUNT);
    assertThat(cs.changes()).isEmpty();
    Changeset<SampleStruct> decimals = Changeset.cast(new SampleStruct().withAmount(new BigDecimal("1.0")),
        Map.of("amount", "1.00"), Samples.AMOUNT);
    assertThat(decimals.changes()).isEmpty();
  }

  @Test
  void nullClearsAValue() {
    Changeset<PostStruct> cs = Changeset.cast(new PostStruct().withTitle("Old"), mapWithNull("title"), Posts.TITLE);
    assertThat(cs.changes()).containsEntry(Posts.TITLE, null);
  }

  @Test
  void castingOntoAChangesetAddsUpChangesErrorsAndParams() {
    Changeset<SampleStruct> first = Changeset.cast(new SampleStruct(), Map.of("number", "x"), Samples.NUMBER);
    Changeset<SampleStruct> second = first.cast(Map.of("flag", "true", "big", "y"), Samples.FLAG, Samples.BIG);
    assertThat(second.changes()).containsOnlyKeys(Samples.FLAG);
    assertThat(second.errors()).extracting(ChangesetError::field).containsExactly("number", "big");
    assertThat(second.params().orElseThrow()).containsKeys("number", "flag", "big");
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void keysThatAreNeitherStringsNorFieldsAreIgnored() {
    Map raw = new HashMap();
    raw.put(1, "one");
    raw.put("title", "ok");
    Changeset<PostStruct> cs = Changeset.cast(new PostStruct(), (Map<String, ?>) raw, Posts.TITLE);
    assertThat(cs.getChange(Posts.TITLE)).contains("ok");
    assertThat(cs.params().orElseThrow()).containsOnlyKeys("title");
  }

  private static Map<String, Object> mapWithNull(String key) {
    Map<String, Object> params = new HashMap<>();
    params.put(key, null);
    return params;
  }
}
