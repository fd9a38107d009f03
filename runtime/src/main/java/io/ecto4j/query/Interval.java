package io.ecto4j.query;

/**
 * The units of date and time arithmetic, Ecto's {@code "day"}, {@code "month"} and so on:
 * {@code Functions.ago(7, Interval.DAY)}.
 */
public enum Interval {
  MICROSECOND, MILLISECOND, SECOND, MINUTE, HOUR, DAY, WEEK, MONTH, YEAR;

  /** {@code interval '1 day'}: the unit's own literal, never a value. */
  String sql() {
    return "interval '1 " + name().toLowerCase() + "'";
  }
}
