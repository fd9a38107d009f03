package io.ecto4j.repo;

import io.ecto4j.EctoException;

/** A query expected to return at most one row returned more, Ecto's {@code Ecto.MultipleResultsError}. */
public final class MultipleResultsException extends EctoException {
  private final int count;

  public MultipleResultsException(String message, int count) {
    super(message);
    this.count = count;
  }

  /** How many rows the query returned. */
  public int count() {
    return count;
  }
}
