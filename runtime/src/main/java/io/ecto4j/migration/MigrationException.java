package io.ecto4j.migration;

import io.ecto4j.EctoException;

/** A migration could not run, or the migrations are not in a state to run; the message says why and what to do. */
public class MigrationException extends EctoException {
  public MigrationException(String message) {
    super(message);
  }

  public MigrationException(String message, Throwable cause) {
    super(message, cause);
  }
}
