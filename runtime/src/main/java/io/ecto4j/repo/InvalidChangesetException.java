package io.ecto4j.repo;

import io.ecto4j.EctoException;
import io.ecto4j.changeset.Changeset;

/**
 * A bang write ({@code insertOrThrow}, {@code updateOrThrow}, …) was given an invalid changeset,
 * Ecto's {@code Ecto.InvalidChangesetError}. The changeset, with its errors, is attached.
 */
public final class InvalidChangesetException extends EctoException {
  private final transient Changeset<?> changeset;

  public InvalidChangesetException(Changeset<?> changeset) {
    super("could not perform " + changeset.action().map(a -> a.name().toLowerCase()).orElse("the action")
        + " because the " + changeset.table().schemaName() + " changeset is invalid.\n\nErrors\n\n  "
        + changeset.errors() + "\n\nChangeset\n\n  " + changeset);
    this.changeset = changeset;
  }

  /** The invalid changeset. */
  public Changeset<?> changeset() {
    return changeset;
  }
}
