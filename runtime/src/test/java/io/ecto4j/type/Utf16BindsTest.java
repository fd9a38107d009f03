package io.ecto4j.type;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every bind of a string refuses an unpaired surrogate before it sets anything on the statement. */
class Utf16BindsTest {
  private final RecordingStatement recording = new RecordingStatement();

  @Test
  void bindsOfStringsThrowNamingTheParameterAndTheIndex() {
    UnpairedSurrogateException e = catchThrowableOfType(UnpairedSurrogateException.class,
        () -> Binds.string(recording.statement(), 4, "abc\uD800"));
    assertThat(e).hasMessageStartingWith(
        "[UnpairedSurrogate] parameter 4: the string has an unpaired high surrogate \\uD800 at index 3;");
    assertThat(e.parameterIndex()).isEqualTo(4);
    assertThat(e.offset()).isEqualTo(3);
    assertThat(recording.calls()).isEmpty();
  }

  @Test
  void typedBindsOfStringsAndTextThrow() {
    for (FieldType<String> type : List.of(Types.STRING, Types.TEXT)) {
      UnpairedSurrogateException e = catchThrowableOfType(UnpairedSurrogateException.class,
          () -> type.bind(recording.statement(), 1, "\uDC00x"));
      assertThat(e.offset()).isZero();
      assertThat(e.surrogate()).isEqualTo('\uDC00');
    }
    assertThat(recording.calls()).isEmpty();
  }

  @Test
  void listBindsNameTheElement() {
    UnpairedSurrogateException e = catchThrowableOfType(UnpairedSurrogateException.class,
        () -> Types.list(Types.TEXT).bind(recording.statement(), 2, Arrays.asList("ok", null, "x\uDC00")));
    assertThat(e).hasMessageStartingWith(
        "[UnpairedSurrogate] parameter 2: the element [2] has an unpaired low surrogate \\uDC00 at index 1;");
    assertThat(recording.calls()).as("the array is not even created").isEmpty();
  }

  @Test
  void mapBindsNameTheJsonPathOfAValueOrAKey() {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("title", "fine 😀");
    document.put("tags", List.of("a", "b\uD800"));
    assertThat(jsonFailure(document)).hasMessageStartingWith(
        "[UnpairedSurrogate] parameter 1: the JSON string at $.tags[1] has an unpaired high surrogate \\uD800 at index 1;");
    assertThat(jsonFailure(Map.of("outer", Map.of("\uDC00key", 1)))).hasMessageStartingWith(
        "[UnpairedSurrogate] parameter 1: a JSON key in $.outer has an unpaired low surrogate \\uDC00 at index 0;");
    assertThat(jsonFailure(Map.of("a b", List.of(Map.of("c", "\uD800"))))).hasMessageContaining(
        "the JSON string at $[\"a b\"][0].c has");
    assertThat(recording.calls()).isEmpty();
  }

  @Test
  void mapBindsCheckWhateverJacksonWrites() {
    record Note(String text) {}
    assertThat(jsonFailure(Map.of("note", new Note("x\uD800")))).as("a record: only the JSON text tells")
        .hasMessageStartingWith("[UnpairedSurrogate] parameter 1: the JSON text has an unpaired high surrogate"
            + " \\uD800 at index 18;");
  }

  @Test
  void wellFormedValuesAreBound() throws SQLException {
    Binds.string(recording.statement(), 1, "😀");
    Types.STRING.bind(recording.statement(), 2, null);
    Types.list(Types.STRING).bind(recording.statement(), 3, List.of("😀", "b"));
    Types.JSON_MAP.bind(recording.statement(), 4, Map.of("😀", List.of("😀")));
    assertThat(recording.calls()).containsExactly(
        "setString(1)", "setNull(2)", "connection.createArrayOf", "setArray(3)", "setObject(4)");
  }

  private UnpairedSurrogateException jsonFailure(Map<String, Object> value) {
    return catchThrowableOfType(UnpairedSurrogateException.class,
        () -> Types.JSON_MAP.bind(recording.statement(), 1, value));
  }
}
