package io.ecto4j.type;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class Utf16Test {

  @Test
  void wellFormedTextHasNoUnpairedSurrogate() {
    assertThat(Utf16.firstUnpairedSurrogate("")).isEqualTo(-1);
    assertThat(Utf16.firstUnpairedSurrogate("plain ASCII")).isEqualTo(-1);
    assertThat(Utf16.firstUnpairedSurrogate("héllo 日本語")).isEqualTo(-1);
    assertThat(Utf16.firstUnpairedSurrogate("😀")).isEqualTo(-1);
    assertThat(Utf16.firstUnpairedSurrogate("a😀b🎉\uD800\uDC00")).isEqualTo(-1);
    assertThat(Utf16.firstUnpairedSurrogate(new StringBuilder("x😀"))).isEqualTo(-1);
    assertThat(Utf16.isWellFormed("😀😀")).isTrue();
  }

  @Test
  void findsTheFirstUnpairedSurrogateWherever() {
    assertThat(Utf16.firstUnpairedSurrogate("a\uD800b")).as("lone high").isEqualTo(1);
    assertThat(Utf16.firstUnpairedSurrogate("\uDC00")).as("lone low").isZero();
    assertThat(Utf16.firstUnpairedSurrogate("\uD800")).as("high alone").isZero();
    assertThat(Utf16.firstUnpairedSurrogate("\uDC00\uD800")).as("reversed pair").isZero();
    assertThat(Utf16.firstUnpairedSurrogate("\uD800abc")).as("at the start").isZero();
    assertThat(Utf16.firstUnpairedSurrogate("abc\uD83D")).as("high at the end").isEqualTo(3);
    assertThat(Utf16.firstUnpairedSurrogate("abc\uDE00")).as("low at the end").isEqualTo(3);
    assertThat(Utf16.firstUnpairedSurrogate("😀\uDE00")).as("a low after a pair").isEqualTo(2);
    assertThat(Utf16.firstUnpairedSurrogate("\uD83D\uD83D\uDE00")).as("two highs, one pair").isZero();
    assertThat(Utf16.firstUnpairedSurrogate("😀x\uD800\uD800")).isEqualTo(3);
    assertThat(Utf16.isWellFormed("a\uD800b")).isFalse();
  }

  @Test
  void requireWellFormedNamesTheParameterTheCharacterAndItsIndex() {
    UnpairedSurrogateException e = catchThrowableOfType(UnpairedSurrogateException.class,
        () -> Utf16.requireWellFormed((Object) "ab\uDC00", 3));
    assertThat(e).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("[UnpairedSurrogate] parameter 3: the string has an unpaired low surrogate \\uDC00 at index 2;"
            + " a String must be well-formed UTF-16 to be stored in PostgreSQL (the driver would send '?' in its"
            + " place): remove the surrogate or complete its pair");
    assertThat(e.parameterIndex()).isEqualTo(3);
    assertThat(e.offset()).isEqualTo(2);
    assertThat(e.surrogate()).isEqualTo('\uDC00');
    assertThat(e.field()).isEmpty();
    assertThat(e.sql()).isEmpty();
  }

  @Test
  void requireWellFormedChecksTextCharactersAndArraysOfText() {
    assertThatThrownBy(() -> Utf16.requireWellFormed('\uD800', 1))
        .isInstanceOf(UnpairedSurrogateException.class).hasMessageContaining("high surrogate \\uD800 at index 0");
    assertThatThrownBy(() -> Utf16.requireWellFormed(new String[] {"ok", "no\uD800"}, 2))
        .isInstanceOf(UnpairedSurrogateException.class)
        .hasMessageStartingWith("[UnpairedSurrogate] parameter 2: the element [1] has an unpaired high surrogate"
            + " \\uD800 at index 2;");
    Utf16.requireWellFormed("😀", 1);
    Utf16.requireWellFormed('x', 1);
    Utf16.requireWellFormed(new Object[] {1, "fine", null}, 1);
    Utf16.requireWellFormed(42, 1);
    Utf16.requireWellFormed(null, 1);
  }

  @Test
  void callersAddTheFieldAndTheStatement() {
    UnpairedSurrogateException bare = catchThrowableOfType(UnpairedSurrogateException.class,
        () -> Utf16.requireWellFormed((Object) "\uD800", 2));
    UnpairedSurrogateException named = bare.inField("Post.title").inStatement("INSERT INTO \"posts\" …");
    assertThat(named.getMessage())
        .startsWith("[UnpairedSurrogate] Post.title (parameter 2): the string has an unpaired high surrogate")
        .endsWith("complete its pair\n  in: INSERT INTO \"posts\" …");
    assertThat(named.field()).contains("Post.title");
    assertThat(named.sql()).contains("INSERT INTO \"posts\" …");
    assertThat(named.parameterIndex()).isEqualTo(2);
    assertThat(named.offset()).isZero();
    assertThat(named.getCause().getCause()).isSameAs(bare);
  }
}
