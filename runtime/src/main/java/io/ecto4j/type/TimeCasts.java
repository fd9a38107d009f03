package io.ecto4j.type;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Casting of dates and times from external input, following {@code Ecto.Type.cast/2} for
 * {@code :date}, {@code :time}, {@code :naive_datetime} and {@code :utc_datetime}: ISO 8601 strings
 * (with {@code T} or a space, an optional fraction and offset; {@code "2015-01-23 23:50"} without
 * seconds), maps of {@code "year"}, {@code "month"}, {@code "day"}, {@code "hour"}, {@code "minute"},
 * {@code "second"}, {@code "microsecond"} (integers or strings; all empty is null), and the other
 * {@code java.time} values. Results are at microsecond precision; {@link TimePrecisions} truncates
 * further for the seconds types.
 */
final class TimeCasts {
  private static final String DATE = "(-?\\d{4})-(\\d{2})-(\\d{2})";
  private static final String TIME = "(\\d{2}):(\\d{2}):(\\d{2})(?:[.,](\\d+))?";
  private static final String OFFSET = "(Z|[+-]\\d{2}(?::?\\d{2})?)?";
  private static final Pattern DATE_ONLY = Pattern.compile(DATE);
  private static final Pattern TIME_ONLY = Pattern.compile("T?" + TIME + OFFSET);
  private static final Pattern DATE_TIME = Pattern.compile(DATE + "[T ]" + TIME + OFFSET);
  /** Ecto's short form without seconds, {@code 2015-01-23 23:50} and {@code 23:50}. */
  private static final Pattern NO_SECONDS = Pattern.compile("(-?\\d{4}-\\d{2}-\\d{2}[T ])?\\d{2}:\\d{2}");

  private TimeCasts() {}

  static CastResult<LocalDate> date(Object in) {
    if (in instanceof LocalDate d) {
      return CastResult.ok(d);
    }
    if (in instanceof String s) {
      Matcher date = DATE_ONLY.matcher(s);
      return date.matches() ? valid(() -> dateOf(date, 1)) : map(naive(s), LocalDateTime::toLocalDate);
    }
    if (in instanceof Map<?, ?> fields) {
      return MapFields.of(fields).date();
    }
    CastResult<LocalDateTime> naive = naiveFromValue(in);
    return map(naive, LocalDateTime::toLocalDate);
  }

  static CastResult<LocalTime> time(Object in) {
    if (in instanceof LocalTime t) {
      return CastResult.ok(t);
    }
    if (in instanceof LocalDateTime l) {
      return CastResult.ok(l.toLocalTime());
    }
    // Ecto reads a DateTime's wall clock here, as it reads any struct with hour and minute.
    if (in instanceof OffsetDateTime o) {
      return CastResult.ok(o.toLocalTime());
    }
    if (in instanceof ZonedDateTime z) {
      return CastResult.ok(z.toLocalTime());
    }
    if (in instanceof String s) {
      Matcher time = TIME_ONLY.matcher(padded(s));
      return time.matches() ? valid(() -> timeOf(time, 1)) : CastResult.invalid();
    }
    if (in instanceof Map<?, ?> fields) {
      return MapFields.of(fields).time();
    }
    return CastResult.invalid();
  }

  /** A naive datetime; a value with an offset is taken to UTC first, as Ecto does. */
  static CastResult<LocalDateTime> naive(Object in) {
    if (in instanceof String s) {
      Matcher parts = DATE_TIME.matcher(padded(s));
      return parts.matches() ? valid(() -> LocalDateTime.of(dateOf(parts, 1), timeOf(parts, 4))) : CastResult.invalid();
    }
    if (in instanceof Map<?, ?> fields) {
      return MapFields.of(fields).naive();
    }
    return naiveFromValue(in);
  }

  /** A UTC datetime: a string's offset is applied, a string without one is UTC already. */
  static CastResult<OffsetDateTime> utc(Object in) {
    if (in instanceof String s) {
      Matcher parts = DATE_TIME.matcher(padded(s));
      return parts.matches() ? valid(() -> utcOf(parts)) : CastResult.invalid();
    }
    if (in instanceof Instant i) {
      return CastResult.ok(i.atOffset(ZoneOffset.UTC));
    }
    return map(naive(in), naive -> naive.atOffset(ZoneOffset.UTC));
  }

  private static CastResult<LocalDateTime> naiveFromValue(Object in) {
    if (in instanceof LocalDateTime l) {
      return CastResult.ok(l);
    }
    if (in instanceof Instant i) {
      return CastResult.ok(LocalDateTime.ofInstant(i, ZoneOffset.UTC));
    }
    if (in instanceof OffsetDateTime o) {
      return CastResult.ok(LocalDateTime.ofInstant(o.toInstant(), ZoneOffset.UTC));
    }
    if (in instanceof ZonedDateTime z) {
      return CastResult.ok(LocalDateTime.ofInstant(z.toInstant(), ZoneOffset.UTC));
    }
    return CastResult.invalid();
  }

  private static String padded(String text) {
    return NO_SECONDS.matcher(text).matches() ? text + ":00" : text;
  }

  private static OffsetDateTime utcOf(Matcher parts) {
    LocalDateTime local = LocalDateTime.of(dateOf(parts, 1), timeOf(parts, 4));
    String offset = parts.group(8);
    ZoneOffset zone = offset == null || offset.equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(offset);
    return local.atOffset(zone).withOffsetSameInstant(ZoneOffset.UTC);
  }

  private static LocalDate dateOf(Matcher parts, int first) {
    return LocalDate.of(
        Integer.parseInt(parts.group(first)), Integer.parseInt(parts.group(first + 1)),
        Integer.parseInt(parts.group(first + 2)));
  }

  private static LocalTime timeOf(Matcher parts, int first) {
    String fraction = parts.group(first + 3);
    return LocalTime.of(
        Integer.parseInt(parts.group(first)), Integer.parseInt(parts.group(first + 1)),
        Integer.parseInt(parts.group(first + 2)), fraction == null ? 0 : micros(fraction) * 1000);
  }

  /** The first six digits of a fraction as microseconds: {@code 03} is 30000. */
  private static int micros(String fraction) {
    String six = (fraction + "000000").substring(0, 6);
    return Integer.parseInt(six);
  }

  /** Builds a value from parts that may be out of range (month 13, February 30th): out of range is invalid. */
  static <V> CastResult<V> valid(java.util.function.Supplier<V> build) {
    try {
      return CastResult.ok(build.get());
    } catch (DateTimeException | NumberFormatException outOfRange) {
      return CastResult.invalid();
    }
  }

  /** {@code result} converted when it holds a value; invalid and null pass through. */
  static <A, B> CastResult<B> map(CastResult<A> result, java.util.function.Function<A, B> convert) {
    if (!result.isOk()) {
      return CastResult.invalid();
    }
    return CastResult.ok(result.value() == null ? null : convert.apply(result.value()));
  }
}
