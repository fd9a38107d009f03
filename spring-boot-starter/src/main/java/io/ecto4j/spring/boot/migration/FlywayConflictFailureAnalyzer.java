package io.ecto4j.spring.boot.migration;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** The startup report for a {@link FlywayConflictException}: what clashes, and the ways out. */
final class FlywayConflictFailureAnalyzer extends AbstractFailureAnalyzer<FlywayConflictException> {
  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, FlywayConflictException cause) {
    return new FailureAnalysis("Spring Boot's Flyway auto-configuration and ecto4j's migrations would both migrate "
        + "the database at startup, into one history table (" + cause.historyTable() + ").",
        FlywayConflictException.waysOut(cause.historyTable()), cause);
  }
}
