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

  /**
   * What {@code key}'s step failed with, as a {@code type}, when that step is the one that failed
   * and its value is one: {@code failure.value(CHARGE, PaymentDeclined.class)}. Empty otherwise, so
   * that a failure of another step, or of another type, is never a {@code ClassCastException}.
   */
  public <E> Optional<E> value(Key<?> key, Class<E> type) {
    return step.equals(key) && type.isInstance(value) ? Optional.of(type.cast(value)) : Optional.empty();
  }

  /** The failed changeset, when {@code key}'s write step is the one that failed. */
  @SuppressWarnings("unchecked")
  public <S extends Struct<S>> Optional<Changeset<S>> changeset(Key<S> key) {
    return step.equals(key) && value instanceof Changeset<?> changeset
        ? Optional.of((Changeset<S>) changeset) : Optional.empty();
  }
}
