package io.ecto4j.changeset;

import io.ecto4j.meta.Field;
import io.ecto4j.meta.Table;
import io.ecto4j.type.CastResult;
import io.ecto4j.type.CustomTypeException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Ecto's {@code cast/4}: each permitted field's param is looked up (by the field's name, then its
 * column name), emptied values become the field's default, the value is cast by the field's type,
 * and kept as a change only when it differs from the current value. Never throws for bad params.
 */
final class Casting {
  private Casting() {}

  /** What {@code cast} found: the new changes, and errors in the order of the permitted fields. */
  record Outcome<S>(Map<Field<S, ?>, Object> changes, List<ChangesetError> newErrors) {}

  static <S> Outcome<S> cast(S data, Table<S> table, Map<String, ?> params,
      List<Field<S, ?>> permitted, Map<Field<S, ?>, Object> changes, Predicate<Object> empty, CastOptions options) {
    Map<Field<S, ?>, Object> updated = new LinkedHashMap<>(changes);
    List<ChangesetError> errors = new ArrayList<>();
    S defaults = null;
    for (Field<S, ?> field : permitted) {
      if (field instanceof io.ecto4j.meta.Embed<?, ?, ?>) {
        throw new IllegalArgumentException("casting embeds with cast for " + field.constant()
            + " is not supported, use castEmbed instead");
      }
      ParamLookup found = ParamLookup.find(params, field);
      if (!found.present()) {
        continue;
      }
      Object raw = withoutEmptyElements(field, found.value(), empty);
      if (empty.test(options.trimmed(field.type(), raw))) {
        defaults = defaults == null ? table.newStruct() : defaults;
        raw = field.get(defaults);
      }
      castOne(field, raw, data, updated, errors, options);
    }
    return new Outcome<>(updated, errors);
  }

  /**
   * Whether {@code value} is empty for {@code field}: Ecto's {@code Ecto.Type.trim/2} then
   * {@code in empty_values}. Leading whitespace is trimmed from strings, except for a binary
   * field, where a tab is data.
   */
  static boolean isEmpty(Field<?, ?> field, Object value, Predicate<Object> empty) {
    return empty.test(CastOptions.trimLeadingWhitespace(field.type(), value));
  }

  /** A list param without its empty elements (Ecto's nested empty values): {@code ["", "a"]} is {@code ["a"]}. */
  private static Object withoutEmptyElements(Field<?, ?> field, Object value, Predicate<Object> empty) {
    if (!(value instanceof List<?> list) || field.type().javaType() != List.class) {
      return value;
    }
    List<Object> kept = new ArrayList<>(list.size());
    for (Object element : list) {
      Object trimmed = element instanceof String s ? s.stripLeading() : element;
      if (!empty.test(trimmed)) {
        kept.add(element);
      }
    }
    return kept.size() == list.size() ? value : kept;
  }

  private static <S, V> void castOne(Field<S, V> field, Object raw, S data, Map<Field<S, ?>, Object> changes,
      List<ChangesetError> errors, CastOptions options) {
    CastResult<V> cast;
    try {
      cast = field.type().cast(raw);
    } catch (CustomTypeException e) {
      throw e.field().isPresent() ? e : e.inField(field.toString());
    }
    if (!cast.isOk() || (cast.value() == null && field.isPrimitive())) {
      errors.add(castError(field, cast, options));
      return;
    }
    V current = changes.containsKey(field) ? field.castValue(changes.get(field)) : field.get(data);
    // As Ecto: a value equal to the current one (the pending change, else the data) is no new change;
    // a pending change stays.
    if (options.isForceChanges() || !field.type().same(current, cast.value())) {
      changes.put(field, cast.value());
    }
  }

  /**
   * Ecto's cast error: {@code is invalid}, or the message a custom type refused with; metadata
   * {@code type}, {@code validation: cast} (unless the type gave its own {@code validation}), then the
   * type's own keys. A {@code type} key of the type's is ignored, as in Ecto.
   */
  private static ChangesetError castError(Field<?, ?> field, CastResult<?> cast, CastOptions options) {
    Map<String, Object> meta = orderedKeys("type", field.type().name(), "validation", "cast");
    cast.keys().forEach((key, value) -> {
      if (!key.equals("type")) {
        meta.put(key, value);
      }
    });
    String custom = options.messageFor(field.name(), java.util.Collections.unmodifiableMap(meta));
    return new ChangesetError(field.name(), custom != null ? custom : cast.message().orElse("is invalid"), meta);
  }

  static Map<String, Object> orderedKeys(Object... keysAndValues) {
    Map<String, Object> keys = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      keys.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return keys;
  }

  /** A param found under a field's name or column name. */
  record ParamLookup(boolean present, Object value) {
    static ParamLookup find(Map<String, ?> params, Field<?, ?> field) {
      if (params.containsKey(field.name())) {
        return new ParamLookup(true, params.get(field.name()));
      }
      if (params.containsKey(field.column())) {
        return new ParamLookup(true, params.get(field.column()));
      }
      return new ParamLookup(false, null);
    }
  }
}
