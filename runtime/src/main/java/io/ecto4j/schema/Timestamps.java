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
