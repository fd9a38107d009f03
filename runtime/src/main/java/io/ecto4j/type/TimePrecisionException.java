package io.ecto4j.type;

/**
 * A value with a fraction of a second bound to a field that keeps whole seconds
 * ({@code TimePrecision.SECONDS}), as Ecto's dump of {@code :utc_datetime} raises. Nothing is sent:
 * truncate the value ({@code value.truncatedTo(ChronoUnit.SECONDS)}) or cast it through a changeset,
 * which truncates.
 */
public final class TimePrecisionException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String type;
  private final String value;
  private final int parameterIndex;
  private final String field;

  TimePrecisionException(String type, Object value, int parameterIndex) {
    this(type, String.valueOf(value), parameterIndex, null);
  }

  private TimePrecisionException(String type, String value, int parameterIndex, String field) {
    super("[TimePrecision] " + (field == null ? "parameter " + parameterIndex : field) + ": " + type
        + " expects microseconds to be empty, got " + value
        + "; truncate it with truncatedTo(ChronoUnit.SECONDS) or cast it through a changeset, which truncates");
    this.type = type;
    this.value = value;
    this.parameterIndex = parameterIndex;
    this.field = field;
  }

  /** This exception with the field that was bound, {@code Post.publishedAt}, in its message. */
  public TimePrecisionException inField(String field) {
    return new TimePrecisionException(type, value, parameterIndex, field);
  }

  /** The 1-based parameter the value was bound to. */
  public int parameterIndex() {
    return parameterIndex;
  }

  /** The field named by {@link #inField}, if any. */
  public java.util.Optional<String> field() {
    return java.util.Optional.ofNullable(field);
  }
}
