package io.ecto4j.changeset;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Options of {@link Changeset#validateNumber}: Ecto's {@code less_than:}, {@code greater_than:},
 * their {@code _or_equal_to} variants, {@code equal_to:}, {@code not_equal_to:} and {@code message:}.
 *
 * <pre>{@code
 * changeset.validateNumber(Users.AGE, Numbers.greaterThan(0), Numbers.lessThan(150));
 * }</pre>
 */
public final class Numbers {
  /** One comparison, with Ecto's kind name and message. */
  enum Kind {
    LESS_THAN("less_than", "must be less than %{number}"),
    GREATER_THAN("greater_than", "must be greater than %{number}"),
    LESS_THAN_OR_EQUAL_TO("less_than_or_equal_to", "must be less than or equal to %{number}"),
    GREATER_THAN_OR_EQUAL_TO("greater_than_or_equal_to", "must be greater than or equal to %{number}"),
    EQUAL_TO("equal_to", "must be equal to %{number}"),
    NOT_EQUAL_TO("not_equal_to", "must be not equal to %{number}");

    final String key;
    final String message;

    Kind(String key, String message) {
      this.key = key;
      this.message = message;
    }

    boolean holds(int comparison) {
      return switch (this) {
        case LESS_THAN -> comparison < 0;
        case GREATER_THAN -> comparison > 0;
        case LESS_THAN_OR_EQUAL_TO -> comparison <= 0;
        case GREATER_THAN_OR_EQUAL_TO -> comparison >= 0;
        case EQUAL_TO -> comparison == 0;
        case NOT_EQUAL_TO -> comparison != 0;
      };
    }
  }

  final Kind kind;
  final Number number;
  final Message message;

  private Numbers(Kind kind, Number number, Message message) {
    this.kind = kind;
    this.number = number;
    this.message = message;
  }

  public static Numbers lessThan(Number number) {
    return new Numbers(Kind.LESS_THAN, requireFinite(number), null);
  }

  public static Numbers greaterThan(Number number) {
    return new Numbers(Kind.GREATER_THAN, requireFinite(number), null);
  }

  public static Numbers lessThanOrEqualTo(Number number) {
    return new Numbers(Kind.LESS_THAN_OR_EQUAL_TO, requireFinite(number), null);
  }

  public static Numbers greaterThanOrEqualTo(Number number) {
    return new Numbers(Kind.GREATER_THAN_OR_EQUAL_TO, requireFinite(number), null);
  }

  public static Numbers equalTo(Number number) {
    return new Numbers(Kind.EQUAL_TO, requireFinite(number), null);
  }

  public static Numbers notEqualTo(Number number) {
    return new Numbers(Kind.NOT_EQUAL_TO, requireFinite(number), null);
  }

  /** The message for any failure, instead of Ecto's. */
  public static Numbers message(String message) {
    return message(Message.of(Objects.requireNonNull(message, "message")));
  }

  /** The message and extra metadata for any failure, Ecto's {@code message: {msg, keys}}. */
  public static Numbers message(Message message) {
    return new Numbers(null, null, Objects.requireNonNull(message, "message"));
  }

  private static Number requireFinite(Number number) {
    Objects.requireNonNull(number, "number");
    if ((number instanceof Double || number instanceof Float) && !Double.isFinite(number.doubleValue())) {
      throw new IllegalArgumentException("validateNumber needs a finite bound, got " + number);
    }
    return number;
  }

  /** {@code value} compared with {@code bound}, exactly, whatever their Number classes. */
  static int compare(Number value, Number bound) {
    return decimal(value).compareTo(decimal(bound));
  }

  private static BigDecimal decimal(Number number) {
    if (number instanceof BigDecimal d) {
      return d;
    }
    if (number instanceof Double || number instanceof Float) {
      return BigDecimal.valueOf(number.doubleValue());
    }
    if (number instanceof java.math.BigInteger b) {
      return new BigDecimal(b);
    }
    return BigDecimal.valueOf(number.longValue());
  }
}
