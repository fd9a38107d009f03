package io.ecto4j.meta;

import io.ecto4j.type.CastResult;
import io.ecto4j.type.FieldType;
import io.ecto4j.type.JsonTrees;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The type of an embed's column, Ecto's {@code Ecto.Embedded} type: a struct (embeds_one) or a list
 * of structs (embeds_many) in {@code jsonb}, dumped and loaded by the embedded schema's companion.
 * Casting takes structs only, as Ecto's: params go through {@code castEmbed}.
 *
 * @param <V> the field's value: the struct, or the list of structs
 * @param <E> the embedded struct
 */
final class EmbedType<V, E extends Struct<E>> implements FieldType<V> {
  private final Supplier<EmbeddedTable<E>> related;
  private final Class<V> javaType;
  private final boolean many;

  EmbedType(Supplier<EmbeddedTable<E>> related, Class<V> javaType, boolean many) {
    this.related = related;
    this.javaType = javaType;
    this.many = many;
  }

  @Override
  public String name() {
    String embed = "embed<" + related.get().schemaName() + ">";
    return many ? "list<" + embed + ">" : embed;
  }

  @Override
  public String sqlType() {
    return "jsonb";
  }

  @Override
  public Class<V> javaType() {
    return javaType;
  }

  @Override
  public void bind(PreparedStatement statement, int index, V value) throws SQLException {
    JsonTrees.bind(statement, index, value == null ? null : dump(value));
  }

  @Override
  public V read(ResultSet row, int index) throws SQLException {
    Object tree = JsonTrees.read(row, index);
    try {
      return load(tree);
    } catch (IllegalArgumentException e) {
      throw new SQLException("column " + index + " does not hold " + name() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public CastResult<V> cast(Object external) {
    if (external == null) {
      return CastResult.ok(null);
    }
    boolean structs = many ? external instanceof List<?> list && list.stream().allMatch(this::isStruct)
        : isStruct(external);
    return structs ? CastResult.ok(javaType.cast(external)) : CastResult.invalid();
  }

  private boolean isStruct(Object value) {
    return value instanceof Struct<?> struct && struct.schema() == related.get();
  }

  @Override
  public String sqlLiteral(V value) {
    return "'" + JsonTrees.write(dump(value)).replace("'", "''") + "'::jsonb";
  }

  /** The JSON tree of {@code value}: an object, or an array of objects. */
  Object dump(V value) {
    if (value == null) {
      return null;
    }
    EmbeddedTable<E> table = related.get();
    if (!many) {
      return table.dump(struct(value));
    }
    List<Object> items = new ArrayList<>();
    for (Object item : (List<?>) value) {
      items.add(table.dump(struct(item)));
    }
    return items;
  }

  /** The value a JSON tree holds; null is no struct, or an empty list (Ecto loads embeds_many nil as []). */
  V load(Object tree) {
    EmbeddedTable<E> table = related.get();
    if (!many) {
      if (tree != null && !(tree instanceof Map<?, ?>)) {
        throw new IllegalArgumentException("expected a JSON object for " + name() + ", got " + tree);
      }
      return tree == null ? null : javaType.cast(table.load((Map<?, ?>) tree));
    }
    if (tree != null && !(tree instanceof List<?>)) {
      throw new IllegalArgumentException("expected a JSON array for " + name() + ", got " + tree);
    }
    List<E> items = new ArrayList<>();
    for (Object item : tree == null ? List.of() : (List<?>) tree) {
      if (!(item instanceof Map<?, ?> object)) {
        throw new IllegalArgumentException("expected JSON objects in " + name() + ", got " + item);
      }
      items.add(table.load(object));
    }
    return javaType.cast(List.copyOf(items));
  }

  @SuppressWarnings("unchecked")
  private E struct(Object value) {
    return (E) value;
  }

  @Override
  public String toString() {
    return name();
  }
}
