package io.ecto4j.spring.boot.actuate;

import io.ecto4j.clinic.NPlusOne;
import io.ecto4j.repo.Repo;
import io.ecto4j.telemetry.QueryEvent;
import io.ecto4j.telemetry.QueryListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The clinic's N+1 detector ({@link NPlusOne}) in production: each unit of work (an HTTP request,
 * through {@link NPlusOneFilter}) runs in a reporting scope of its own thread, and the findings of
 * every unit are kept, one per statement shape and call site, the least recently seen forgotten
 * first. As a {@link QueryListener} bean it hears the auto-configured {@code Repo}'s statements and
 * hands each to the scope open on the statement's thread, if any.
 */
public final class NPlusOneMonitor implements QueryListener {
  private final Supplier<Repo> repo;
  private final int threshold;
  private final ThreadLocal<NPlusOne.Scope> current = new ThreadLocal<>();
  private final Map<String, NPlusOneFinding> findings;

  /**
   * Findings above {@code threshold} runs per unit of work; at most {@code capacity} of them kept.
   * {@code repo} gives the repo scopes are opened on, or null when there is none.
   */
  public NPlusOneMonitor(Supplier<Repo> repo, int threshold, int capacity) {
    this.repo = repo;
    this.threshold = threshold;
    this.findings = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, NPlusOneFinding> eldest) {
        return size() > capacity;
      }
    };
  }

  /** Opens a unit of work on this thread; closing it records what it found. Units do not nest. */
  public Unit open() {
    Repo observed = repo.get();
    if (observed == null || current.get() != null) {
      return () -> {};
    }
    NPlusOne.Scope scope = NPlusOne.reporting(observed, threshold, this::record);
    current.set(scope);
    return () -> {
      current.remove();
      scope.close();
    };
  }

  @Override
  public void onQuery(QueryEvent event) {
    NPlusOne.Scope scope = current.get();
    if (scope != null) {
      scope.onQuery(event);
    }
  }

  /** The findings kept, the most recently seen last. */
  public synchronized List<NPlusOneFinding> findings() {
    return new ArrayList<>(findings.values());
  }

  public synchronized void reset() {
    findings.clear();
  }

  private synchronized void record(List<NPlusOne.Finding> found) {
    for (NPlusOne.Finding finding : found) {
      findings.merge(finding.sql() + "\n" + finding.callSite(), NPlusOneFinding.of(finding), NPlusOneFinding::plus);
    }
  }

  /** A unit of work, closed when it ends. */
  @FunctionalInterface
  public interface Unit extends AutoCloseable {
    @Override
    void close();
  }
}
