package io.ecto4j.query;

import io.ecto4j.type.FieldType;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Objects;

/**
 * A value bound as a statement parameter, with the type that binds it; never part of the SQL text.
 * {@code shown} is the value as telemetry shows it: masked when it is written to a redacted field.
 */
record Param<V>(FieldType<V> type, V value, Object shown) implements Expression<V>, Node, BoundValue {
  Param {
    Objects.requireNonNull(type, "type");
  }

  Param(FieldType<V> type, V value) {
    this(type, value, value);
  }

  @Override
  public void bind(PreparedStatement statement, int index) throws SQLException {
    type.bind(statement, index, value);
  }

  @Override
  public void render(SqlWriter writer) {
    writer.param(this);
  }

  @Override
  public boolean shape(StatementCache.Walk walk) {
    walk.bound(this); // always "?": its type is no part of the text (and may be built per call)
    return true;
  }

  @Override
  public String toString() {
    return "^" + value;
  }
}
