package io.ecto4j.schema;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an interface as a database schema, like Ecto's {@code schema "posts" do … end}.
 *
 * <pre>{@code
 * @Schema("posts")
 * @Timestamps
 * public interface Post {
 *   @Field String title();
 *   @BelongsTo User author();
 * }
 * }</pre>
 *
 * <p>From {@code Post} the processor generates the struct {@code PostStruct} (an immutable record
 * implementing {@code Post}) and the companion {@code Posts} (typed field constants, the row mapper,
 * the CRUD SQL and the table's DDL). Both names can be overridden with {@link #struct()} and
 * {@link #companion()}.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.CLASS)
public @interface Schema {
  /** The table name, e.g. {@code "posts"}. Required. */
  String value() default "";

  /** The primary key; a {@code bigserial} column named {@code id} unless said otherwise. */
  PrimaryKey primaryKey() default @PrimaryKey;

  /** Simple name of the generated struct; defaults to the interface's name + {@code Struct}. */
  String struct() default "";

  /** Simple name of the generated companion; defaults to the plural of the interface's name. */
  String companion() default "";

  /**
   * What a write does with a change to a field its {@code @Field(writable = …)} forbids, for the
   * fields that do not say (Ecto's {@code @on_writable_violation}); {@code NOTHING} by default.
   */
  WritableViolation onWritableViolation() default WritableViolation.NOTHING;
}
