package io.ecto4j.meta;

import io.ecto4j.query.Expression;
import io.ecto4j.query.Order;
import io.ecto4j.schema.Autogenerate;
import io.ecto4j.schema.Writable;
import io.ecto4j.schema.WritableViolation;
import io.ecto4j.type.CustomTypeException;
import io.ecto4j.type.FieldType;
import io.ecto4j.type.UnpairedSurrogateException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A typed field of a schema: {@code Posts.TITLE} is a {@code Field<PostStruct, String>}. It reads
 * and copies the value on a struct without reflection, names its column, and is an
 * {@link Expression} for queries.
 *
 * <pre>{@code
 * String title = Posts.TITLE.get(post);
 * PostStruct renamed = Posts.TITLE.set(post, "New title");
 * Query<PostStruct> q = Posts.query().where(Posts.TITLE.eq("Hello"));
 * }</pre>
 *
 * @param <S> the struct the field belongs to
 * @param <V> the field's Java type (boxed for primitives)
 */
public sealed class Field<S, V> implements Expression<V> permits NumberField, Embed {

  /** What a field is to its schema. */
  public enum Kind {
    /** The primary key. */
    PRIMARY_KEY,
    /** A declared {@code @Field}. */
    COLUMN,
    /** The foreign key of a {@code @BelongsTo}. */
    FOREIGN_KEY,
    /** {@code inserted_at} of {@code @Timestamps}. */
    INSERTED_AT,
    /** {@code updated_at} of {@code @Timestamps}. */
    UPDATED_AT,
    /** A {@code @Field(virtual = true)}: in the struct and changesets only. */
    VIRTUAL
  }

  private final Table<S> table;
  private final String name;
  private final String column;
  private final FieldType<V> type;
  private final Kind kind;
  private final boolean nullable;
  private final boolean primitive;
  private final boolean redacted;
  private final Function<S, V> getter;
  private final BiFunction<S, V, S> setter;
  /** How user code names the field's constant, e.g. {@code Posts.TITLE}; null when not generated. */
  private final String constant;
  /** How the repo writes and reads it: Ecto's writable, read_after_writes, load_in_query, autogenerate. */
  private final FieldOptions<V> options;
  /**
   * The field's two plain orders, made with it: {@code orderBy(Posts.ID.asc())} in a query built
   * per call then makes no order of its own (an order holds nothing that changes).
   */
  private final Order ascending = Expression.super.asc();
  private final Order descending = Expression.super.desc();

  private Field(Table<S> table, String name, String column, FieldType<V> type, Kind kind,
      boolean nullable, boolean primitive, boolean redacted, Function<S, V> getter, BiFunction<S, V, S> setter,
      String constant, FieldOptions<V> options) {
    this.table = Objects.requireNonNull(table, "table");
    this.name = Objects.requireNonNull(name, "name");
    this.column = Objects.requireNonNull(column, "column");
    this.type = Objects.requireNonNull(type, "type");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.nullable = nullable;
    this.primitive = primitive;
    this.redacted = redacted;
    this.getter = Objects.requireNonNull(getter, "getter");
    this.setter = Objects.requireNonNull(setter, "setter");
    this.constant = constant;
    this.options = Objects.requireNonNull(options, "options");
  }

  @Override
  public Order asc() {
    return ascending;
  }

  @Override
  public Order desc() {
    return descending;
  }

  /** A copy of {@code field}, for {@link NumberField}, which is the same field with number comparisons. */
  Field(Field<S, V> field) {
    this(field.table, field.name, field.column, field.type, field.kind, field.nullable, field.primitive,
        field.redacted, field.getter, field.setter, field.constant, field.options);
  }

  /**
   * A nullable, non-redacted field; generated companions call this and then {@link #notNull()} or
   * {@link #redacted()} as the declaration says.
   */
  public static <S, V> Field<S, V> of(Table<S> table, String name, String column, FieldType<V> type,
      Kind kind, Function<S, V> getter, BiFunction<S, V, S> setter) {
    return new Field<>(table, name, column, type, kind, true, false, false, getter, setter, null,
        FieldOptions.defaults());
  }

  /** A nullable, non-redacted numeric field, which also compares with number literals; see {@link NumberField}. */
  public static <S, V extends Number> NumberField<S, V> number(Table<S> table, String name, String column,
      FieldType<V> type, Kind kind, Function<S, V> getter, BiFunction<S, V, S> setter) {
    return new NumberField<>(of(table, name, column, type, kind, getter, setter));
  }

