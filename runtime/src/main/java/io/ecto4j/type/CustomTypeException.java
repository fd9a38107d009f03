package io.ecto4j.type;

import java.util.Optional;

/**
 * A {@link CustomType} failed to dump a value for the database or to load one from it, Ecto's
 * {@code Ecto.ChangeError} for a dump or load that returns {@code :error}, or its cast broke its
 * contract (returned no {@link CastResult}, or threw), Ecto's "expected cast/1 to return {:ok, v}". The message names the
 * type, the value's class and, once a caller adds it with {@link #inField}, the field:
 *
 * <pre>{@code
 * [CustomTypeDump] Email.Type cannot dump a java.lang.Integer for Account.email: not an Email
 * }</pre>
 */
public final class CustomTypeException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Whether the value was going to the database or coming from it. */
  public enum Direction {
    /** {@code dump}: a value bound as a parameter. */
    DUMP,
    /** {@code load}: a value read from a row. */
    LOAD,
    /** {@code cast}: external input, when {@link CustomType#castInput} returned null or threw. */
    CAST
  }

  private final Direction direction;
  private final String type;
  private final String valueClass;
  private final String field;

  private CustomTypeException(Direction direction, String type, String valueClass, String field, Throwable cause) {
    super(message(direction, type, valueClass, field, cause), cause);
    this.direction = direction;
    this.type = type;
    this.valueClass = valueClass;
    this.field = field;
  }

  static CustomTypeException of(Direction direction, String type, Object value, Throwable cause) {
    return new CustomTypeException(direction, type, value.getClass().getName(), null, cause);
  }

  /** This failure, naming the field, e.g. {@code Account.email}; this exception is the cause. */
  public CustomTypeException inField(String field) {
    return new CustomTypeException(direction, type, valueClass, field, this);
  }

  /** Whether a dump or a load failed. */
  public Direction direction() {
    return direction;
  }

  /** The type's {@link FieldType#name()}. */
  public String type() {
    return type;
  }

  /** The class of the value that could not be converted. */
  public String valueClass() {
    return valueClass;
  }

  /** The field, once a caller named it. */
  public Optional<String> field() {
    return Optional.ofNullable(field);
  }

  private static String message(Direction direction, String type, String valueClass, String field, Throwable cause) {
    Throwable reason = cause instanceof CustomTypeException ? cause.getCause() : cause;
    String verb = direction.name().toLowerCase(java.util.Locale.ROOT);
    return "[CustomType" + verb.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + verb.substring(1) + "] " + type
        + " cannot " + verb + " a "
        + valueClass + (field == null ? "" : " for " + field)
        + (reason == null || reason.getMessage() == null ? "" : ": " + reason.getMessage());
  }
}
