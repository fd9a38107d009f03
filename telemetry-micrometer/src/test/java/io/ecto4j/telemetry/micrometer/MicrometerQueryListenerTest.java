package io.ecto4j.telemetry.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.telemetry.QueryEvent;
import io.ecto4j.telemetry.TelemetryOptions;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MicrometerQueryListenerTest {
  private static QueryEvent event(String sql, long queueMs, long queryMs, long decodeMs, RuntimeException failure) {
    return event(sql, queueMs, queryMs, decodeMs, null, failure);
  }

  private static QueryEvent event(String sql, long queueMs, long queryMs, long decodeMs, Duration idle,
      RuntimeException failure) {
    return new QueryEvent(sql, QueryEvent.sourceOf(sql), QueryEvent.parameterCount(sql), List.of(), List.of(), 1,
        Duration.ofMillis(queueMs), Duration.ofMillis(queryMs), Duration.ofMillis(decodeMs),
        Duration.ofMillis(queueMs + queryMs + decodeMs), idle, "Test.method(Test.java:1)", failure, null, 1,
        TelemetryOptions.defaults(), List.of());
  }

  @Test
  void recordsTheBreakdownPerSourceAndOutcome() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    MicrometerQueryListener listener = new MicrometerQueryListener(registry);

    listener.onQuery(event("SELECT c0.\"id\" FROM \"comments\" AS c0 WHERE c0.\"post_id\" = ?", 1, 5, 2, null));
    listener.onQuery(event("SELECT c0.\"id\" FROM \"comments\" AS c0 WHERE c0.\"post_id\" = ?", 1, 7, 2, null));
    listener.onQuery(event("UPDATE \"posts\" SET \"title\" = ?", 0, 3, 0, new IllegalStateException("boom")));

    Timer total = registry.get("ecto4j.query.total").tags("source", "SELECT comments", "outcome", "ok").timer();
    assertThat(total.count()).isEqualTo(2);
    assertThat(total.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(18.0);
    assertThat(registry.get("ecto4j.query.query").tags("source", "SELECT comments").timer().totalTime(TimeUnit.MILLISECONDS))
        .isEqualTo(12.0);
    assertThat(registry.get("ecto4j.query.total").tags("source", "UPDATE posts", "outcome", "error").timer().count())
        .isEqualTo(1);
  }

  /** Regression test for issue #19: Ecto's idle_time measurement, recorded only when it is known. */
  @Test
  void recordsIdleTimeWhenKnown() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    MicrometerQueryListener listener = new MicrometerQueryListener(registry);

    listener.onQuery(event("SELECT 1 FROM \"posts\"", 0, 1, 0, Duration.ofMillis(40), null));
    listener.onQuery(event("SELECT 1 FROM \"posts\"", 0, 1, 0, null, null));

    Timer idle = registry.get("ecto4j.query.idle").tags("source", "SELECT posts").timer();
    assertThat(idle.count()).isEqualTo(1);
    assertThat(idle.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(40.0);
  }
}
