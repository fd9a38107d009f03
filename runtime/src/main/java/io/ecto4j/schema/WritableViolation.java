package io.ecto4j.schema;

/**
 * What an insert or update does with a change to a field its {@link Writable} forbids it to write,
 * Ecto's {@code on_writable_violation:}. The change is never written; this decides whether anyone hears
 * of it.
 *
 * <pre>{@code
 * @Schema(value = "accounts", onWritableViolation = WritableViolation.RAISE)
 * interface Account {
 *   @Field(writable = Writable.INSERT) String owner();   // RAISE, from the schema
 *   @Field(writable = Writable.INSERT, onWritableViolation = WritableViolation.WARN) String plan();
 * }
 * }</pre>
 */
public enum WritableViolation {
  /** On a {@code @Field}: take the schema's {@code @Schema(onWritableViolation = …)}. Not valid on {@code @Schema}. */
  INHERIT,
  /** Drop the change silently (Ecto's default). */
  NOTHING,
  /** Drop the change and log a warning that names the field. */
  WARN,
  /** Refuse the write with an {@code IllegalArgumentException} that names the field. */
  RAISE
}
