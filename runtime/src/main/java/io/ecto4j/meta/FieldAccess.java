package io.ecto4j.meta;

/**
 * Reads and copies a struct's fields (its values and its association slots) by their position;
 * generated companions implement it, so that each typed field constant is built from its position
 * ({@link Field#at}) and each association from its slot's ({@link Association.Builder#toOneSlot})
 * rather than from method references and lambdas. javac resolves every method reference against
 * its functional interface one by one, which was a fifth of what compiling the generated code cost
 * (#21, docs/benchmarks.md "Fifth pass"); a {@code switch} over positions costs a fraction of that
 * and leaves no lambda class to spin up when the companion is first used.
 *
 * <p>Positions are the generator's business: only a {@link Field} or an {@link Association} made
 * with its own position calls these methods. Code that wants a value reads it through the field or
 * the association: {@code Posts.TITLE.get(post)}, {@code Posts.COMMENTS.isLoaded(post)}.
 *
 * @param <S> the struct
 */
public interface FieldAccess<S> {

  /**
   * The value at {@code position} of {@code struct}, boxed for a primitive; for an association
   * slot, what its accessor returns (which throws when the slot is not loaded).
   */
  Object value(S struct, int position);

  /** A copy of {@code struct} with the value at {@code position} replaced by {@code value}. */
  S withValue(S struct, int position, Object value);

  /** Whether the association slot at {@code position} of {@code struct} holds loaded data. */
  boolean isLoaded(S struct, int position);

  /** What the methods above throw for a position their struct has no field (or association slot) at. */
  static IndexOutOfBoundsException noField(Class<?> struct, int position) {
    return new IndexOutOfBoundsException("no field at position " + position + " of " + struct.getName());
  }
}
