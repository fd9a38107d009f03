package io.ecto4j.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TransactionOptionsTest {

  @Test
  void subMillisecondTimeoutsRoundUpNeverDownToZero() {
    TransactionOptions options = TransactionOptions.defaults()
        .statementTimeout(Duration.ofNanos(300_000))
        .lockTimeout(Duration.ofNanos(1));
    assertThat(options.setUpStatements())
        .containsExactly("SET LOCAL statement_timeout = 1", "SET LOCAL lock_timeout = 1");
  }

  @Test
  void fractionsRoundUpAndWholeMillisecondsStay() {
    assertThat(TransactionOptions.millisRoundedUp(Duration.ofMillis(2))).isEqualTo(2);
    assertThat(TransactionOptions.millisRoundedUp(Duration.ofNanos(2_000_001))).isEqualTo(3);
    assertThat(TransactionOptions.millisRoundedUp(Duration.ofSeconds(3))).isEqualTo(3000);
  }

  @Test
  void timeoutsBeyondPostgresLimitAreRefused() {
    assertThatThrownBy(() -> TransactionOptions.defaults().statementTimeout(Duration.ofDays(30)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PostgreSQL's limit");
    assertThatThrownBy(() -> TransactionOptions.defaults().lockTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
  }

  @Test
  void backoffDoublesWithJitterUpToItsCap() {
    Backoff backoff = new Backoff(Duration.ofMillis(10), Duration.ofMillis(100));
    for (int i = 0; i < 200; i++) {
      assertThat(backoff.millisBefore(1)).isBetween(5L, 10L);
      assertThat(backoff.millisBefore(3)).isBetween(20L, 40L);
      assertThat(backoff.millisBefore(10)).isBetween(50L, 100L);
      assertThat(backoff.millisBefore(100)).isBetween(50L, 100L);
    }
    assertThat(TransactionOptions.defaults().retries(3).backoff()).isEqualTo(Backoff.DEFAULT);
    assertThat(new Backoff(Duration.ZERO, Duration.ZERO).millisBefore(5)).isZero();
  }

  @Test
  void aBackoffNeedsInitialAtMostMax() {
    assertThatThrownBy(() -> TransactionOptions.defaults().retryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initial <= max");
  }
}
