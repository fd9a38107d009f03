package io.ecto4j.migration;

import java.time.Duration;
import java.util.Objects;

/** A migration the migrator applied or rolled back, and how long it took. */
public record MigrationRun(String version, String description, Duration duration) {
  public MigrationRun {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(duration, "duration");
  }
}
