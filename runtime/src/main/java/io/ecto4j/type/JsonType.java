package io.ecto4j.type;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A JSON object in {@code jsonb}, read as nested maps, lists, strings, numbers and booleans. */
final class JsonType implements FieldType<Map<String, Object>> {
  static final JsonType MAP = new JsonType();

  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final TypeReference<LinkedHashMap<String, Object>> MAP_TYPE = new TypeReference<>() {};

  private JsonType() {}

  @Override
  public String name() {
    return "map";
  }

  @Override
  public String sqlType() {
    return "jsonb";
  }

  @Override
  @SuppressWarnings("unchecked")
  public Class<Map<String, Object>> javaType() {
    return (Class<Map<String, Object>>) (Class<?>) Map.class;
  }

  @Override
  public void bind(PreparedStatement statement, int index, Map<String, Object> value) throws SQLException {
    statement.setObject(index, value == null ? null : checked(write(value), value, index), java.sql.Types.OTHER);
  }

  /**
   * {@code json}, refused when a string in it, a key or a value, has an unpaired surrogate: Jackson
   * writes it as it is, and the driver would send {@code ?}. Checking the text covers whatever
   * Jackson serialized; the walk that names the place runs only on failure.
   */
  static String checked(String json, Object value, int index) {
    int offset = Utf16.firstUnpairedSurrogate(json);
    if (offset >= 0) {
      throw JsonStrings.locate(value, index)
          .orElseGet(() -> UnpairedSurrogateException.of(index, "the JSON text", json, offset));
    }
    return json;
  }

  @Override
  public Map<String, Object> read(ResultSet row, int index) throws SQLException {
    String json = row.getString(index);
    if (json == null) {
      return null;
    }
    try {
      return Collections.unmodifiableMap(MAPPER.readValue(json, MAP_TYPE));
    } catch (JsonProcessingException e) {
      throw new SQLException("column " + index + " does not hold a JSON object: " + e.getOriginalMessage(), e);
    }
  }

  @Override
  public CastResult<Map<String, Object>> cast(Object external) {
    if (external == null) {
      return CastResult.ok(null);
    }
    if (!(external instanceof Map<?, ?> map)) {
      return CastResult.invalid();
    }
    Map<String, Object> copy = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (!(entry.getKey() instanceof String key) || !JsonStrings.wellFormed(key)
          || !JsonStrings.wellFormed(entry.getValue())) {
        return CastResult.invalid();
      }
      copy.put(key, entry.getValue());
    }
    return CastResult.ok(Collections.unmodifiableMap(copy));
  }

  @Override
  public String sqlLiteral(Map<String, Object> value) {
    return SqlLiterals.quote(write(value)) + "::jsonb";
  }

  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("value cannot be written as JSON: " + e.getOriginalMessage(), e);
    }
  }

  @Override
  public String toString() {
    return name();
  }
}
