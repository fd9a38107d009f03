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
}
