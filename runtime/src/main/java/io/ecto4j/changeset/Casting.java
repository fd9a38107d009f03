package io.ecto4j.changeset;

import io.ecto4j.meta.Field;
import io.ecto4j.meta.Table;
import io.ecto4j.type.CastResult;
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
      List<Field<S, ?>> permitted, Map<Field<S, ?>, Object> changes, Predicate<Object> empty) {
    Map<Field<S, ?>, Object> updated = new LinkedHashMap<>(changes);
    List<ChangesetError> errors = new ArrayList<>();
    S defaults = null;
    for (Field<S, ?> field : permitted) {
      ParamLookup found = ParamLookup.find(params, field);
      if (!found.present()) {
        continue;
      }
      Object raw = found.value();
      if (empty.test(raw)) {
        defaults = defaults == null ? table.newStruct() : defaults;
        raw = field.get(defaults);
      }
      castOne(field, raw, data, updated, errors);
    }
    return new Outcome<>(updated, errors);
  }

  private static <S, V> void castOne(Field<S, V> field, Object raw, S data, Map<Field<S, ?>, Object> changes,
      List<ChangesetError> errors) {
    CastResult<V> cast = field.type().cast(raw);
    if (!cast.isOk() || (cast.value() == null && field.isPrimitive())) {
      errors.add(new ChangesetError(field.name(), "is invalid", orderedKeys("type", field.type().name(), "validation", "cast")));
      return;
    }
    V current = changes.containsKey(field) ? field.castValue(changes.get(field)) : field.get(data);
    if (field.type().same(current, cast.value())) {
      changes.remove(field);
    } else {
      changes.put(field, cast.value());
    }
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
