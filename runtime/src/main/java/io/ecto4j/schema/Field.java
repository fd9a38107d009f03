package io.ecto4j.schema;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A column of a {@link Schema}, Ecto's {@code field :title, :string}.
 *
 * <pre>{@code
 * @Field String title();
 * @Field(type = "text") String body();
 * @Field(defaultValue = "0") int viewCount();
 * @Field(virtual = true, redact = true) String password();
 * @Field(unique = true) String email();
 * @Field(precision = TimePrecision.SECONDS) Instant publishedAt();
 * }</pre>
 *
 * <p>The Java return type decides the column type (see docs/schemas.md for the table). Primitive
 * types are {@code NOT NULL}; reference types are nullable unless {@link #nullable()} is false.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.CLASS)
public @interface Field {
  /** Marks "no default" in {@link #defaultValue()}; an empty string is a legitimate default. */
  String NO_DEFAULT = "\u0000ecto4j:no-default";

  /** The column name; defaults to the accessor's name in snake_case. */
  String column() default "";

  /** The SQL type, overriding the one implied by the Java type, e.g. {@code "text"} or {@code "numeric(10,2)"}. */
  String type() default "";

  /** The default value, as a literal of the field's type ({@code "false"}, {@code "0"}, {@code "draft"}). */
  String defaultValue() default NO_DEFAULT;

  /** Whether the column accepts {@code NULL}; ignored (always false) for primitive types. */
  boolean nullable() default true;

  /** A field that lives only in the struct and in changesets, never in the table (a password). */
  boolean virtual() default false;

  /** Hidden from {@code toString()}, like Ecto's {@code redact: true}. */
  boolean redact() default false;

  /**
   * A unique index {@code <table>_<column>_index} in the generated DDL: the index, and its name,
   * that {@code uniqueConstraint} on this field expects.
   */
  boolean unique() default false;

  /**
   * How finely an {@code Instant}, {@code OffsetDateTime}, {@code LocalDateTime} or {@code LocalTime}
   * keeps the time: {@link TimePrecision#SECONDS} is Ecto's {@code :utc_datetime} ({@code timestamptz(0)}),
   * the default microseconds its {@code :utc_datetime_usec}. Other types refuse it.
   */
  TimePrecision precision() default TimePrecision.MICROSECONDS;
}
