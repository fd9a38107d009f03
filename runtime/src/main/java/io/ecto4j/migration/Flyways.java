package io.ecto4j.migration;

import java.util.function.Supplier;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.exception.FlywayValidateException;

/** Calls Flyway and turns its exceptions into {@link MigrationException}s that say what to do. */
final class Flyways {
  private Flyways() {}

  static <T> T call(Supplier<T> work) {
    try {
      return work.get();
    } catch (FlywayValidateException e) {
      throw new MigrationException("the migrations here do not match the schema history: " + e.getMessage()
          + "\nAn applied migration must not change: restore it and put the change in a new migration "
          + "(or roll it back before editing it).", e);
    } catch (FlywayException e) {
      MigrationException ours = ours(e);
      throw ours != null ? new MigrationException(ours.getMessage(), e) : new MigrationException(e.getMessage(), e);
    }
  }

  /** The exception a Java migration threw, which Flyway wrapped. */
  private static MigrationException ours(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof MigrationException migration) {
        return migration;
      }
    }
    return null;
  }
}
