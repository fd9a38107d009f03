package io.ecto4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ResultTest {
  @Test
  void okCarriesTheValue() {
    Result<Integer, String> ok = Result.ok(2);
    assertThat(ok.isOk()).isTrue();
    assertThat(ok.map(v -> v * 10).orElseThrow()).isEqualTo(20);
  }

  @Test
  void errCarriesTheErrorAndThrowsOnUnwrap() {
    Result<Integer, String> err = Result.err("boom");
    assertThat(err.isErr()).isTrue();
    assertThat(err.map(v -> v * 10)).isEqualTo(Result.err("boom"));
    assertThatThrownBy(err::orElseThrow).hasMessageContaining("boom");
    assertThatThrownBy(() -> err.orElseThrow(IllegalArgumentException::new))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("boom");
  }

  @Test
  void patternsReachBothCases() {
    Result<Integer, String> result = Result.ok(1);
    String text = result instanceof Result.Ok<Integer, String> ok ? "ok " + ok.value() : "err";
    assertThat(text).isEqualTo("ok 1");
  }

  @Test
  void valueAndErrorAreReadOnTheInterfaceAndRefuseTheOtherCase() {
    Result<Integer, String> ok = Result.ok(2);
    Result<Integer, String> err = Result.err("boom");
    assertThat(ok.value()).isEqualTo(2);
    assertThat(err.error()).isEqualTo("boom");
    assertThatThrownBy(ok::error).isInstanceOf(IllegalStateException.class).hasMessageContaining("Ok(2)");
    assertThatThrownBy(err::value).isInstanceOf(IllegalStateException.class).hasMessageContaining("boom");
    assertThat(ok.ok()).contains(2);
    assertThat(ok.err()).isEmpty();
    assertThat(err.err()).contains("boom");
  }

  @Test
  void composes() {
    Result<Integer, String> ok = Result.ok(2);
    Result<Integer, String> err = Result.err("boom");
    assertThat(ok.flatMap(v -> Result.<Integer, String>ok(v + 1))).isEqualTo(Result.ok(3));
    assertThat(ok.flatMap(v -> Result.<Integer, String>err("later"))).isEqualTo(Result.err("later"));
    assertThat(err.flatMap(v -> Result.<Integer, String>ok(v + 1))).isEqualTo(Result.err("boom"));
    assertThat(err.mapError(String::length)).isEqualTo(Result.err(4));
    assertThat(ok.mapError(String::length)).isEqualTo(Result.ok(2));
    assertThat(ok.<String>fold(v -> "ok " + v, e -> "err " + e)).isEqualTo("ok 2");
    assertThat(err.<String>fold(v -> "ok " + v, e -> "err " + e)).isEqualTo("err boom");
    assertThat(err.orElse(0)).isZero();
    assertThat(err.orElseGet(String::length)).isEqualTo(4);
    StringBuilder seen = new StringBuilder();
    ok.ifOk(seen::append).ifErr(seen::append);
    err.ifOk(seen::append).ifErr(seen::append);
    assertThat(seen).hasToString("2boom");
  }

  @Test
  void anUncheckedExceptionErrorIsThrownAsItIs() {
    IllegalArgumentException cause = new IllegalArgumentException("bad");
    Result<Integer, RuntimeException> err = Result.err(cause);
    assertThatThrownBy(err::orElseThrow).isSameAs(cause);
  }
}
