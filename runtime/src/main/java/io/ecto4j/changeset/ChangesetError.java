package io.ecto4j.changeset;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One error of a changeset, Ecto's {@code {field, {message, keys}}}: a message template with
 * {@code %{count}}-style placeholders and the metadata that fills them.
 *
 * <pre>{@code
 * // title: should be at least %{count} character(s) [count: 3, validation: length, kind: min]
 * error.interpolated(); // "should be at least 3 character(s)"
 * }</pre>
 *
 * @param field the field's name, e.g. {@code title}
 * @param message the message template
 * @param keys metadata, e.g. {@code validation: length, count: 3}
 */
public record ChangesetError(String field, String message, Map<String, Object> keys) {
  private static final Pattern PLACEHOLDER = Pattern.compile("%\\{(\\w+)}");

  public ChangesetError {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
    // Ecto's metadata is a keyword list: keep its order for display, forbid changes.
    keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
  }

  /** The message with each {@code %{key}} replaced by its metadata value. */
  public String interpolated() {
    Matcher matcher = PLACEHOLDER.matcher(message);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      Object value = keys.get(matcher.group(1));
      matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? matcher.group() : String.valueOf(value)));
    }
    return matcher.appendTail(out).toString();
  }

  @Override
  public String toString() {
    return field + ": " + interpolated();
  }
}
