package io.ecto4j.multi;

import io.ecto4j.changeset.Changeset;
import io.ecto4j.meta.Struct;
import java.util.Optional;

/**
 * Why a {@link Multi} failed, Ecto's {@code {:error, failed_operation, failed_value, changes_so_far}}.
 *
 * @param step the step that failed
 * @param value what it failed with: the invalid changeset of a write, or a {@code run} step's error
 * @param changesSoFar what the steps before it produced (all rolled back)
 */
public record MultiFailure(Key<?> step, Object value, Changes changesSoFar) {

  /** The failed changeset, when {@code key}'s write step is the one that failed. */
  @SuppressWarnings("unchecked")
  public <S extends Struct<S>> Optional<Changeset<S>> changeset(Key<S> key) {
    return step.equals(key) && value instanceof Changeset<?> changeset
        ? Optional.of((Changeset<S>) changeset) : Optional.empty();
  }
}
