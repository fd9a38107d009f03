package io.ecto4j.meta;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * What the runtime knows of a schema, implemented by each generated companion: {@code Posts.SCHEMA}
 * is the {@code Table<PostStruct>} of {@code @Schema("posts") interface Post}. Everything here is
 * computed at compile time; the runtime only reads it.
 *
 * <pre>{@code
 * PostStruct post = repo.getOrThrow(Posts.SCHEMA, 42L);
 * String ddl = Posts.SCHEMA.ddl();
 * }</pre>
 *
 * @param <S> the generated struct
 */
public interface Table<S> {

  /** The table name, e.g. {@code posts}. */
  String name();

  /** The declaring interface's simple name, e.g. {@code Post}, as messages name the schema. */
  String schemaName();

  /** The persisted fields in column order; {@link #fromRow} reads them in this order. */
  List<Field<S, ?>> fields();

  /** The virtual fields ({@code @Field(virtual = true)}), which live only in structs and changesets. */
  List<Field<S, ?>> virtualFields();

  /**
   * The schema-wide prefix, Ecto's {@code @schema_prefix}: {@code @Schema(value = "posts", prefix = "blog")}
   * reads and writes {@code "blog"."posts"}. Queries use it over a query's or the repo's prefix; a
   * write uses the struct's own prefix ({@link Meta#prefix()}, which starts as this one) unless the
   * call names another. Empty for tables in the connection's {@code search_path}.
   */
  default Optional<String> prefix() {
    return Optional.empty();
  }

  /**
   * The primary key when it is one field: the generated {@code id}, or the one field declared
   * {@code primaryKey = true}; empty for a schema without a key and for a composite key (see
   * {@link #primaryKeys()}), as Ecto's functions that need "exactly one primary key" refuse both.
   */
  Optional<Field<S, ?>> primaryKey();

  /**
   * Every field of the primary key, Ecto's {@code __schema__(:primary_key)}: the one of
   * {@link #primaryKey()}, or the fields declared {@code @Field(primaryKey = true)} and
   * {@code @BelongsTo(primaryKey = true)} in column order ({@link #fields()}: fields, then foreign
   * keys); empty without a key. Writes and reloads find a row by all of them. Generated companions
   * of a composite key override it.
   */
  default List<Field<S, ?>> primaryKeys() {
    return primaryKey().<List<Field<S, ?>>>map(List::of).orElse(List.of());
  }

  /** Whether the database assigns the primary key on insert ({@code bigserial}). */
  boolean primaryKeyGeneratedByDatabase();

  /** The timestamps, when the schema declares {@code @Timestamps}. */
  Optional<Timestamps<S>> timestamps();

  /** The associations, in declaration order. */
  List<Association<S, ?>> associations();

  /** A new struct with the declared defaults and nothing loaded, like Ecto's {@code %Post{}}. */
  S newStruct();

  /**
   * Builds a struct from the current row, reading {@link #fields()} from columns
   * {@code offset + 1} onwards; associations are not loaded.
   */
  S fromRow(ResultSet row, int offset) throws SQLException;

  /**
   * The fields a query loading whole structs does not select (Ecto's {@code load_in_query: false}):
   * it selects {@code NULL} in their place, and {@link #fromQueryRow} puts their defaults back.
   * Generated companions override this when they have any.
   */
  default List<Field<S, ?>> notLoadedInQuery() {
    return List.of();
  }

  /** {@link #fromRow}, for a row whose {@link #notLoadedInQuery()} columns were not selected. */
  default S fromQueryRow(ResultSet row, int offset) throws SQLException {
    return withQueryDefaults(fromRow(row, offset), List.of());
  }

  /**
   * {@code struct} with its {@link #notLoadedInQuery()} fields back at the values of
   * {@link #newStruct()}, except those the query {@code selected} itself.
   */
  default S withQueryDefaults(S struct, List<? extends Field<?, ?>> selected) {
    List<Field<S, ?>> skipped = notLoadedInQuery();
    if (skipped.isEmpty()) {
      return struct;
    }
    S defaults = newStruct();
    S result = struct;
    for (Field<S, ?> field : skipped) {
      result = selected.contains(field) ? result : copyValue(field, defaults, result);
    }
    return result;
  }

  private static <S, V> S copyValue(Field<S, V> field, S from, S to) {
    return field.set(to, field.get(from));
  }

  /**
   * Every column an insert may write, the key included (all but {@code @Field(writable = NEVER)}):
   * what an insert of a struct whose database-generated key is given writes.
   */
  default List<Field<S, ?>> insertableFields() {
    return fields().stream().filter(Field::isInsertable).toList();
  }

  /** The fields an insert writes, in the order of {@link #insertSql()}'s parameters. */
  List<Field<S, ?>> insertFields();

  /**
   * Binds {@code struct}'s {@link #insertFields()} as the parameters of {@link #insertSql()}.
   * Generated tables bind each column directly; this default goes through the fields.
   */
  default void bindInsert(PreparedStatement statement, S struct) throws SQLException {
    Field.bindAll(statement, insertFields(), struct);
  }

  /**
   * {@code INSERT INTO … (insertFields) VALUES (?, …) RETURNING …} of the key and the columns the
   * database fills in (the ones left to it, the {@code readAfterWrites} ones): the repo sets those
   * on the struct it wrote.
   */
  String insertSql();

  /**
   * The fields {@link #insertSql()} returns, in its {@code RETURNING} order, which the repo sets on
   * the struct it inserted; an insert rendered for a prefix returns the same. The processor decides
   * which they are, as it writes the statement: the primary key (a table without one returns its
   * first column, so that an insert still returns a row), the columns left to the database
   * ({@code writable = NEVER}), the {@code readAfterWrites} ones and the embeds (their structs' keys
   * are generated as they are written); every other column is what the struct held, as in Ecto.
   */
  List<Field<S, ?>> insertReturning();

  /** {@code SELECT (fields) FROM … WHERE pk = ?}; empty without a primary key. */
  String getSql();

  /** {@code DELETE FROM … WHERE pk = ? RETURNING (fields)}; empty without a primary key. */
  String deleteSql();

  /** The {@code CREATE TABLE} statement, with its indexes, that the schema implies. */
  String ddl();

  /**
   * {@code CREATE TABLE IF NOT EXISTS} of the join tables of this schema's many-to-many
   * associations (empty if none); run it once both related tables exist.
   */
  String joinTablesDdl();
}
