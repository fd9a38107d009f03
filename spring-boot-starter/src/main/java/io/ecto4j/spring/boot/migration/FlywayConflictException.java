package io.ecto4j.spring.boot.migration;

/**
 * Spring Boot's Flyway auto-configuration and ecto4j's migrations would both migrate at startup
 * into the same history table; the message says the three ways out.
 */
public class FlywayConflictException extends IllegalStateException {
  private final String historyTable;

  FlywayConflictException(String historyTable) {
    super("Spring Boot's Flyway auto-configuration and ecto4j's migrations would both migrate the database at "
        + "startup into the history table " + historyTable + ", each taking the other's versions for its own. "
        + waysOut(historyTable));
    this.historyTable = historyTable;
  }

  /** The history table both would write. */
  public String historyTable() {
    return historyTable;
  }

  static String waysOut(String historyTable) {
    return "Choose one: let ecto4j run every migration and turn Boot's off (spring.flyway.enabled=false); "
        + "or give ecto4j a history table of its own (ecto4j.migrations.history-table=ecto4j_schema_history, "
        + "not " + historyTable + "); or, if both really must share it, say so "
        + "(ecto4j.migrations.allow-flyway-auto-configuration=true).";
  }
}
