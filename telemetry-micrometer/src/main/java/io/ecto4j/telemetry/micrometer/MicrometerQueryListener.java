package io.ecto4j.telemetry.micrometer;

import io.ecto4j.telemetry.QueryEvent;
import io.ecto4j.telemetry.QueryListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

/**
 * Records each statement as Micrometer timers, Ecto's telemetry metrics: {@code ecto4j.query.total},
 * {@code .queue}, {@code .query}, {@code .decode} and {@code .idle} (when the idle time is known), tagged with the source ({@code SELECT posts})
 * and the outcome ({@code ok} or {@code error}).
 *
 * <pre>{@code
 * Repo repo = Repo.builder().url(url).listener(new MicrometerQueryListener(registry)).build();
 * }</pre>
 *
 * <p>Trade-off: tags use the source, not the SQL, so the number of series stays bounded by the
 * number of tables and operations; rank full shapes with {@code QueryStats} instead.
 */
public final class MicrometerQueryListener implements QueryListener {
  private final MeterRegistry registry;
  private final String prefix;

  public MicrometerQueryListener(MeterRegistry registry) {
    this(registry, "ecto4j.query");
  }

  public MicrometerQueryListener(MeterRegistry registry, String prefix) {
    this.registry = registry;
    this.prefix = prefix;
  }

  @Override
  public void onQuery(QueryEvent event) {
    Tags tags = Tags.of("source", event.source(), "outcome", event.succeeded() ? "ok" : "error");
    timer("total", tags).record(event.total());
    timer("queue", tags).record(event.queueTime());
    timer("query", tags).record(event.queryTime());
    timer("decode", tags).record(event.decodeTime());
    if (event.idleTime() != null) {
      timer("idle", tags).record(event.idleTime());
    }
  }

  private Timer timer(String part, Tags tags) {
    return Timer.builder(prefix + "." + part).tags(tags).publishPercentiles(0.5, 0.95, 0.99).register(registry);
  }
}
