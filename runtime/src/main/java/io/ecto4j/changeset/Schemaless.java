package io.ecto4j.changeset;

import io.ecto4j.meta.Association;
import io.ecto4j.meta.Embed;
import io.ecto4j.meta.EmbeddedTable;
import io.ecto4j.meta.Field;
import io.ecto4j.meta.Struct;
import io.ecto4j.meta.Table;
import io.ecto4j.meta.Timestamps;
import io.ecto4j.schema.OnReplace;
import io.ecto4j.type.FieldType;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The fields of data that is not a table, declared at run time: Ecto's schemaless changesets,
 * {@code cast({data, types}, params, permitted)}, for a search form, a sign-up form or an API
 * payload that is validated and then used, never inserted. Fields declared here are ordinary typed
 * {@link Field}s, so {@link Changeset#cast}, every validation, {@link Changeset#applyAction} and
 * {@link Changeset#traverseErrors()} work on them as on a schema's.
 *
 * <p>Over a record of your own (Ecto's schemaless changeset over a plain struct): the record
 * implements {@link Struct} with this descriptor as its {@code schema()}, and each field names the
 * record's accessor and how to copy the record with the field changed.
 *
 * <pre>{@code
 * record Search(String query, Integer page) implements Struct<Search> {
 *   static final Schemaless<Search> SHAPE = Schemaless.of("Search", () -> new Search(null, 1));
 *   static final Field<Search, String> QUERY =
 *       SHAPE.field("query", Types.STRING, Search::query, (s, v) -> new Search(v, s.page()));
 *   static final Field<Search, Integer> PAGE =
 *       SHAPE.field("page", Types.INTEGER, Search::page, (s, v) -> new Search(s.query(), v));
 *   public Table<Search> schema() { return SHAPE; }
 * }
 * Result<Search, Changeset<Search>> search = Changeset.cast(new Search(null, 1), params, Search.QUERY, Search.PAGE)
 *     .validateRequired(Search.QUERY)
 *     .applyAction(Changeset.Action.VALIDATE);
 * }</pre>
 *
 * <p>Over a map, Ecto's {@code {%{}, types}}, use {@link Form}, which needs no record.
 *
 * <p>There is no table: {@link #name()}, the SQL of a table and reading rows throw
 * {@link IllegalStateException} naming the shape, so that a schemaless descriptor given to a query or
 * a repo fails before any SQL is written; a repo refuses to insert, update or delete a schemaless
 * changeset; {@link Changeset#unsafeValidateUnique} refuses it, as Ecto does; a constraint needs
 * its name ({@code Constraint.name("…")}). Declare the fields once, in static finals: declaring a
 * field is not meant to race with using the descriptor.
 *
 * @param <S> the data: a {@link FormData}, or a record of your own
 */
public sealed class Schemaless<S extends Struct<S>> implements Table<S> permits Form {

  private final String name;
  private final Function<Schemaless<S>, S> empty;
  private volatile List<Field<S, ?>> fields = List.of();

  /** {@code empty} makes the empty data from this descriptor (a {@link Form}'s data points back to its form). */
  Schemaless(String name, Function<Schemaless<S>, S> empty) {
    if (Objects.requireNonNull(name, "name").isBlank()) {
      throw new IllegalArgumentException("a schemaless data shape needs a name for its messages, got a blank one");
    }
    this.name = name;
    this.empty = Objects.requireNonNull(empty, "empty");
  }

  /**
   * A data shape named {@code name} (as messages name it: {@code Search.query}) over data of your
   * own type, whose empty value, Ecto's {@code %Search{}}, {@code empty} makes.
   */
  public static <S extends Struct<S>> Schemaless<S> of(String name, Supplier<S> empty) {
    Objects.requireNonNull(empty, "empty");
    return new Schemaless<>(name, shape -> empty.get());
  }

  /**
   * Declares the field {@code name} of {@code type}, read from the data by {@code getter} and set by
   * {@code setter}, which returns a copy of the data with the field changed.
   *
   * @throws IllegalArgumentException when the shape already has a field of that name
   */
  public <V> Field<S, V> field(String name, FieldType<V> type, Function<S, V> getter, BiFunction<S, V, S> setter) {
    return declare(fieldOf(name, type, getter, setter));
  }

  /**
   * Declares an embeds_one named {@code name} whose value is a struct of the embedded schema
   * {@code related} ({@code Addresses.SCHEMA}), Ecto's {@code {:embed, %Ecto.Embedded{cardinality: :one}}}
   * in a schemaless changeset's types: {@link Changeset#castEmbed} and {@link Changeset#putEmbed} take
   * it as they take a schema's embed.
   *
   * @param onReplace what a replaced struct does, as {@code @EmbedsOne(onReplace)}
   * @throws IllegalArgumentException when the shape already has a field of that name
   */
  public <E extends Struct<E>> Embed<S, E, E> embedOne(String name, EmbeddedTable<E> related, Function<S, E> getter,
      BiFunction<S, E, S> setter, OnReplace onReplace) {
    checkName(name);
    return declare(Embed.one(this, name, name, structClass(related), () -> related, getter, setter, onReplace,
        this.name + "." + name));
  }

  /**
   * Declares an embeds_many named {@code name} whose value is a list of structs of the embedded
   * schema {@code related}, Ecto's {@code {:embed, %Ecto.Embedded{cardinality: :many}}} in a
   * schemaless changeset's types.
   *
   * @param onReplace what a replaced struct does, as {@code @EmbedsMany(onReplace)}
   * @throws IllegalArgumentException when the shape already has a field of that name
   */
  public <E extends Struct<E>> Embed<S, List<E>, E> embedMany(String name, EmbeddedTable<E> related,
      Function<S, List<E>> getter, BiFunction<S, List<E>, S> setter, OnReplace onReplace) {
    checkName(name);
    return declare(Embed.many(this, name, name, () -> related, getter, setter, onReplace, this.name + "." + name));
  }

  @SuppressWarnings("unchecked")
  private static <E extends Struct<E>> Class<E> structClass(EmbeddedTable<E> related) {
    return (Class<E>) Objects.requireNonNull(related, "related").newStruct().getClass();
  }

  private void checkName(String field) {
    if (Objects.requireNonNull(field, "name").isBlank()) {
      throw new IllegalArgumentException(this.name + ": a field needs a name, got a blank one");
    }
  }

  /** A field of this shape, not declared yet: its name is its "column", and it is never persisted. */
  final <V> Field<S, V> fieldOf(String name, FieldType<V> type, Function<S, V> getter, BiFunction<S, V, S> setter) {
    checkName(name);
    return Field.of(this, name, name, type, Field.Kind.VIRTUAL, getter, setter);
  }

  final synchronized <V, F extends Field<S, V>> F declare(F field) {
    if (findField(field.name()).isPresent()) {
      throw new IllegalArgumentException(name + " already has a field " + field.name()
          + "; declare each field once and keep its constant");
    }
    List<Field<S, ?>> declared = new ArrayList<>(fields);
    declared.add(field);
    fields = List.copyOf(declared);
    return field;
  }

  /** The field named {@code name}, if one was declared. */
  public Optional<Field<S, ?>> findField(String name) {
    return fields.stream().filter(field -> field.name().equals(name)).findFirst();
  }

  /**
   * The exception for any use that needs a table, one message for all: what the shape is for, and
   * what to use instead.
   */
  final IllegalStateException noTable(String use) {
    return new IllegalStateException(name + " is a schemaless data shape: it has no table, so it has no " + use
        + ". Schemaless changesets cast and validate data (applyAction, applyChanges); to write rows, declare "
        + "a @Schema, and to query a table without one, use Query.from(\"table\")");
  }

  /** There is no table: throws {@link IllegalStateException}, which every query and write reaches first. */
  @Override
  public String name() {
    throw noTable("table name");
  }

  /** The name given to {@link #of}, as messages name the shape. */
  @Override
  public String schemaName() {
    return name;
  }

  /** None: nothing of a schemaless shape is a column. */
  @Override
  public List<Field<S, ?>> fields() {
    return List.of();
  }

  /** The declared fields, in declaration order: like virtual fields, they live in data and changesets only. */
  @Override
  public List<Field<S, ?>> virtualFields() {
    return fields;
  }

  /** None. */
  @Override
  public Optional<Field<S, ?>> primaryKey() {
    return Optional.empty();
  }

  /** False: there is no key. */
  @Override
  public boolean primaryKeyGeneratedByDatabase() {
    return false;
  }

  /** None. */
  @Override
  public Optional<Timestamps<S>> timestamps() {
    return Optional.empty();
  }

  /** None: a schemaless shape has no associations. */
  @Override
  public List<Association<S, ?>> associations() {
    return List.of();
  }

  /** The empty data; casting an empty param gives the field's value here (null in a {@link Form}). */
  @Override
  public S newStruct() {
    return empty.apply(this);
  }

  /** Throws {@link IllegalStateException}: there are no rows to read. */
  @Override
  public S fromRow(ResultSet row, int offset) {
    throw noTable("rows to read");
  }

  /** Throws {@link IllegalStateException}: there is nothing to insert into. */
  @Override
  public List<Field<S, ?>> insertFields() {
    throw noTable("table to insert into");
  }

  /** Throws {@link IllegalStateException}: there is nothing to insert into. */
  @Override
  public String insertSql() {
    throw noTable("table to insert into");
  }

  /** Throws {@link IllegalStateException}: there is nothing to insert into. */
  @Override
  public List<Field<S, ?>> insertReturning() {
    throw noTable("table to insert into");
  }

  /** Throws {@link IllegalStateException}: there are no rows to get. */
  @Override
  public String getSql() {
    throw noTable("rows to get");
  }

  /** Throws {@link IllegalStateException}: there are no rows to delete. */
  @Override
  public String deleteSql() {
    throw noTable("rows to delete");
  }

  /** Throws {@link IllegalStateException}: there is no table to create. */
  @Override
  public String ddl() {
    throw noTable("DDL");
  }

  /** Throws {@link IllegalStateException}: there are no join tables. */
  @Override
  public String joinTablesDdl() {
    throw noTable("join tables");
  }

  /** {@code Search (schemaless)}. */
  @Override
  public String toString() {
    return name + " (schemaless)";
  }
}
