package io.ecto4j.type;

import java.util.Optional;

/**
 * A string bound as a statement parameter has an unpaired UTF-16 surrogate, which PostgreSQL
 * cannot store: the driver would send {@code ?} in its place. Thrown before anything is sent. A bind
 * knows the parameter and where the character is; callers that know more add it with
 * {@link #inField} and {@link #inStatement}, each returning a new exception with the fuller message.
 *
 * <pre>{@code
 * [UnpairedSurrogate] Post.title (parameter 2): the string has an unpaired high surrogate \uD800
 * at index 1; a String must be well-formed UTF-16 to be stored in PostgreSQL (the driver would
 * send '?' in its place): remove the surrogate or complete its pair
 *   in: INSERT INTO "posts" …
 * }</pre>
 */
public final class UnpairedSurrogateException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final int parameterIndex;
  private final String place;
  private final int offset;
  private final char surrogate;
  private final String field;
  private final String sql;

  private UnpairedSurrogateException(int parameterIndex, String place, int offset, char surrogate, String field,
      String sql, Throwable cause) {
    super(message(parameterIndex, place, offset, surrogate, field, sql), cause);
    this.parameterIndex = parameterIndex;
    this.place = place;
    this.offset = offset;
    this.surrogate = surrogate;
    this.field = field;
    this.sql = sql;
  }

  /**
   * The surrogate at {@code offset} of {@code text}, bound as parameter {@code parameterIndex}.
   *
   * @param place where {@code text} is in the value, e.g. {@code the element [2]}; null: it is the value
   */
  static UnpairedSurrogateException of(int parameterIndex, String place, CharSequence text, int offset) {
    return new UnpairedSurrogateException(parameterIndex, place, offset, text.charAt(offset), null, null, null);
  }

  /** This failure, naming the field bound, e.g. {@code Post.title}; this exception is the cause. */
  public UnpairedSurrogateException inField(String field) {
    return new UnpairedSurrogateException(parameterIndex, place, offset, surrogate, field, sql, this);
  }

  /** This failure, with the statement it was bound for; this exception is the cause. */
  public UnpairedSurrogateException inStatement(String sql) {
    return new UnpairedSurrogateException(parameterIndex, place, offset, surrogate, field, sql, this);
  }

  /** The 1-based index of the {@code ?} placeholder the string was bound to. */
  public int parameterIndex() {
    return parameterIndex;
  }

  /** The index of the unpaired surrogate in its string. */
  public int offset() {
    return offset;
  }

  /** The unpaired surrogate, {@code \uD800}–{@code \uDFFF}. */
  public char surrogate() {
    return surrogate;
  }

  /** The field bound, once a caller named it. */
  public Optional<String> field() {
    return Optional.ofNullable(field);
  }

  /** The statement, once a caller added it. */
  public Optional<String> sql() {
    return Optional.ofNullable(sql);
  }

  private static String message(int parameterIndex, String place, int offset, char surrogate, String field,
      String sql) {
    String parameter = "parameter " + parameterIndex;
    return "[UnpairedSurrogate] " + (field == null ? parameter : field + " (" + parameter + ")") + ": "
        + (place == null ? "the string" : place) + " has an unpaired "
        + (Character.isHighSurrogate(surrogate) ? "high" : "low") + " surrogate "
        + String.format("\\u%04X", (int) surrogate) + " at index " + offset
        + "; a String must be well-formed UTF-16 to be stored in PostgreSQL (the driver would send '?'"
        + " in its place): remove the surrogate or complete its pair"
        + (sql == null ? "" : "\n  in: " + sql);
  }
}
