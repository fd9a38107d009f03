package io.ecto4j.telemetry.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.telemetry.QueryEvent;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MicrometerQueryListenerTest {
  private static QueryEvent event(String sql, long queueMs, long queryMs, long decodeMs, RuntimeException failure) {
    return new QueryEvent(sql, QueryEvent.sourceOf(sql), QueryEvent.parameterCount(sql), List.of(), 1,
        Duration.ofMillis(queueMs), Duration.ofMillis(queryMs), Duration.ofMillis(decodeMs),
        Duration.ofMillis(queueMs + queryMs + decodeMs), "Test.method(Test.java:1)", failure, null, 1);
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
}
