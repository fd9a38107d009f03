package io.ecto4j.type;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * How values of one Java type travel to and from PostgreSQL: bound as parameters, read by column
 * position, and named in DDL. Generated companions pick one from {@link Types} per field, so the
 * runtime never inspects a value's class by reflection.
 *
 * <pre>{@code
 * Types.STRING.bind(statement, 1, "hello");
 * String title = Types.STRING.read(resultSet, 2);
 * }</pre>
 *
 * @param <V> the Java type, boxed for primitives
 */
public interface FieldType<V> {

  /** A short name for messages, such as {@code string} or {@code list<integer>}. */
  String name();

  /** The column type used in generated DDL, such as {@code bigint} or {@code text[]}. */
  String sqlType();

  /** The Java class of values, for messages and casting. */
  Class<V> javaType();

  /** Binds {@code value} (which may be null) as parameter {@code index} (1-based). */
  void bind(PreparedStatement statement, int index, V value) throws SQLException;

  /** Reads column {@code index} (1-based) of the current row; null for SQL {@code NULL}. */
  V read(ResultSet row, int index) throws SQLException;

  /**
   * Turns external input (a string from a form, a number or boolean from JSON) into a value.
   * Never throws for bad input: the outcome says why it was refused.
   */
  CastResult<V> cast(Object external);

  /**
   * Whether two values are the same for change tracking: a cast value equal to the current one is
   * no change. Compares arrays by content and decimals by value ({@code 1.0} equals {@code 1.00}).
   */
  default boolean same(V left, V right) {
    return java.util.Objects.equals(left, right);
  }

  /** The SQL literal for {@code value}, used for column defaults in generated DDL. */
  default String sqlLiteral(V value) {
    return SqlLiterals.quote(String.valueOf(value));
  }
}
