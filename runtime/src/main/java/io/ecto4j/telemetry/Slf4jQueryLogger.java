package io.ecto4j.telemetry;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs statements through SLF4J, like Ecto's {@code :log} option: every statement at DEBUG, a
 * statement slower than the threshold at WARN, a failure at ERROR (with its lock report, if any).
 *
 * <pre>{@code
 * Repo repo = Repo.builder().url(url).listener(Slf4jQueryLogger.slowerThan(Duration.ofMillis(200))).build();
 * }</pre>
 */
public final class Slf4jQueryLogger implements QueryListener {
  private final Logger log;
  private final Duration threshold;

  private Slf4jQueryLogger(Logger log, Duration threshold) {
    this.log = log;
    this.threshold = threshold;
  }

  /** Logs to {@code io.ecto4j.query}, warning about statements slower than {@code threshold}. */
  public static Slf4jQueryLogger slowerThan(Duration threshold) {
    return using(LoggerFactory.getLogger("io.ecto4j.query"), threshold);
  }

  public static Slf4jQueryLogger using(Logger log, Duration threshold) {
    return new Slf4jQueryLogger(log, threshold);
  }

  @Override
  public void onQuery(QueryEvent event) {
    if (!event.succeeded()) {
      log.error("{} failed after {} ms at {}: {}{}", event.source(), event.total().toMillis(), event.callSite(),
          event.failure().getMessage(), event.lockWaits().map(r -> "\n" + r).orElse(""));
    } else if (event.total().compareTo(threshold) >= 0) {
      log.warn("slow {}: {} ms (queue {} ms, query {} ms, decode {} ms), {} rows at {}\n{}", event.source(),
          event.total().toMillis(), event.queueTime().toMillis(), event.queryTime().toMillis(),
          event.decodeTime().toMillis(), event.rows(), event.callSite(), event.sql());
    } else if (log.isDebugEnabled()) {
      log.debug("{} {} ms, {} rows: {}", event.source(), event.total().toMillis(), event.rows(), event.sql());
    }
  }
}
