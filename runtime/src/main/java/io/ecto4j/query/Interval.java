package io.ecto4j.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The units of date and time arithmetic, Ecto's {@code "day"}, {@code "month"} and so on:
 * {@code Functions.ago(7, Interval.DAY)}. A unit chosen at run time, Ecto's
 * {@code datetime_add(p.at, ^n, ^unit)}, is {@link #of(String)}: the unit is always written into the
 * SQL as one of these constants, never as a bound text.
 */
public enum Interval {
  MICROSECOND, MILLISECOND, SECOND, MINUTE, HOUR, DAY, WEEK, MONTH, YEAR;

  /**
   * The unit named as Ecto names it ({@code "year"}, {@code "millisecond"}…), for a unit that
   * comes from a request or a setting; any other text is refused with the list of units.
   */
  public static Interval of(String unit) {
    for (Interval interval : values()) {
      if (interval.ectoName().equals(unit)) {
        return interval;
      }
    }
    throw new IllegalArgumentException("invalid interval: `" + (unit == null ? "nil" : "\"" + unit + "\"")
        + "` (expected one of " + ectoOrder()
        + ")");
  }

  /** The names largest first, as Ecto lists them. */
  private static String ectoOrder() {
    List<String> names = new ArrayList<>(Arrays.stream(values()).map(Interval::ectoName).toList());
    Collections.reverse(names);
    return String.join(", ", names);
  }

  /** The unit's name in Ecto and in PostgreSQL's interval literals: {@code "day"}. */
  String ectoName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** {@code interval '1 day'}: the unit's own literal, never a value. */
  String sql() {
    return "interval '1 " + ectoName() + "'";
  }
}
