package io.ecto4j.query;

import io.ecto4j.type.FieldType;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** A value bound as a statement parameter, with the type that binds it. */
record Param<V>(FieldType<V> type, V value) implements Expression<V> {
  void bind(PreparedStatement statement, int index) throws SQLException {
    type.bind(statement, index, value);
  }

  @Override
  public String toString() {
    return "^" + value;
  }
}
