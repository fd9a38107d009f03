package io.ecto4j.type;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON object in {@code jsonb} whose values are all of one type, Ecto's {@code {:map, type}}:
 * each value is cast by the element type, written as a JSON value and read back through it.
 */
final class MapType<E> implements FieldType<Map<String, E>> {
  private final FieldType<E> element;

  MapType(FieldType<E> element) {
    this.element = element;
  }

  @Override
  public String name() {
    return "map<" + element.name() + ">";
  }

  @Override
  public String sqlType() {
    return "jsonb";
  }

  @Override
  @SuppressWarnings("unchecked")
  public Class<Map<String, E>> javaType() {
    return (Class<Map<String, E>>) (Class<?>) Map.class;
  }

  @Override
  public void bind(PreparedStatement statement, int index, Map<String, E> value) throws SQLException {
    JsonType.MAP.bind(statement, index, value == null ? null : toJson(value));
  }

  @Override
  public Map<String, E> read(ResultSet row, int index) throws SQLException {
    Map<String, Object> json = JsonType.MAP.read(row, index);
    if (json == null) {
      return null;
    }
    Map<String, E> values = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : json.entrySet()) {
      CastResult<E> loaded = fromJson(entry.getValue());
      if (!loaded.isOk()) {
        throw new SQLException("column " + index + " holds a " + entry.getValue().getClass().getName() + " at key `"
            + entry.getKey() + "`, which is not a " + element.name() + " (the column is a " + name() + ")");
      }
      values.put(entry.getKey(), loaded.value());
    }
    return Collections.unmodifiableMap(values);
  }

  @Override
  public CastResult<Map<String, E>> cast(Object external) {
    if (external == null) {
      return CastResult.ok(null);
    }
    if (!(external instanceof Map<?, ?> map)) {
      return CastResult.invalid();
    }
    Map<String, E> values = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (!(entry.getKey() instanceof String key) || !JsonStrings.wellFormed(key)) {
        return CastResult.invalid();
      }
      CastResult<E> cast = element.cast(entry.getValue());
      if (!cast.isOk()) {
        return cast.at(key);
      }
      values.put(key, cast.value());
    }
    return CastResult.ok(Collections.unmodifiableMap(values));
  }

  @Override
  public boolean same(Map<String, E> left, Map<String, E> right) {
    if (left == null || right == null) {
      return left == right;
    }
    if (!left.keySet().equals(right.keySet())) {
      return false;
    }
    return left.entrySet().stream().allMatch(entry -> element.same(entry.getValue(), right.get(entry.getKey())));
  }

  @Override
  public String sqlLiteral(Map<String, E> value) {
    return JsonType.MAP.sqlLiteral(toJson(value));
  }

  private Map<String, Object> toJson(Map<String, E> value) {
    Map<String, Object> json = new LinkedHashMap<>();
    value.forEach((key, item) -> json.put(key, jsonValue(item)));
    return json;
  }

  /**
   * JSON's own values stay as they are; a custom type's value is written as it embeds; other values
   * (UUIDs, dates, enums) as their text, which the element type casts back.
   */
  private Object jsonValue(E item) {
    if (element instanceof CustomType<E, ?> custom) {
      return custom.toEmbedded(item);
    }
    return plainJson(item);
  }

  private static Object plainJson(Object item) {
    if (item == null || item instanceof Number || item instanceof String || item instanceof Boolean) {
      return item;
    }
    if (item instanceof List<?> list) {
      List<Object> json = new ArrayList<>(list.size());
      list.forEach(value -> json.add(plainJson(value)));
      return json;
    }
    return item instanceof Enum<?> constant ? constant.name() : item.toString();
  }

  private CastResult<E> fromJson(Object json) {
    return element instanceof CustomType<E, ?> custom ? custom.fromEmbedded(json) : element.cast(json);
  }

  @Override
  public String toString() {
    return name();
  }
}
