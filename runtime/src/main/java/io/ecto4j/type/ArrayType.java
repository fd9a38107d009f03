package io.ecto4j.type;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** A list stored as a PostgreSQL array; elements are bound and read by the element's own type. */
final class ArrayType<E> implements FieldType<List<E>> {
  /** PostgreSQL's names of the element types, as {@code createArrayOf} wants them. */
  private static final Map<FieldType<?>, String> ELEMENT_NAMES = Map.ofEntries(
      Map.entry(Types.STRING, "varchar"),
      Map.entry(Types.TEXT, "text"),
      Map.entry(Types.BOOLEAN, "bool"),
      Map.entry(Types.SHORT, "int2"),
      Map.entry(Types.INTEGER, "int4"),
      Map.entry(Types.LONG, "int8"),
      Map.entry(Types.DOUBLE, "float8"),
      Map.entry(Types.DECIMAL, "numeric"),
      Map.entry(Types.UUID_TYPE, "uuid"),
      Map.entry(Types.INSTANT, "timestamptz"),
      Map.entry(Types.OFFSET_DATE_TIME, "timestamptz"),
      Map.entry(Types.LOCAL_DATE_TIME, "timestamp"),
      Map.entry(Types.LOCAL_DATE, "date"),
      Map.entry(Types.LOCAL_TIME, "time"),
      Map.entry(Types.INSTANT_SECONDS, "timestamptz"),
      Map.entry(Types.OFFSET_DATE_TIME_SECONDS, "timestamptz"),
      Map.entry(Types.LOCAL_DATE_TIME_SECONDS, "timestamp"),
      Map.entry(Types.LOCAL_TIME_SECONDS, "time"),
      Map.entry(Types.DURATION, "interval"));

  private final FieldType<E> element;
  private final String elementName;

  private ArrayType(FieldType<E> element, String elementName) {
    this.element = element;
    this.elementName = elementName;
  }

  static <E> ArrayType<E> of(FieldType<E> element) {
    String name = elementName(element);
    if (name == null) {
      throw new IllegalArgumentException("lists of " + element.name() + " are not supported");
    }
    return new ArrayType<>(element, name);
  }

  /** A custom type's elements go as their dumps, so the array is one of its stored type; an enum's as its stored values. */
  private static String elementName(FieldType<?> element) {
    if (element instanceof CustomType<?, ?> custom) {
      return elementName(custom.storedType());
    }
    return element instanceof EnumType<?> enumType ? enumType.arrayElementName() : ELEMENT_NAMES.get(element);
  }

  FieldType<E> element() {
    return element;
  }

  @Override
  public String name() {
    return "list<" + element.name() + ">";
  }

  @Override
  public String sqlType() {
    return element.sqlType() + "[]";
  }

  @Override
  @SuppressWarnings("unchecked")
  public Class<List<E>> javaType() {
    return (Class<List<E>>) (Class<?>) List.class;
  }

  @Override
  public void bind(PreparedStatement statement, int index, List<E> value) throws SQLException {
    if (value == null) {
      statement.setNull(index, java.sql.Types.ARRAY);
      return;
    }
    Object[] elements = new Object[value.size()];
    for (int i = 0; i < elements.length; i++) {
      elements[i] = toArrayElement(value.get(i));
      if (elements[i] instanceof String text) {
        Utf16.requireElement(text, index, i);
      }
    }
    statement.setArray(index, statement.getConnection().createArrayOf(elementName, elements));
  }

  /**
   * Temporal values go as their ISO-8601 text, which PostgreSQL parses; enums as their stored
   * values; a custom type's values as their dumps.
   */
  private Object toArrayElement(E value) {
    if (element instanceof CustomType<E, ?> custom) {
      return plain(custom.toStored(value));
    }
    if (value != null && element instanceof EnumType<?> enumType) {
      return storedValue(enumType, value);
    }
    return plain(value);
  }

  private static Object plain(Object value) {
    if (value == null || value instanceof Number || value instanceof String || value instanceof Boolean
        || value instanceof java.util.UUID) {
      return value;
    }
    if (value instanceof java.time.Duration duration) {
      return Durations.text(duration);
    }
    return value.toString();
  }

  @SuppressWarnings("unchecked")
  private static <C extends Enum<C>> Object storedValue(EnumType<C> type, Object constant) {
    return type.dump((C) constant);
  }

  @Override
  public List<E> read(ResultSet row, int index) throws SQLException {
    Array array = row.getArray(index);
    if (array == null) {
      return null;
    }
    List<E> values = new ArrayList<>();
    try (ResultSet elements = array.getResultSet()) {
      while (elements.next()) {
        values.add(element.read(elements, 2));
      }
    } finally {
      array.free();
    }
    return Collections.unmodifiableList(values);
  }

  @Override
  public CastResult<List<E>> cast(Object external) {
    if (external == null) {
      return CastResult.ok(null);
    }
    if (!(external instanceof List<?> list)) {
      return CastResult.invalid();
    }
    List<E> values = new ArrayList<>(list.size());
    for (Object item : list) {
      CastResult<E> cast = element.cast(item);
      if (!cast.isOk()) {
        return cast.at(values.size());
      }
      values.add(cast.value());
    }
    return CastResult.ok(Collections.unmodifiableList(values));
  }

  @Override
  public boolean same(List<E> left, List<E> right) {
    if (left == null || right == null) {
      return left == right;
    }
    if (left.size() != right.size()) {
      return false;
    }
    for (int i = 0; i < left.size(); i++) {
      if (!element.same(left.get(i), right.get(i))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String sqlLiteral(List<E> value) {
    StringBuilder literal = new StringBuilder("ARRAY[");
    for (int i = 0; i < value.size(); i++) {
      literal.append(i == 0 ? "" : ", ").append(element.sqlLiteral(value.get(i)));
    }
    return literal.append("]::").append(sqlType()).toString();
  }

  @Override
  public String toString() {
    return name();
  }
}
