package io.ecto4j.changeset;

import io.ecto4j.type.FieldType;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * The options of {@code cast}, Ecto's {@code empty_values:}, {@code trim_values:},
 * {@code force_changes:} and {@code message:}. Immutable; each method returns a copy with one
 * option set.
 *
 * <pre>{@code
 * Changeset.cast(post, params, CastOptions.defaults()
 *         .emptyValues(List.of(), "")                  // an empty list is empty too
 *         .forceChanges()                               // keep values equal to the data as changes
 *         .message((field, meta) -> field.equals("title") ? "must be text" : null),
 *     Posts.TITLE, Posts.TOPICS);
 * }</pre>
 *
 * <p>A param is compared with the empty values after it is trimmed: by default its leading
 * whitespace is removed, except for a binary ({@code byte[]}) field, where whitespace is data
 * (Ecto's {@code Ecto.Type.trim/2}); {@link #trimValues} replaces that. An empty param becomes the
 * field's default; any other is cast as given, untrimmed. In a list param, empty elements are
 * dropped first (trimmed the default way).
 */
public final class CastOptions {
  private static final CastOptions DEFAULTS =
      new CastOptions(null, CastOptions::trimLeadingWhitespace, false, (field, meta) -> null);

  private final Predicate<Object> emptyValues;
  private final BiFunction<FieldType<?>, Object, Object> trim;
  private final boolean forceChanges;
  private final BiFunction<String, Map<String, Object>, String> message;

  private CastOptions(Predicate<Object> emptyValues, BiFunction<FieldType<?>, Object, Object> trim,
      boolean forceChanges, BiFunction<String, Map<String, Object>, String> message) {
    this.emptyValues = emptyValues;
    this.trim = trim;
    this.forceChanges = forceChanges;
    this.message = message;
  }

  /** No option set: the changeset's empty values (Ecto's {@code [""]}), no forced changes, Ecto's messages. */
  public static CastOptions defaults() {
    return DEFAULTS;
  }

  /**
   * The values that count as empty (compared with {@code equals} after trimming), Ecto's
   * {@code empty_values:}; they replace the defaults and stay with the changeset, for later casts
   * and {@code validateRequired}.
   */
  public CastOptions emptyValues(Object... values) {
    return emptyValues(new EmptyValues(java.util.Arrays.asList(values)));
  }

  /** Empty values given as a list: equal lists are equal options, so merged changesets agree on them. */
  record EmptyValues(List<Object> values) implements Predicate<Object> {
    EmptyValues {
      // A list that may hold null and be asked for null (List.of refuses both).
      values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
    }

    @Override
    public boolean test(Object value) {
      return values.contains(value);
    }
  }

  /** {@link #emptyValues(Object...)} as a predicate over the trimmed value. */
  public CastOptions emptyValues(Predicate<Object> empty) {
    return new CastOptions(Objects.requireNonNull(empty, "empty"), trim, forceChanges, message);
  }

  /**
   * How a param is trimmed before it is compared with the empty values, Ecto's
   * {@code trim_values:}: called with the field's type and the param (null too), it returns the
   * value to compare. Only the comparison sees it: a param that is not empty is cast as given.
   * The elements of a list param are trimmed the default way.
   *
   * <pre>{@code
   * CastOptions.defaults().trimValues((type, value) -> "n/a".equals(value) ? "" : value)
   * }</pre>
   */
  public CastOptions trimValues(BiFunction<FieldType<?>, Object, Object> trim) {
    return new CastOptions(emptyValues, Objects.requireNonNull(trim, "trim"), forceChanges, message);
  }

  /** Keeps a cast value as a change even when it equals the current one, Ecto's {@code force_changes: true}. */
  public CastOptions forceChanges() {
    return new CastOptions(emptyValues, trim, true, message);
  }

  /**
   * The message of a cast error, Ecto's {@code message:}: called with the field's name and the
   * error's metadata ({@code type}, {@code validation}); a null result keeps {@code is invalid}.
   */
  public CastOptions message(BiFunction<String, Map<String, Object>, String> message) {
    return new CastOptions(emptyValues, trim, forceChanges, Objects.requireNonNull(message, "message"));
  }

  /** The empty values given, or null to keep the changeset's. */
  Predicate<Object> emptyValuesOrNull() {
    return emptyValues;
  }

  /** {@code value} as the empty values are compared with it, for a field of {@code type}. */
  Object trimmed(FieldType<?> type, Object value) {
    return trim.apply(type, value);
  }

  /**
   * Ecto's {@code Ecto.Type.trim/2}: leading whitespace is not data, except in a binary field,
   * where a tab is a byte like any other.
   */
  static Object trimLeadingWhitespace(FieldType<?> type, Object value) {
    return value instanceof String s && type.javaType() != byte[].class ? s.stripLeading() : value;
  }

  boolean isForceChanges() {
    return forceChanges;
  }

  String messageFor(String field, Map<String, Object> meta) {
    return message.apply(field, meta);
  }
}
