package io.ecto4j.repo;

import io.ecto4j.query.Expression;
import io.ecto4j.query.Functions;
import io.ecto4j.query.Placeholder;
import io.ecto4j.query.Query;
import io.ecto4j.type.FieldType;
import io.ecto4j.type.Types;
import io.ecto4j.type.Utf16;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * How {@code repo.query(sql, params, …)} binds a parameter written by hand: as the driver binds it
 * ({@code setObject}), except a {@link List}, which becomes a PostgreSQL array of its elements'
 * type, as Postgrex binds an Elixir list: {@code WHERE id = ANY(?)} with {@code List.of(1L, 2L)}.
 */
final class RawParams {
  /** The array element type of each Java class a list may hold. */
  private static final Map<Class<?>, FieldType<?>> ELEMENTS = Map.ofEntries(
      Map.entry(String.class, Types.TEXT),
      Map.entry(Boolean.class, Types.BOOLEAN),
      Map.entry(Short.class, Types.SHORT),
      Map.entry(Integer.class, Types.INTEGER),
      Map.entry(Long.class, Types.LONG),
      Map.entry(Double.class, Types.DOUBLE),
      Map.entry(BigDecimal.class, Types.DECIMAL),
      Map.entry(UUID.class, Types.UUID_TYPE),
      Map.entry(Instant.class, Types.INSTANT),
      Map.entry(OffsetDateTime.class, Types.OFFSET_DATE_TIME),
      Map.entry(LocalDateTime.class, Types.LOCAL_DATE_TIME),
      Map.entry(LocalDate.class, Types.LOCAL_DATE),
      Map.entry(LocalTime.class, Types.LOCAL_TIME));

  private RawParams() {}

  /**
   * A value of an {@code insertAll} row into a table without schema, as Ecto binds it: by its
   * Java class (the types above, a {@code Map} as {@code jsonb}, {@code byte[]} as {@code bytea}, a
   * list as an array of its elements' type, anything else as the driver's {@code setObject}); a
   * {@link Query} is a scalar subquery ({@code (SELECT …)}); an {@link Expression} or a
   * {@link Placeholder} is kept as it is.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static Object insertValue(Object value) {
    if (value instanceof Expression<?> || value instanceof Placeholder) {
      return value;
    }
    if (value instanceof Query<?> query) {
      return Functions.subquery(query);
    }
    FieldType type = value == null ? null : ELEMENTS.get(value.getClass());
    if (type == null && value instanceof Map<?, ?>) {
      type = Types.JSON_MAP;
    } else if (type == null && value instanceof byte[]) {
      type = Types.BYTES;
    } else if (type == null && value instanceof List<?> list) {
      FieldType element = elementType(0, list);
      type = element == null ? ANY : Types.list(element);
    }
    return Functions.value(value, type == null ? ANY : type);
  }

  /** A value bound as the driver binds its class ({@code setObject}); null as an untyped NULL. */
  private static final FieldType<Object> ANY = new FieldType<>() {
    @Override
    public String name() {
      return "any";
    }

    @Override
    public String sqlType() {
      throw new UnsupportedOperationException("a value bound by its class has no column type");
    }

    @Override
    public Class<Object> javaType() {
      return Object.class;
    }

    @Override
    public void bind(PreparedStatement statement, int index, Object value) throws SQLException {
      if (value == null) {
        statement.setNull(index, java.sql.Types.NULL);
      } else {
        Utf16.requireWellFormed(value, index);
        statement.setObject(index, value);
      }
    }

    @Override
    public Object read(java.sql.ResultSet row, int index) throws SQLException {
      return row.getObject(index);
    }

    @Override
    public io.ecto4j.type.CastResult<Object> cast(Object external) {
      return io.ecto4j.type.CastResult.ok(external);
    }
  };

  /** Binds {@code params} to the statement's placeholders in order. */
  static void bind(PreparedStatement statement, List<?> params) throws SQLException {
    for (int i = 0; i < params.size(); i++) {
      Object value = params.get(i);
      if (value instanceof List<?> list) {
        bindList(statement, i + 1, list);
      } else {
        Utf16.requireWellFormed(value, i + 1);
        statement.setObject(i + 1, value);
      }
    }
  }

  /**
   * A list as an array of its elements' type ({@code text[]}, {@code int8[]}, …). A list with no
   * element to tell the type by (empty, or only nulls) goes as an untyped array literal, whose type
   * PostgreSQL infers from where it is used, as it does for Postgrex: {@code id = ANY(?)} reads
   * {@code '{}'} as {@code bigint[]}.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void bindList(PreparedStatement statement, int index, List<?> list) throws SQLException {
    FieldType element = elementType(index, list);
    if (element == null) {
      statement.setObject(index, nulls(list.size()), java.sql.Types.OTHER);
      return;
    }
    Types.list(element).bind(statement, index, list);
  }

  private static FieldType<?> elementType(int index, List<?> list) {
    Class<?> found = null;
    for (Object item : list) {
      if (item == null) {
        continue;
      }
      if (found != null && found != item.getClass()) {
        throw new IllegalArgumentException("parameter " + index + " is a list of both " + found.getSimpleName()
            + " and " + item.getClass().getSimpleName() + " values; a PostgreSQL array holds one type: " + list);
      }
      found = item.getClass();
    }
    if (found == null) {
      return null;
    }
    FieldType<?> element = ELEMENTS.get(found);
    if (element == null) {
      throw new IllegalArgumentException("parameter " + index + " is a list of " + found.getName()
          + ", which ecto4j cannot bind as a PostgreSQL array; lists of " + supported()
          + " are bound, or pass a java.sql.Array made by connection.createArrayOf");
    }
    return element;
  }

  private static String nulls(int size) {
    return "{" + String.join(",", java.util.Collections.nCopies(size, "NULL")) + "}";
  }

  private static String supported() {
    return ELEMENTS.keySet().stream().map(Class::getSimpleName).sorted().toList().toString();
  }
}
