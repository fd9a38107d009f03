package io.ecto4j.repo;

import io.ecto4j.EctoException;
import io.ecto4j.changeset.Changeset;
import java.util.Optional;

/**
 * An update or delete found no row to change: the struct is stale, deleted by someone else since it
 * was loaded (or changed, under an optimistic lock). Ecto's {@code Ecto.StaleEntryError}, which
 * carries the changeset: {@link #changeset()} is the one the repo was given, for a caller that
 * reloads and retries, or shows the user what was attempted.
 */
public final class StaleEntryException extends EctoException {
  private final transient Changeset<?> changeset;

  public StaleEntryException(String message) {
    this(message, null);
  }

  /** A stale entry met while writing {@code changeset}. */
  public StaleEntryException(String message, Changeset<?> changeset) {
    super(message);
    this.changeset = changeset;
  }

  /** The changeset whose write found no row, when the write had one (a struct's write has one too). */
  public Optional<Changeset<?>> changeset() {
    return Optional.ofNullable(changeset);
  }

  /** This exception, carrying {@code changeset}. */
  StaleEntryException carrying(Changeset<?> changeset) {
    StaleEntryException carried = new StaleEntryException(getMessage(), changeset);
    carried.setStackTrace(getStackTrace());
    return carried;
  }
}
