package io.ecto4j.spring.boot.migration;

import io.ecto4j.migration.MigrationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * The startup report for a migration that failed, or that ecto4j refused to run: the migration's
 * own error first, instead of at the bottom of a chain of bean creation exceptions.
 */
final class MigrationFailureAnalyzer extends AbstractFailureAnalyzer<MigrationException> {
  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, MigrationException cause) {
    return new FailureAnalysis("ecto4j's migrations did not complete at startup:\n\n" + cause.getMessage(),
        "Fix the migration and start again: a migration runs in a transaction of its own and is rolled back, so "
            + "the history is as it was (unless the migration disables its DDL transaction; then undo what ran by "
            + "hand and delete its failed row from the history table). To start without migrating, set "
            + "ecto4j.migrations.enabled=false.", cause);
  }
}