  /**
   * A nullable, non-redacted field whose value {@code access} reads and copies at {@code position};
   * generated companions make their constants so, passing themselves as {@code access}:
   * {@code Field.<PostStruct, String>at(SCHEMA, "title", "title", Types.STRING, Kind.COLUMN, SCHEMA, 1)}.
   * The value read is trusted to be a {@code V}, as the generated {@code switch} casts it.
   */
  @SuppressWarnings("unchecked")
  public static <S, V> Field<S, V> at(Table<S> table, String name, String column, FieldType<V> type, Kind kind,
      FieldAccess<S> access, int position) {
    Objects.requireNonNull(access, "access");
    return of(table, name, column, type, kind, struct -> (V) access.value(struct, position),
        (struct, value) -> access.withValue(struct, position, value));
  }

  /** A numeric field at {@code position}, as {@link #at} makes others; see {@link NumberField}. */
  public static <S, V extends Number> NumberField<S, V> numberAt(Table<S> table, String name, String column,
      FieldType<V> type, Kind kind, FieldAccess<S> access, int position) {
    return new NumberField<>(at(table, name, column, type, kind, access, position));
  }

  /** This field, declared {@code NOT NULL}. */
  public Field<S, V> notNull() {
    return new Field<>(table, name, column, type, kind, false, primitive, redacted, getter, setter, constant, options);
  }

  /** This field, of a primitive Java type: {@code NOT NULL}, and null is never a value of it. */
  public Field<S, V> primitive() {
    return new Field<>(table, name, column, type, kind, false, true, redacted, getter, setter, constant, options);
  }

  /** This field, hidden from {@code toString()} and error output. */
  public Field<S, V> redacted() {
    return new Field<>(table, name, column, type, kind, nullable, primitive, true, getter, setter, constant, options);
  }

  /** This field, whose constant user code names as {@code constant}, e.g. {@code Posts.TITLE}; for messages. */
  public Field<S, V> constant(String constant) {
    return new Field<>(table, name, column, type, kind, nullable, primitive, redacted, getter, setter,
        Objects.requireNonNull(constant, "constant"), options);
  }

  /**
   * This field, written by the repo as {@code writable} says, with {@code onViolation} for a change
   * it may not write (Ecto's {@code writable:} and {@code on_writable_violation:}).
   */
  public Field<S, V> writable(Writable writable, WritableViolation onViolation) {
    return withOptions(options.withWritable(writable, onViolation));
  }

  /** This field, read back after every insert and update (Ecto's {@code read_after_writes: true}). */
  public Field<S, V> readAfterWrites() {
    return withOptions(options.withReadAfterWrites());
  }

  /** This field, left at its default when a query loads whole structs (Ecto's {@code load_in_query: false}). */
  public Field<S, V> notLoadedInQuery() {
    return withOptions(options.withoutLoadInQuery());
  }

  /** This field, made by {@code generator} on insert when null (Ecto's {@code autogenerate: {M, F, A}}). */
  public Field<S, V> autogenerate(Autogenerate<? extends V> generator) {
    return withOptions(options.withAutogenerate(Objects.requireNonNull(generator, "generator")));
  }

  private Field<S, V> withOptions(FieldOptions<V> changed) {
    return new Field<>(table, name, column, type, kind, nullable, primitive, redacted, getter, setter, constant,
        changed);
  }

  /** When the repo writes the column; {@link Writable#ALWAYS} unless declared. */
  public Writable writable() {
    return options.writable();
  }

  /** What a write does with a change {@link #writable()} forbids; never {@code INHERIT} (resolved at compile time). */
  public WritableViolation onWritableViolation() {
    return options.onViolation();
  }

  /** Whether an insert writes the column: persisted and not {@link Writable#NEVER}. */
  public boolean isInsertable() {
    return isPersisted() && options.writable() != Writable.NEVER;
  }

  /** Whether an update or an upsert's {@code replaceAll} writes the column: persisted and {@link Writable#ALWAYS}. */
  public boolean isUpdatable() {
    return isPersisted() && options.writable() == Writable.ALWAYS;
  }

  /** Whether every insert and update reads the column back, whatever it was asked to return. */
  public boolean isReadAfterWrites() {
    return options.readAfterWrites();
  }

  /** Whether a query loading whole structs selects the column. */
  public boolean isLoadedInQuery() {
    return options.loadInQuery();
  }

