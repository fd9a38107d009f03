package io.ecto4j.repo;

import io.ecto4j.EctoException;

/** A query that had to return a row returned none, Ecto's {@code Ecto.NoResultsError}. */
public final class NoResultsException extends EctoException {
  public NoResultsException(String message) {
    super(message);
  }
}
