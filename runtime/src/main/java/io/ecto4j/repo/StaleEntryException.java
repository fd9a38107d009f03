package io.ecto4j.repo;

import io.ecto4j.EctoException;

/**
 * An update or delete found no row to change: the struct is stale, deleted by someone else since it
 * was loaded. Ecto's {@code Ecto.StaleEntryError}.
 */
public final class StaleEntryException extends EctoException {
  public StaleEntryException(String message) {
    super(message);
  }
}
