package io.ecto4j.type;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** A Java enum stored by name, like {@code Ecto.Enum}; unknown names in the database fail loudly. */
final class EnumType<E extends Enum<E>> implements FieldType<E> {
  private final Class<E> type;
  private final Map<String, E> byName = new HashMap<>();

  private EnumType(Class<E> type, E[] values) {
    this.type = type;
    for (E value : values) {
      byName.put(value.name(), value);
    }
  }

  static <E extends Enum<E>> EnumType<E> of(Class<E> type, E[] values) {
    return new EnumType<>(type, values);
  }

  @Override
  public String name() {
    return "enum<" + type.getSimpleName() + ">";
  }

  @Override
  public String sqlType() {
    return "varchar(255)";
  }

  @Override
  public Class<E> javaType() {
    return type;
  }

  @Override
  public void bind(PreparedStatement statement, int index, E value) throws SQLException {
    statement.setString(index, value == null ? null : value.name());
  }

  @Override
  public E read(ResultSet row, int index) throws SQLException {
    String name = row.getString(index);
    if (name == null) {
      return null;
    }
    E value = byName.get(name);
    if (value == null) {
      throw new SQLException(
          "column " + index + " holds '" + name + "', which is not a constant of " + type.getName()
              + " (known: " + byName.keySet() + ")");
    }
    return value;
  }

  @Override
  public CastResult<E> cast(Object external) {
    if (external == null) {
      return CastResult.ok(null);
    }
    if (type.isInstance(external)) {
      return CastResult.ok(type.cast(external));
    }
    E value = external instanceof String s ? byName.get(s) : null;
    return value == null ? CastResult.invalid() : CastResult.ok(value);
  }

  @Override
  public String sqlLiteral(E value) {
    return SqlLiterals.quote(value.name());
  }

  @Override
  public String toString() {
    return name();
  }
}
