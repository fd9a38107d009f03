package io.ecto4j.type;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Map;
import java.util.Optional;

/**
 * A date or time given as a map of its parts, as a form with one input per part sends it:
 * {@code {"year": "2015", "month": "1", "day": "23", "hour": "23", "minute": "50"}}. Parts are integers
 * or strings of one; {@code ""} and null are empty. All required parts empty is null (an empty form);
 * some empty is invalid. {@code second} and {@code microsecond} are optional and default to zero.
 */
final class MapFields {
  private static final Object EMPTY = new Object();
  private static final Object BAD = new Object();

  private final Map<?, ?> fields;

  private MapFields(Map<?, ?> fields) {
    this.fields = fields;
  }

  static MapFields of(Map<?, ?> fields) {
    return new MapFields(fields);
  }

  CastResult<LocalDate> date() {
    if (allEmpty("year", "month", "day")) {
      return CastResult.ok(null);
    }
    return dateParts().map(TimeCasts::valid).orElse(CastResult.invalid());
  }

  CastResult<LocalTime> time() {
    if (allEmpty("hour", "minute")) {
      return CastResult.ok(null);
    }
    return timeParts().map(TimeCasts::valid).orElse(CastResult.invalid());
  }

  CastResult<LocalDateTime> naive() {
    if (allEmpty("year", "month", "day", "hour", "minute")) {
      return CastResult.ok(null);
    }
    Optional<java.util.function.Supplier<LocalDate>> date = dateParts();
    Optional<java.util.function.Supplier<LocalTime>> time = timeParts();
    if (date.isEmpty() || time.isEmpty()) {
      return CastResult.invalid();
    }
    return TimeCasts.valid(() -> LocalDateTime.of(date.get().get(), time.get().get()));
  }

  private Optional<java.util.function.Supplier<LocalDate>> dateParts() {
    Object year = part("year");
    Object month = part("month");
    Object day = part("day");
    if (!(year instanceof Integer y && month instanceof Integer m && day instanceof Integer d)) {
      return Optional.empty();
    }
    return Optional.of(() -> LocalDate.of(y, m, d));
  }

  private Optional<java.util.function.Supplier<LocalTime>> timeParts() {
    Object hour = part("hour");
    Object minute = part("minute");
    Object second = optional("second");
    Object micro = optional("microsecond");
    if (!(hour instanceof Integer h && minute instanceof Integer m && second instanceof Integer s
        && micro instanceof Integer u)) {
      return Optional.empty();
    }
    if (u < 0 || u > 999_999) {
      return Optional.empty();
    }
    return Optional.of(() -> LocalTime.of(h, m, s, u * 1000));
  }

  /** Every key present and empty, Ecto's rule for a form left blank. */
  private boolean allEmpty(String... keys) {
    for (String key : keys) {
      if (!fields.containsKey(key) || part(key) != EMPTY) {
        return false;
      }
    }
    return true;
  }

  private Object optional(String key) {
    Object value = part(key);
    return value == EMPTY ? Integer.valueOf(0) : value;
  }

  /** An {@code Integer}, {@link #EMPTY} for a missing, null or blank part, {@link #BAD} otherwise. */
  private Object part(String key) {
    Object value = fields.get(key);
    if (value == null || (value instanceof String s && s.isEmpty())) {
      return EMPTY;
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      long number = ((Number) value).longValue();
      return number == (int) number ? Integer.valueOf((int) number) : BAD;
    }
    if (value instanceof String s && s.length() <= 10) {
      try {
        return Integer.valueOf(Integer.parseInt(s.trim()));
      } catch (NumberFormatException notANumber) {
        return BAD;
      }
    }
    return BAD;
  }
}
