package io.ecto4j.changeset;

import java.util.Objects;

/**
 * Options of {@link Changeset#validateLength}: Ecto's {@code min:}, {@code max:}, {@code is:},
 * {@code count:} and {@code message:}.
 *
 * <pre>{@code
 * changeset.validateLength(Posts.TITLE, Length.min(3), Length.max(200));
 * changeset.validateLength(Users.PIN, Length.is(4), Length.count(Length.Count.BYTES));
 * }</pre>
 */
public final class Length {
  /** How a string's length is counted. Lists always count items. */
  public enum Count {
    /** User-perceived characters: {@code "é"} (e + combining accent) and {@code "👩‍💻"} are one each. The default. */
    GRAPHEMES,
    /** Unicode code points. */
    CODEPOINTS,
    /** UTF-8 bytes. */
    BYTES
  }

  final Integer min;
  final Integer max;
  final Integer is;
  final Count count;
  final Message message;

  private Length(Integer min, Integer max, Integer is, Count count, Message message) {
    this.min = min;
    this.max = max;
    this.is = is;
    this.count = count;
    this.message = message;
  }

  /** At least {@code count}. */
  public static Length min(int count) {
    return new Length(count, null, null, null, null);
  }

  /** At most {@code count}. */
  public static Length max(int count) {
    return new Length(null, count, null, null, null);
  }

  /** Exactly {@code count}. */
  public static Length is(int count) {
    return new Length(null, null, count, null, null);
  }

  /** How strings are counted; graphemes by default. */
  public static Length count(Count count) {
    return new Length(null, null, null, Objects.requireNonNull(count, "count"), null);
  }

  /** The message for any failure, instead of Ecto's. */
  public static Length message(String message) {
    return message(Message.of(Objects.requireNonNull(message, "message")));
  }

  /** The message and extra metadata for any failure, Ecto's {@code message: {msg, keys}}. */
  public static Length message(Message message) {
    return new Length(null, null, null, null, Objects.requireNonNull(message, "message"));
  }

  /** The options combined, later ones winning. */
  static Length combine(Length... options) {
    Integer min = null;
    Integer max = null;
    Integer is = null;
    Count count = Count.GRAPHEMES;
    Message message = null;
    for (Length option : options) {
      min = option.min != null ? option.min : min;
      max = option.max != null ? option.max : max;
      is = option.is != null ? option.is : is;
      count = option.count != null ? option.count : count;
      message = option.message != null ? option.message : message;
    }
    if (min == null && max == null && is == null) {
      throw new IllegalArgumentException("validateLength needs at least one of Length.min, Length.max or Length.is");
    }
    return new Length(min, max, is, count, message);
  }
}
