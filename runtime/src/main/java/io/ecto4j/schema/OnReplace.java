package io.ecto4j.schema;

/**
 * What happens to a loaded child that a changeset's new value for its association leaves out,
 * Ecto's {@code :on_replace}; declared on the association, overridable per {@code castAssoc} call.
 */
public enum OnReplace {
  /** Refuse with an exception (Ecto's default): replacing children must be a decision. */
  RAISE,
  /** Make the changeset invalid: {@code is invalid} on the association. */
  MARK_AS_INVALID,
  /** Set the child's foreign key to null. */
  NILIFY,
  /** Delete the child; one already gone makes the write fail with {@code StaleEntryException}. */
  DELETE,
  /** Delete the child if it still exists, Ecto's {@code :delete_if_exists}: one already gone is no error. */
  DELETE_IF_EXISTS,
  /** For to-one associations: update the existing child with the new params instead of replacing it. */
  UPDATE
}
