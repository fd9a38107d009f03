package io.ecto4j.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecto4j.type.CastResult;
import io.ecto4j.type.FieldType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Any JSON value in {@code jsonb} — an object, array, string, number, boolean — as Jackson reads
 * it (maps, lists, strings, numbers, booleans); what {@link Functions#jsonValue} gives, so that
 * {@code jsonValue(doc, "id").eq(123)} compares JSON with JSON, as Ecto's {@code p.meta["id"] == 123}.
 */
final class JsonValueType implements FieldType<Object> {
  static final JsonValueType INSTANCE = new JsonValueType();

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonValueType() {}

  @Override
  public String name() {
    return "json";
  }

  @Override
  public String sqlType() {
    return "jsonb";
  }

  @Override
  public Class<Object> javaType() {
    return Object.class;
  }

  @Override
  public void bind(PreparedStatement statement, int index, Object value) throws SQLException {
    try {
      statement.setObject(index, value == null ? null : MAPPER.writeValueAsString(value), java.sql.Types.OTHER);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("parameter " + index + " cannot be written as JSON: " + e.getOriginalMessage(), e);
    }
  }

  @Override
  public Object read(ResultSet row, int index) throws SQLException {
    String json = row.getString(index);
    if (json == null) {
      return null;
    }
    try {
      return MAPPER.readValue(json, Object.class);
    } catch (JsonProcessingException e) {
      throw new SQLException("column " + index + " does not hold JSON: " + e.getOriginalMessage(), e);
    }
  }

  @Override
  public CastResult<Object> cast(Object external) {
    return CastResult.ok(external);
  }

  @Override
  public String toString() {
    return name();
  }
}
