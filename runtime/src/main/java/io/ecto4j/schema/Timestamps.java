package io.ecto4j.schema;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Adds {@code inserted_at} and {@code updated_at}, Ecto's {@code timestamps()}. ecto4j sets them on
 * insert and touches {@code updated_at} on every update that changes something; both carry
 * microsecond precision unless {@link #precision()} says seconds.
 *
 * <pre>{@code
 * @Schema("posts") @Timestamps
 * public interface Post { … }
 * }</pre>
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.CLASS)
public @interface Timestamps {
  /** Accessor name of the insertion timestamp; its column is the snake_case form. */
  String insertedAt() default "insertedAt";

  /** Accessor name of the update timestamp; empty for none (Ecto's {@code updated_at: false}). */
  String updatedAt() default "updatedAt";

  /** The Java type of both timestamps. */
  Type type() default Type.INSTANT;

  /** The column of the insertion timestamp, when it differs from the accessor's snake_case (Ecto's {@code inserted_at_source}). */
  String insertedAtColumn() default "";

  /** The column of the update timestamp, when it differs from the accessor's snake_case (Ecto's {@code updated_at_source}). */
  String updatedAtColumn() default "";

  /**
   * When the repo writes the insertion timestamp (Ecto's {@code inserted_at_writable}): {@code ALWAYS}
   * or {@code INSERT}; {@code NEVER} is a compile error, as the repo could never set it.
   */
  Writable insertedAtWritable() default Writable.ALWAYS;

  /** What a write does with a forbidden change to the insertion timestamp (Ecto's {@code inserted_at_on_writable_violation}). */
  WritableViolation insertedAtOnWritableViolation() default WritableViolation.INHERIT;

  /**
   * Makes the timestamps' values instead of the repo's clock (Ecto's {@code autogenerate:} of
   * {@code timestamps}): a class implementing {@link Autogenerate} of {@link #type()}'s Java type;
   * both timestamps on insert, the update timestamp on update. {@code Autogenerate.class}, the
   * default, means the repo's clock.
   */
  @SuppressWarnings("rawtypes")
  Class<? extends Autogenerate> autogenerate() default Autogenerate.class;

  /** {@link TimePrecision#SECONDS} for Ecto's {@code timestamps(type: :utc_datetime)}: {@code timestamptz(0)}. */
  TimePrecision precision() default TimePrecision.MICROSECONDS;

  /** Timestamp representations. */
  enum Type {
    /** {@code java.time.Instant} in a {@code timestamptz} column (Ecto's {@code :utc_datetime_usec}). */
    INSTANT,
    /** {@code java.time.OffsetDateTime} in a {@code timestamptz} column, always at UTC. */
    OFFSET_DATE_TIME,
    /** {@code java.time.LocalDateTime} in a {@code timestamp} column (Ecto's {@code :naive_datetime_usec}), in UTC. */
    LOCAL_DATE_TIME
  }
}
