package io.ecto4j.type;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.UUID;

/**
 * Casting rules for external input, following {@code Ecto.Type.cast/2}: strings from forms, and
 * numbers and booleans from JSON. Each returns {@link CastResult#invalid()} instead of throwing.
 */
final class Casts {
  private Casts() {}

  /** A string that PostgreSQL can store: one with an unpaired surrogate is invalid (see {@link Utf16}). */
  static CastResult<String> string(Object in) {
    return in instanceof String s && Utf16.isWellFormed(s) ? CastResult.ok(s) : CastResult.invalid();
  }

  static CastResult<Boolean> bool(Object in) {
    if (in instanceof Boolean b) {
      return CastResult.ok(b);
    }
    if (in instanceof String s) {
      switch (s.trim().toLowerCase(Locale.ROOT)) {
        case "true", "1" -> {
          return CastResult.ok(true);
        }
        case "false", "0" -> {
          return CastResult.ok(false);
        }
        default -> {
          return CastResult.invalid();
        }
      }
    }
    return CastResult.invalid();
  }

  static CastResult<Long> integer(Object in, long min, long max) {
    if (in instanceof Long || in instanceof Integer || in instanceof Short || in instanceof Byte) {
      // A Java integer is range-checked as a long: no BigInteger per cast (every get by an integer key casts).
      long value = ((Number) in).longValue();
      return value < min || value > max ? CastResult.invalid()
          : CastResult.ok(in instanceof Long same ? same : Long.valueOf(value));
    }
    BigInteger value = integral(in);
    if (value == null
        || value.compareTo(BigInteger.valueOf(min)) < 0
        || value.compareTo(BigInteger.valueOf(max)) > 0) {
      return CastResult.invalid();
    }
    return CastResult.ok(value.longValue());
  }

  private static BigInteger integral(Object in) {
    if (in instanceof BigInteger b) {
      return b;
    }
    if (in instanceof String s && s.length() <= 40) {
      try {
        return new BigInteger(s.trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  static CastResult<Double> floating(Object in) {
    double value;
    if (in instanceof Number n && !(in instanceof BigDecimal)) {
      value = n.doubleValue();
    } else if (in instanceof BigDecimal d) {
      value = d.doubleValue();
    } else if (in instanceof String s && s.length() <= 400) {
      try {
        value = Double.parseDouble(s.trim());
      } catch (NumberFormatException e) {
        return CastResult.invalid();
      }
    } else {
      return CastResult.invalid();
    }
    return Double.isFinite(value) ? CastResult.ok(value) : CastResult.invalid();
  }

  static CastResult<BigDecimal> decimal(Object in) {
    try {
      if (in instanceof BigDecimal d) {
        return CastResult.ok(d);
      }
      if (in instanceof Integer || in instanceof Long || in instanceof Short || in instanceof Byte) {
        return CastResult.ok(BigDecimal.valueOf(((Number) in).longValue()));
      }
      if (in instanceof BigInteger b) {
        return CastResult.ok(new BigDecimal(b));
      }
      if (in instanceof Double || in instanceof Float) {
        double value = ((Number) in).doubleValue();
        return Double.isFinite(value) ? CastResult.ok(BigDecimal.valueOf(value)) : CastResult.invalid();
      }
      if (in instanceof String s && s.length() <= 1000) {
        return CastResult.ok(new BigDecimal(s.trim()));
      }
    } catch (NumberFormatException e) {
      return CastResult.invalid();
    }
    return CastResult.invalid();
  }

  static CastResult<UUID> uuid(Object in) {
    if (in instanceof UUID u) {
      return CastResult.ok(u);
    }
    if (in instanceof String s && s.length() == 36 && s.matches("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}")) {
      return CastResult.ok(UUID.fromString(s));
    }
    return CastResult.invalid();
  }

  static CastResult<byte[]> bytes(Object in) {
    if (in instanceof byte[] b) {
      return CastResult.ok(b.clone());
    }
    // UTF-8 encoding would turn an unpaired surrogate into '?', so such a string is invalid.
    if (in instanceof String s && Utf16.isWellFormed(s)) {
      return CastResult.ok(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    return CastResult.invalid();
  }
}
