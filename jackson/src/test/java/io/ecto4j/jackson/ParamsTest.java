package io.ecto4j.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

/** A JSON body read as the params map {@code Changeset.cast} takes. */
class ParamsTest {
  private final JsonMapper json = JsonMapper.builder().addModule(new EctoJacksonModule()).build();

  @Test
  void numbersKeepTheirPrecision() {
    Map<String, Object> params = json.readValue("""
        {"small":42,"negative":-7,"long":9000000000,"huge":123456789012345678901234567890,
         "price":19.90,"exponent":1e2,"tiny":0.1}""", Params.class).asMap();

    assertThat(params).containsExactly(
        Map.entry("small", 42L),
        Map.entry("negative", -7L),
        Map.entry("long", 9_000_000_000L),
        Map.entry("huge", new BigInteger("123456789012345678901234567890")),
        Map.entry("price", new BigDecimal("19.90")),
        Map.entry("exponent", new BigDecimal("1e2")),
        Map.entry("tiny", new BigDecimal("0.1")));
  }

  @Test
  void nestedObjectsAreMapsAndArraysListsInTheirOrder() {
    Map<String, Object> params = json.readValue("""
        {"title":"Hello","draft":false,"note":null,"author":{"name":"Ada","admin":true},
         "comments":[{"body":"First!"},{"body":"Second","tags":["a","b"]}]}""", Params.class).asMap();

    assertThat(params.keySet()).containsExactly("title", "draft", "note", "author", "comments");
    assertThat(params).containsEntry("draft", false).containsEntry("note", null);
    assertThat(params.get("author")).isEqualTo(Map.of("name", "Ada", "admin", true));
    assertThat(params.get("comments")).isEqualTo(List.of(Map.of("body", "First!"),
        Map.of("body", "Second", "tags", List.of("a", "b"))));
  }

  @Test
  void theMapIsUnmodifiableAllTheWayDown() {
    Params params = json.readValue("{\"author\":{\"name\":\"Ada\"},\"tags\":[\"a\"]}", Params.class);

    assertThatThrownBy(() -> params.asMap().put("admin", true)).isInstanceOf(UnsupportedOperationException.class);
    @SuppressWarnings("unchecked")
    Map<String, Object> author = (Map<String, Object>) params.asMap().get("author");
    assertThatThrownBy(() -> author.put("admin", true)).isInstanceOf(UnsupportedOperationException.class);
    @SuppressWarnings("unchecked")
    List<Object> tags = (List<Object>) params.asMap().get("tags");
    assertThatThrownBy(() -> tags.add("b")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void numbersAreReadAlikeWhateverTheMappersNumberSettings() {
    JsonMapper doubles = JsonMapper.builder().addModule(new EctoJacksonModule())
        .disable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
        .build();

    assertThat(doubles.readValue("{\"price\":0.1,\"views\":1}", Params.class).asMap())
        .containsExactly(Map.entry("price", new BigDecimal("0.1")), Map.entry("views", 1L));
  }

  @Test
  void paramsInsideAnotherBodyAreReadAlike() {
    record Envelope(String action, Params post) {}

    Envelope envelope = json.readValue("{\"action\":\"create\",\"post\":{\"views\":3}}", Envelope.class);

    assertThat(envelope.post().asMap()).containsExactly(Map.entry("views", 3L));
  }

  @Test
  void anObjectHandedOnFromItsFirstNameIsReadWhole() {
    try (JsonParser parser = json.createParser("{\"title\":\"Hello\",\"views\":3}")) {
      parser.nextToken();
      parser.nextToken();

      assertThat(json.readValue(parser, Params.class).asMap())
          .containsExactly(Map.entry("title", "Hello"), Map.entry("views", 3L));
    }
  }

  @Test
  void aBodyThatIsNotAnObjectIsRefusedWithTheReason() {
    for (String body : Arrays.asList("[1,2]", "\"title\"", "42")) {
      assertThatThrownBy(() -> json.readValue(body, Params.class))
          .isInstanceOf(MismatchedInputException.class)
          .hasMessageContaining("params are read from a JSON object, as Changeset.cast takes a map");
    }
  }

  @Test
  void paramsWriteBackAsTheirMapAndShowOnlyTheirKeys() {
    String body = "{\"email\":\"ada@example.com\",\"password\":\"correct horse\",\"age\":36}";
    Params params = json.readValue(body, Params.class);

    assertThat(json.writeValueAsString(params)).isEqualTo(body);
    assertThat(params).hasToString("Params[email, password, age]").isEqualTo(json.readValue(body, Params.class));
  }
}
