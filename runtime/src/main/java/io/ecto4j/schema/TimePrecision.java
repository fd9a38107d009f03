package io.ecto4j.schema;

/**
 * How finely a date-time or time field keeps the time: Ecto's {@code :utc_datetime} (seconds) beside
 * {@code :utc_datetime_usec} (microseconds), and the same for {@code :naive_datetime} and {@code :time}.
 *
 * <pre>{@code
 * @Field(precision = TimePrecision.SECONDS) Instant publishedAt();   // timestamptz(0)
 * @Timestamps(precision = TimePrecision.SECONDS)                    // inserted_at, updated_at
 * }</pre>
 *
 * <p>Casting truncates to the precision, as Ecto does; binding a value finer than a
 * {@link #SECONDS} field holds throws, as Ecto's dump raises, rather than silently losing it.
 */
public enum TimePrecision {
  /** Microseconds, PostgreSQL's finest: {@code timestamptz}, {@code timestamp}, {@code time}. */
  MICROSECONDS,
  /** Whole seconds: {@code timestamptz(0)}, {@code timestamp(0)}, {@code time(0)}. */
  SECONDS
}
