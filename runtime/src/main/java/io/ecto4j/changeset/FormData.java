package io.ecto4j.changeset;

import io.ecto4j.meta.Field;
import io.ecto4j.meta.Struct;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The data of a {@link Form}: an immutable map of values by field name, Ecto's {@code data} of
 * {@code {data, types}}. Read a value with {@link #get(Field)}; {@link #toMap()} gives them all.
 * "Changing" returns a copy, as {@link Changeset#applyChanges()} does.
 */
public final class FormData implements Struct<FormData> {

  private final Form form;
  private final Map<String, Object> values;

  FormData(Form form, Map<String, Object> values) {
    this.form = form;
    this.values = values;
  }

  static FormData of(Form form, Map<String, ?> values) {
    Map<String, Object> checked = new LinkedHashMap<>();
    for (Map.Entry<String, ?> entry : values.entrySet()) {
      String name = Objects.requireNonNull(entry.getKey(), "a form value needs a field name, got a null key");
      Object value = entry.getValue();
      checked.put(name, form.findField(name).<Object>map(field -> field.castValue(value)).orElse(value));
    }
    return new FormData(form, Collections.unmodifiableMap(checked));
  }

  /** The form this data belongs to. */
  @Override
  public Form schema() {
    return form;
  }

  /** The value of {@code field}, null when the data has none. */
  public <V> V get(Field<FormData, V> field) {
    return field.get(this);
  }

  /** Whether the data holds a value (perhaps null) under {@code name}. */
  public boolean has(String name) {
    return values.containsKey(name);
  }

  /** Every value by field name, in the order they were first given; unmodifiable, may hold nulls. */
  public Map<String, Object> toMap() {
    return values;
  }

  /** The value under {@code name}, of the field's type: checked when it was put ({@link #of}, {@link Field#set}). */
  @SuppressWarnings("unchecked")
  <V> V value(String name) {
    return (V) values.get(name);
  }

  /** A copy holding {@code value} under {@code name}. */
  FormData with(String name, Object value) {
    if (values.containsKey(name) && Objects.equals(values.get(name), value)) {
      return this;
    }
    Map<String, Object> copy = new LinkedHashMap<>(values);
    copy.put(name, value);
    return new FormData(form, Collections.unmodifiableMap(copy));
  }

  /** Equal when of the same form with equal values. */
  @Override
  public boolean equals(Object o) {
    return o instanceof FormData other && other.form == form && other.values.equals(values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(System.identityHashCode(form), values);
  }

  /** {@code Signup{email=ada@example.com, password=**redacted**}}: redacted fields are never shown. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(form.schemaName()).append('{');
    String separator = "";
    for (Map.Entry<String, Object> entry : values.entrySet()) {
      Object shown = form.findField(entry.getKey()).map(field -> field.shown(entry.getValue())).orElse(entry.getValue());
      text.append(separator).append(entry.getKey()).append('=').append(shown);
      separator = ", ";
    }
    return text.append('}').toString();
  }
}
