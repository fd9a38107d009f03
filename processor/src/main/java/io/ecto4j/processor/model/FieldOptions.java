package io.ecto4j.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.Objects;
import java.util.Optional;

/**
 * How the repo writes and reads a column: Ecto's {@code writable}, {@code on_writable_violation},
 * {@code read_after_writes}, {@code load_in_query} and {@code autogenerate}.
 *
 * @param writable the {@code io.ecto4j.schema.Writable} constant's name
 * @param onViolation the {@code WritableViolation} constant's name, the schema's when the field inherits it
 * @param autogenerate the class that makes the value on insert, if any
 */
public record FieldOptions(String writable, String onViolation, boolean readAfterWrites, boolean loadInQuery,
    Optional<ClassName> autogenerate) {
  /** What a column has when nothing is declared. */
  public static final FieldOptions DEFAULTS = new FieldOptions("ALWAYS", "NOTHING", false, true, Optional.empty());

  public FieldOptions {
    Objects.requireNonNull(writable, "writable");
    Objects.requireNonNull(onViolation, "onViolation");
    Objects.requireNonNull(autogenerate, "autogenerate");
  }

  /** Whether inserts write the column. */
  public boolean insertable() {
    return !writable.equals("NEVER");
  }
}
