package io.ecto4j.migration;

import java.util.List;
import java.util.function.Consumer;

/** {@link TenantMigrationListener#progressBar}: a bar of tenants finished, drawn again as each finishes. */
final class ProgressBar implements TenantMigrationListener {
  private static final int WIDTH = 20;
  private final Consumer<String> out;
  private int total;
  private int finished;

  ProgressBar(Consumer<String> out) {
    this.out = out;
  }

  @Override
  public synchronized void started(String tenant, int position, int total) {
    if (position == 1) {
      finished = 0;   // a new run of the same migrator
    }
    this.total = total;
  }

  @Override
  public synchronized void done(String tenant, List<MigrationRun> runs) {
    finished++;
    out.accept(bar() + " " + tenant + ": " + (runs.isEmpty() ? "already up"
        : runs.size() + (runs.size() == 1 ? " migration" : " migrations") + " applied"));
  }

  @Override
  public synchronized void failed(String tenant, TenantMigrationException failure) {
    out.accept(bar() + " " + tenant + ": FAILED at " + failure.version().orElse("its start"));
  }

  /** {@code [##########----------] 1/2}: the filled share is the tenants finished of all. */
  private String bar() {
    int filled = total == 0 ? WIDTH : finished * WIDTH / total;
    return "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + finished + "/" + total;
  }
}
