package io.ecto4j.changeset;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A validation declared on a changeset, Ecto's {@code changeset.validations} entry: which field,
 * which kind, with which options. Forms read these to mirror server rules on the client.
 *
 * <pre>{@code
 * changeset.validations(); // [title: length {min=3, max=200}, title: required {}]
 * }</pre>
 *
 * @param field the field's name
 * @param kind the validation, e.g. {@code length}, {@code format}, {@code number}
 * @param options its options, e.g. {@code min: 3}
 */
public record Validation(String field, String kind, Map<String, Object> options) {
  public Validation {
    options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
  }

  @Override
  public String toString() {
    return field + ": " + kind + " " + options;
  }
}
