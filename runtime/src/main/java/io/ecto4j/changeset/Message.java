package io.ecto4j.changeset;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A validation's custom message with extra metadata, Ecto's {@code message: {"%{name} is blank",
 * name: "x"}}: the keys are added to the error's own ({@code validation: required, name: x}), a key
 * of the same name replacing the validation's, and fill the message's placeholders in
 * {@link Changeset#traverseErrors()}.
 *
 * <pre>{@code
 * changeset.validateRequired(List.of(Posts.TITLE), Message.of("%{name} is blank", "name", "Title"));
 * }</pre>
 *
 * @param text the message, with {@code %{key}} placeholders
 * @param keys the extra metadata, in order
 */
public record Message(String text, Map<String, Object> keys) {
  public Message {
    Objects.requireNonNull(text, "text");
    // No keys is the common case (a validation's message given as a plain string): no map to copy.
    keys = keys.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(keys));
  }

  /** {@code text} with keys and values given in turn: {@code Message.of("%{name} yada", "name", "x")}. */
  public static Message of(String text, Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("Message.of takes keys and values in pairs, got " + keysAndValues.length
          + " values after the text");
    }
    if (keysAndValues.length == 0) {
      return new Message(text, Map.of());
    }
    Map<String, Object> keys = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      keys.put(String.valueOf(keysAndValues[i]), keysAndValues[i + 1]);
    }
    return new Message(text, keys);
  }

  /** The validation's {@code metadata} merged with these keys, as Ecto's {@code Keyword.merge}: replaced keys move last. */
  Map<String, Object> merged(Map<String, Object> metadata) {
    if (keys.isEmpty()) {
      return metadata;
    }
    Map<String, Object> merged = new LinkedHashMap<>(metadata);
    keys.keySet().forEach(merged::remove);
    merged.putAll(keys);
    return merged;
  }

  /** The error on {@code field} with this message and the merged metadata. */
  ChangesetError error(String field, Map<String, Object> metadata) {
    return new ChangesetError(field, text, merged(metadata));
  }
}
