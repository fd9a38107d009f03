package io.ecto4j.migration;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/** Prints each migration as Flyway runs it, Ecto's {@code == Running ...} / {@code == Migrated ... in 0.0s}. */
final class ProgressCallback implements Callback {
  private static final Set<Event> EVENTS =
      Set.of(Event.BEFORE_EACH_MIGRATE, Event.AFTER_EACH_MIGRATE, Event.AFTER_EACH_MIGRATE_ERROR);

  /** Who else hears of each migration as it runs: the tenant migrator's progress. */
  interface Steps {
    Steps NONE = new Steps() {};

    default void started(String version) {}

    default void applied(MigrationRun run) {}

    default void failed(String version) {}
  }

  private final Consumer<String> output;
  private final Steps steps;
  private final List<MigrationRun> runs = new ArrayList<>();
  private long started;

  ProgressCallback(Consumer<String> output, Steps steps) {
    this.output = output;
    this.steps = steps;
  }

  /** The migrations applied so far, in order. */
  List<MigrationRun> runs() {
    return List.copyOf(runs);
  }

  @Override
  public boolean supports(Event event, Context context) {
    return EVENTS.contains(event);
  }

  @Override
  public boolean canHandleInTransaction(Event event, Context context) {
    return true;
  }

  @Override
  public void handle(Event event, Context context) {
    MigrationInfo info = context.getMigrationInfo();
    String version = info.getVersion() == null ? "R" : info.getVersion().getVersion();
    if (event == Event.BEFORE_EACH_MIGRATE) {
      started = System.nanoTime();
      output.accept("== Running " + version + " " + info.getDescription() + " (" + info.getScript() + ")");
      steps.started(version);
      return;
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    if (event == Event.AFTER_EACH_MIGRATE) {
      MigrationRun run = new MigrationRun(version, info.getDescription(), took);
      runs.add(run);
      output.accept("== Migrated " + version + " in " + seconds(took));
      steps.applied(run);
    } else {
      output.accept("== Failed " + version + " after " + seconds(took));
      steps.failed(version);
    }
  }

  @Override
  public String getCallbackName() {
    return "ecto4j progress";
  }

  /** {@code 0.012s}. */
  static String seconds(Duration duration) {
    return String.format(java.util.Locale.ROOT, "%.3fs", duration.toNanos() / 1e9);
  }
}
