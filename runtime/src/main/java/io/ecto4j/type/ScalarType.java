package io.ecto4j.type;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.Function;

/** A {@link FieldType} assembled from small functions; every built-in type is one of these. */
final class ScalarType<V> implements FieldType<V> {

  @FunctionalInterface
  interface Binder<V> {
    void bind(PreparedStatement statement, int index, V value) throws SQLException;
  }

  /** Reads a column, SQL {@code NULL} as {@code null} (see {@link Reads}). */
  @FunctionalInterface
  interface Reader<V> {
    V read(ResultSet row, int index) throws SQLException;
  }

  private final String name;
  private final String sqlType;
  private final Class<V> javaType;
  private final int sqlTypeCode;
  private final Binder<V> binder;
  private final Reader<V> reader;
  private final Function<Object, CastResult<V>> caster;
  private final Function<V, String> literal;
  private final BiPredicate<V, V> equality;

  ScalarType(
      String name,
      String sqlType,
      Class<V> javaType,
      int sqlTypeCode,
      Binder<V> binder,
      Reader<V> reader,
      Function<Object, CastResult<V>> caster,
      Function<V, String> literal,
      BiPredicate<V, V> equality) {
    this.name = name;
    this.sqlType = sqlType;
    this.javaType = javaType;
    this.sqlTypeCode = sqlTypeCode;
    this.binder = binder;
    this.reader = reader;
    this.caster = caster;
    this.literal = literal;
    this.equality = equality;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String sqlType() {
    return sqlType;
  }

  @Override
  public Class<V> javaType() {
    return javaType;
  }

  @Override
  public void bind(PreparedStatement statement, int index, V value) throws SQLException {
    if (value == null) {
      statement.setNull(index, sqlTypeCode);
    } else {
      binder.bind(statement, index, value);
    }
  }

  @Override
  public V read(ResultSet row, int index) throws SQLException {
    return reader.read(row, index);
  }

  @Override
  public CastResult<V> cast(Object external) {
    if (external == null) {
      return CastResult.ok(null);
    }
    return caster.apply(external);
  }

  @Override
  public String sqlLiteral(V value) {
    return literal.apply(value);
  }

  @Override
  public boolean same(V left, V right) {
    if (left == null || right == null) {
      return left == right;
    }
    return equality.test(left, right);
  }

  static <V> BiPredicate<V, V> byEquals() {
    return Objects::equals;
  }

  @Override
  public String toString() {
    return name;
  }
}