  /** What makes the value on insert when it is null, if anything. */
  public Optional<Autogenerate<? extends V>> autogenerator() {
    return Optional.ofNullable(options.autogenerate());
  }

  /**
   * How code names this field: its generated constant ({@code Posts.TITLE}), which a message can
   * suggest as code that compiles; {@code toString()} ({@code Post.title}) where none was generated.
   */
  public String constant() {
    return constant != null ? constant : toString();
  }

  /** The schema the field belongs to. */
  public Table<S> table() {
    return table;
  }

  /** The accessor name, e.g. {@code viewCount}; changesets key errors by it. */
  public String name() {
    return name;
  }

  /** The column name, e.g. {@code view_count}. */
  public String column() {
    return column;
  }

  @Override
  public FieldType<V> type() {
    return type;
  }

  public Kind kind() {
    return kind;
  }

  /** Whether the column accepts {@code NULL}. */
  public boolean isNullable() {
    return nullable;
  }

  /** Whether the struct holds the field as a primitive, so that it can never be null. */
  public boolean isPrimitive() {
    return primitive;
  }

  public boolean isRedacted() {
    return redacted;
  }

  /**
   * {@code value} as a log, a telemetry event or {@code inspect} shows it: {@code **redacted**} for
   * a redacted field, as Ecto's {@code redact: true} shows it; the value itself otherwise.
   */
  public Object shown(Object value) {
    return redacted ? "**redacted**" : value;
  }

  /** Whether the field is stored in the table (every kind but {@link Kind#VIRTUAL}). */
  public boolean isPersisted() {
    return kind != Kind.VIRTUAL;
  }

  /** The value of this field on {@code struct}. */
  public V get(S struct) {
    return getter.apply(struct);
  }

  /** A copy of {@code struct} with this field set to {@code value}. */
  public S set(S struct, V value) {
    return setter.apply(struct, value);
  }

  /**
   * Binds this field's value on {@code struct} as parameter {@code index}.
   *
   * @throws UnpairedSurrogateException naming this field, for a string PostgreSQL cannot store
   * @throws CustomTypeException naming this field, when a custom type cannot dump the value
   */
  public void bind(PreparedStatement statement, int index, S struct) throws SQLException {
    bindNamed(statement, index, getter.apply(struct));
  }

  /** Binds {@code fields} of {@code struct} as parameters 1, 2, … in order. */
  public static <S> void bindAll(PreparedStatement statement, List<Field<S, ?>> fields, S struct)
      throws SQLException {
    for (int i = 0; i < fields.size(); i++) {
      fields.get(i).bind(statement, i + 1, struct);
    }
  }

  /**
   * Binds {@code value}, which must be of this field's type, as parameter {@code index}.
   *
   * @throws UnpairedSurrogateException naming this field, for a string PostgreSQL cannot store
   */
  public void bindValue(PreparedStatement statement, int index, Object value) throws SQLException {
    bindNamed(statement, index, castValue(value));
  }

  /**
   * Reads this field's column {@code index} (1-based) of the current row; generated row mappers
   * read custom-typed columns through here.
   *
   * @throws CustomTypeException naming this field, when a custom type cannot load the stored value
   */
  public V read(ResultSet row, int index) throws SQLException {
    try {
      return type.read(row, index);
    } catch (CustomTypeException e) {
      throw e.field().isPresent() ? e : e.inField(toString());
    }
  }

  private void bindNamed(PreparedStatement statement, int index, V value) throws SQLException {
    try {
      type.bind(statement, index, value);
    } catch (CustomTypeException e) {
      throw e.field().isPresent() ? e : e.inField(toString());
    } catch (UnpairedSurrogateException e) {
      throw e.inField(toString());
    } catch (io.ecto4j.type.TimePrecisionException e) {
      throw e.inField(toString());
    }
  }

  /** {@code value}, checked to be of this field's type (and not null for a primitive). */
  @SuppressWarnings("unchecked")
  public V castValue(Object value) {
    if (value == null && primitive) {
      throw new IllegalArgumentException(this + " is a primitive " + type.name() + " and cannot be null");
    }
    if (value != null && !type.javaType().isInstance(value)) {
      throw new IllegalArgumentException(
          this + " holds " + type.name() + ", not " + value.getClass().getName() + " (" + value + ")");
    }
    return (V) value;
  }

  /** {@code Post.title}: the schema and the field, as messages name it. */
  @Override
  public String toString() {
    return table.schemaName() + "." + name;
  }
}
