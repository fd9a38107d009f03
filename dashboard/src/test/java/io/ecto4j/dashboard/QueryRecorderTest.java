package io.ecto4j.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.telemetry.QueryEvent;
import io.ecto4j.telemetry.TelemetryOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the recorder keeps is bounded: a window of buckets, a number of shapes. */
class QueryRecorderTest {
  private final MutableClock clock = new MutableClock();

  @Test
  void theSeriesCoversTheLastBucketsQuietOnesAsZero() {
    QueryRecorder recorder = new QueryRecorder(Duration.ofSeconds(1), 3, 10, 10, clock);
    recorder.onQuery(event("SELECT 1", 2));
    clock.millis = 1_000;
    recorder.onQuery(event("SELECT 1", 4));
    clock.millis = 5_000;
    recorder.onQuery(event("SELECT 1", 8));

    List<QueryRecorder.Point> series = recorder.series();

    assertThat(series).extracting(QueryRecorder.Point::startMillis).containsExactly(3_000L, 4_000L, 5_000L);
    assertThat(series).extracting(QueryRecorder.Point::count).containsExactly(0L, 0L, 1L);
    assertThat(series.get(2).p99Ms()).isEqualTo(8.0);
    assertThat(recorder.shapes(Comparator.comparingLong(QueryRecorder.Shape::count)).get(0).count()).isEqualTo(3);
  }

  @Test
  void shapesBeyondTheLimitCountInTheSeriesOnly() {
    QueryRecorder recorder = new QueryRecorder(Duration.ofSeconds(1), 3, 1, 10, clock);
    recorder.onQuery(event("SELECT 1", 1));
    recorder.onQuery(event("SELECT 2", 1));

    assertThat(recorder.shapes(Comparator.comparingLong(QueryRecorder.Shape::id)))
        .extracting(QueryRecorder.Shape::sql).containsExactly("SELECT 1");
    assertThat(recorder.series().get(0).count()).isEqualTo(2);
  }

  @Test
  void refusesAnEmptyWindowNamingTheValues() {
    assertThatThrownBy(() -> new QueryRecorder(Duration.ZERO, 3, 1, 10, clock))
        .hasMessageContaining("bucket of at least 1 ms").hasMessageContaining("PT0S");
  }

  private static QueryEvent event(String sql, long ms) {
    Duration total = Duration.ofMillis(ms);
    return new QueryEvent(sql, QueryEvent.sourceOf(sql), 0, List.of(), List.of(), 1, Duration.ZERO, total,
        Duration.ZERO, total, null, "com.acme.Feed.show(Feed.java:42)", null, null, Thread.currentThread().getId(),
        TelemetryOptions.defaults(), List.of());
  }

  private static final class MutableClock extends Clock {
    long millis;

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis);
    }

    @Override
    public long millis() {
      return millis;
    }
  }
}
