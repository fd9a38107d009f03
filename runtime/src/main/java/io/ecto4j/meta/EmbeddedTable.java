package io.ecto4j.meta;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The companion of an {@code @Embedded} interface, e.g. {@code Addresses.SCHEMA}: its typed fields,
 * a new struct, and the conversion of its structs to and from a JSON object keyed by the fields'
 * stored names (Ecto's {@code embedded_dump}/{@code embedded_load}), through the fields' own getters
 * and setters, without reflection. It is a {@link Table} so that changesets work on its structs, but
 * it has no table: every SQL member throws, naming the embedded schema, as Ecto refuses to query one.
 *
 * <pre>{@code
 * Map<String, Object> json = Addresses.SCHEMA.dump(address);   // {id=…, street=…, city=…}
 * AddressStruct back = Addresses.SCHEMA.load(json);
 * }</pre>
 *
 * @param <E> the embedded struct
 */
public abstract class EmbeddedTable<E extends Struct<E>> implements Table<E> {

  /** For generated companions. */
  protected EmbeddedTable() {}

  /**
   * {@code struct} as a JSON object keyed by the fields' stored names, each value as JSON holds it
   * (dates and times as ISO-8601 strings, decimals as strings, UUIDs as strings, enums by name,
   * nested embeds as objects or arrays); a {@code UUID} key not set yet is generated here, so that an
   * embed gets its key when it is first written, as Ecto autogenerates it on insert.
   */
  public Map<String, Object> dump(E struct) {
    Map<String, Object> json = new LinkedHashMap<>();
    E keyed = withGeneratedKey(struct);
    for (Field<E, ?> field : fields()) {
      json.put(field.column(), dumped(field, keyed));
    }
    return json;
  }

  private static <E, V> Object dumped(Field<E, V> field, E struct) {
    return EmbedJson.dump(field.type(), field.get(struct));
  }

  @SuppressWarnings("unchecked")
  private E withGeneratedKey(E struct) {
    Optional<Field<E, ?>> key = primaryKey();
    if (key.isEmpty() || key.get().type().javaType() != UUID.class || key.get().get(struct) != null) {
      return struct;
    }
    return ((Field<E, UUID>) key.get()).set(struct, UUID.randomUUID());
  }

  /**
   * The struct a JSON object holds: each field read from its stored name (or its Java name), cast by
   * its type; a missing key keeps the field's default, as Ecto's {@code embedded_load}.
   *
   * @throws IllegalArgumentException naming the field and the schema, for a value its type cannot hold
   */
  public E load(Map<?, ?> json) {
    E struct = newStruct();
    for (Field<E, ?> field : fields()) {
      String key = json.containsKey(field.column()) ? field.column() : field.name();
      if (json.containsKey(key)) {
        struct = loaded(field, struct, json.get(key));
      }
    }
    return struct;
  }

  private <V> E loaded(Field<E, V> field, E struct, Object value) {
    return field.set(struct, EmbedJson.load(field, schemaName(), value));
  }

  /**
   * The {@code @BelongsTo}s of the embedded schema, whose foreign keys are fields of its JSON: the
   * generated companion lists them; none by default.
   */
  @Override
  public List<Association<E, ?>> associations() {
    return List.of();
  }

  @Override
  public final Optional<Timestamps<E>> timestamps() {
    return Optional.empty();
  }

  @Override
  public final boolean primaryKeyGeneratedByDatabase() {
    return false;
  }

  /** Always throws: an embedded schema has no table. */
  @Override
  public final String name() {
    throw notQueryable("has no table name");
  }

  /** Always throws: an embedded schema is read with its parent, see {@link #load}. */
  @Override
  public final E fromRow(ResultSet row, int offset) {
    throw notQueryable("is never read from a row of its own");
  }

  /** Always throws: an embedded schema is written with its parent, see {@link #dump}. */
  @Override
  public final List<Field<E, ?>> insertFields() {
    throw notQueryable("cannot be inserted on its own");
  }

  /** Always throws: an embedded schema is written with its parent. */
  @Override
  public final void bindInsert(PreparedStatement statement, E struct) {
    throw notQueryable("cannot be inserted on its own");
  }

  /** Always throws: an embedded schema is written with its parent. */
  @Override
  public final String insertSql() {
    throw notQueryable("cannot be inserted on its own");
  }

  /** Always throws: an embedded schema is written with its parent. */
  @Override
  public final List<Field<E, ?>> insertReturning() {
    throw notQueryable("cannot be inserted on its own");
  }

  /** Always throws: an embedded schema is not queryable. */
  @Override
  public final String getSql() {
    throw notQueryable("cannot be fetched by key");
  }

  /** Always throws: an embedded schema is deleted by changing its parent. */
  @Override
  public final String deleteSql() {
    throw notQueryable("cannot be deleted on its own");
  }

  /** Always throws: an embedded schema lives in its parent's {@code jsonb} column. */
  @Override
  public final String ddl() {
    throw notQueryable("has no DDL");
  }

  /** Always throws: an embedded schema has no many-to-many associations, so no join tables. */
  @Override
  public final String joinTablesDdl() {
    throw notQueryable("has no DDL");
  }

  private UnsupportedOperationException notQueryable(String what) {
    return new UnsupportedOperationException(schemaName() + " is an embedded schema: it " + what
        + ". It is stored in its parent's jsonb column (@EmbedsOne/@EmbedsMany), read and written with the parent");
  }

  @Override
  public String toString() {
    return schemaName();
  }
}
