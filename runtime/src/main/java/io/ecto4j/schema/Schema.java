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

  /**
   * The PostgreSQL schema the table lives in, Ecto's {@code @schema_prefix}: queries, writes,
   * preloads and the DDL use {@code "prefix"."table"}. A query's own prefix gives way to it, as in
   * Ecto; a write's {@code WriteOptions.prefix} wins over it. Empty: the connection's {@code search_path}.
   */
  String prefix() default "";

  /**
   * The schema-wide redaction default, Ecto's {@code @schema_redact}: with
   * {@link Redact#ALL_EXCEPT_PRIMARY_KEYS} every field is hidden from {@code toString()} and from a
   * changeset's inspection unless its {@code @Field(redact = false)} says otherwise.
   */
  Redact redact() default Redact.NONE;

  /** The values of {@link #redact()}. */
  enum Redact {
    /** Only fields with {@code @Field(redact = true)} are redacted (Ecto's {@code @schema_redact false}). */
    NONE,
    /** Every field but the primary key, unless {@code @Field(redact = false)}. */
    ALL_EXCEPT_PRIMARY_KEYS
  }
}
