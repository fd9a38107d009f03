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

  TimePrecisionException(String type, Object value) {
    this(type, String.valueOf(value), null);
  }

  private TimePrecisionException(String type, String value, String field) {
    super("[TimePrecision] " + (field == null ? "" : field + ": ") + type + " expects microseconds to be empty, got "
        + value + "; truncate it with truncatedTo(ChronoUnit.SECONDS) or cast it through a changeset, which truncates");
    this.type = type;
    this.value = value;
  }

  /** This exception with the field that was bound, {@code Post.publishedAt}, in its message. */
  public TimePrecisionException inField(String field) {
    return new TimePrecisionException(type, value, field);
  }
}
