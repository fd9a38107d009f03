package io.ecto4j.type;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Casting refuses strings with an unpaired surrogate, wherever they are in the value; it never throws. */
class Utf16CastsTest {
  enum Color { RED }

  @Test
  void stringsAndTextWithAnUnpairedSurrogateAreInvalid() {
    for (FieldType<String> type : List.of(Types.STRING, Types.TEXT)) {
      assertThat(type.cast("a\uD800b")).isEqualTo(CastResult.invalid());
      assertThat(type.cast("\uDC00")).isEqualTo(CastResult.invalid());
      assertThat(type.cast("\uDE00\uD83D")).isEqualTo(CastResult.invalid());
      assertThat(type.cast("smile 😀")).isEqualTo(CastResult.ok("smile 😀"));
    }
  }

  @Test
  void bytesFromAStringWithAnUnpairedSurrogateAreInvalid() {
    assertThat(Types.BYTES.cast("a\uD800").isOk()).as("UTF-8 would turn it into '?'").isFalse();
    assertThat(Types.BYTES.cast("😀").value()).containsExactly(0xF0, 0x9F, 0x98, 0x80);
  }

  @Test
  void listsWithABadElementAreInvalid() {
    assertThat(Types.list(Types.STRING).cast(List.of("fine", "bad\uD800")).isOk()).isFalse();
    assertThat(Types.list(Types.TEXT).cast(List.of("\uDC00")).isOk()).isFalse();
    assertThat(Types.list(Types.STRING).cast(Arrays.asList("😀", null)).value()).containsExactly("😀", null);
  }

  @Test
  void enumNamesWithAnUnpairedSurrogateAreNoConstant() {
    assertThat(Types.enumType(Color.class, Color.values()).cast("RED\uD800").isOk()).isFalse();
  }

  @Test
  void mapsWithABadStringAnywhereAreInvalid() {
    FieldType<Map<String, Object>> map = Types.JSON_MAP;
    assertThat(map.cast(Map.of("title", "a\uD800")).isOk()).as("a value").isFalse();
    assertThat(map.cast(Map.of("k\uDC00", 1)).isOk()).as("a key").isFalse();
    assertThat(map.cast(Map.of("a", Map.of("b", List.of("ok", "\uD800")))).isOk()).as("nested in a list").isFalse();
    assertThat(map.cast(Map.of("a", List.of(Map.of("\uDC00", true))))).as("a nested key").isEqualTo(CastResult.invalid());
    assertThat(map.cast(Map.of("a", new Object[] {'\uD800'})).isOk()).as("a char in an array").isFalse();
    Map<String, Object> fine = Map.of("emoji", "😀", "n", 1, "list", List.of("😀", 2.5), "none", Map.of());
    assertThat(map.cast(fine).value()).isEqualTo(fine);
  }
}
