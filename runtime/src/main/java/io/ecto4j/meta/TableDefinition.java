package io.ecto4j.meta;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the processor computed of a schema's table, in one immutable value that its companion
 * ({@link SchemaTable}) answers {@link Table}'s questions from: the fields in their roles, the
 * associations, the timestamps and the SQL. A companion declares it last, once every constant it
 * lists exists:
 *
 * <pre>{@code
 * private static final TableDefinition<PostStruct> DEFINITION = TableDefinition.of(SCHEMA)
 *     .fields(ID, TITLE, AUTHOR_ID)
 *     .primaryKey(ID)
 *     .primaryKeyGeneratedByDatabase()
 *     .associations(AUTHOR)
 *     .insertFields(TITLE, AUTHOR_ID)
 *     .insertReturning(ID)
 *     .sql(INSERT_SQL, GET_SQL, DELETE_SQL)
 *     .ddl(DDL, JOIN_TABLES_DDL)
 *     .build();
 * }</pre>
 *
 * @param <S> the struct
 */
public final class TableDefinition<S> {
  private final List<Field<S, ?>> fields;
  private final List<Field<S, ?>> virtualFields;
  private final Optional<Field<S, ?>> primaryKey;
  private final List<Field<S, ?>> primaryKeys;
  private final boolean primaryKeyGeneratedByDatabase;
  private final Optional<Timestamps<S>> timestamps;
  private final List<Association<S, ?>> associations;
  private final List<Field<S, ?>> notLoadedInQuery;
  private final Optional<String> prefix;
  private final String insertSql;
  private final List<Field<S, ?>> insertFields;
  private final List<Field<S, ?>> insertReturning;
  private final String getSql;
  private final String deleteSql;
  private final String ddl;
  private final String joinTablesDdl;

  private TableDefinition(Builder<S> builder) {
    this.fields = builder.fields;
    this.virtualFields = builder.virtualFields;
    this.primaryKey = builder.primaryKey;
    this.primaryKeys = builder.primaryKeys != null ? builder.primaryKeys
        : primaryKey.<List<Field<S, ?>>>map(List::of).orElse(List.of());
    if (builder.primaryKeyGeneratedByDatabase && primaryKey.isEmpty()) {
      throw refused(builder, "has the database generate a primary key it does not name: primaryKey(…)");
    }
    this.primaryKeyGeneratedByDatabase = builder.primaryKeyGeneratedByDatabase;
    this.timestamps = builder.timestamps;
    this.associations = builder.associations;
    this.notLoadedInQuery = builder.notLoadedInQuery;
    this.prefix = builder.prefix;
    this.insertSql = required(builder, builder.insertSql, "its statements: sql(…)");
    this.insertFields = builder.insertFields;
    this.insertReturning = builder.insertReturning;
    this.getSql = builder.getSql;
    this.deleteSql = builder.deleteSql;
    this.ddl = required(builder, builder.ddl, "its DDL: ddl(…)");
    this.joinTablesDdl = builder.joinTablesDdl;
  }

  private static <S> String required(Builder<S> builder, String value, String what) {
    if (value == null) {
      throw refused(builder, "lacks " + what);
    }
    return value;
  }

  private static IllegalStateException refused(Builder<?> builder, String why) {
    return new IllegalStateException("the definition of " + builder.table.schemaName() + " (" + builder.table.name()
        + ") " + why);
  }

  /**
   * A definition of {@code table} with no fields, key, associations or timestamps yet;
   * {@link Builder#sql} and {@link Builder#ddl} are required.
   */
  public static <S> Builder<S> of(Table<S> table) {
    return new Builder<>(table);
  }

  List<Field<S, ?>> fields() {
    return fields;
  }

  List<Field<S, ?>> virtualFields() {
    return virtualFields;
  }

  Optional<Field<S, ?>> primaryKey() {
    return primaryKey;
  }

  List<Field<S, ?>> primaryKeys() {
    return primaryKeys;
  }

  boolean primaryKeyGeneratedByDatabase() {
    return primaryKeyGeneratedByDatabase;
  }

  Optional<Timestamps<S>> timestamps() {
    return timestamps;
  }

  List<Association<S, ?>> associations() {
    return associations;
  }

  List<Field<S, ?>> notLoadedInQuery() {
    return notLoadedInQuery;
  }

  Optional<String> prefix() {
    return prefix;
  }

  String insertSql() {
    return insertSql;
  }

  List<Field<S, ?>> insertFields() {
    return insertFields;
  }

  List<Field<S, ?>> insertReturning() {
    return insertReturning;
  }

  String getSql() {
    return getSql;
  }

  String deleteSql() {
    return deleteSql;
  }

  String ddl() {
    return ddl;
  }

  String joinTablesDdl() {
    return joinTablesDdl;
  }

  /**
   * Collects a {@link TableDefinition}. Its methods take the constants as arguments rather than
   * lists, so that a companion's definition is one chain of plain calls for javac to check.
   *
   * @param <S> the struct
   */
  public static final class Builder<S> {
    private List<Field<S, ?>> fields = List.of();
    private List<Field<S, ?>> virtualFields = List.of();
    private Optional<Field<S, ?>> primaryKey = Optional.empty();
    private List<Field<S, ?>> primaryKeys;
    private boolean primaryKeyGeneratedByDatabase;
    private Optional<Timestamps<S>> timestamps = Optional.empty();
    private List<Association<S, ?>> associations = List.of();
    private List<Field<S, ?>> notLoadedInQuery = List.of();
    private Optional<String> prefix = Optional.empty();
    private String insertSql;
    private List<Field<S, ?>> insertFields = List.of();
    private List<Field<S, ?>> insertReturning = List.of();
    private String getSql;
    private String deleteSql;
    private String ddl;
    private String joinTablesDdl;

    private final Table<S> table;

    private Builder(Table<S> table) {
      this.table = Objects.requireNonNull(table, "table");
    }

    /** The persisted fields in column order, as {@link Table#fields()}. */
    @SafeVarargs
    public final Builder<S> fields(Field<S, ?>... fields) {
      this.fields = List.of(fields);
      return this;
    }

    /** The virtual fields, as {@link Table#virtualFields()}. */
    @SafeVarargs
    public final Builder<S> virtualFields(Field<S, ?>... fields) {
      this.virtualFields = List.of(fields);
      return this;
    }

    /** The one-field primary key, as {@link Table#primaryKey()}. */
    public Builder<S> primaryKey(Field<S, ?> key) {
      this.primaryKey = Optional.of(key);
      return this;
    }

    /**
     * That the database assigns the primary key on insert ({@code bigserial}), as
     * {@link Table#primaryKeyGeneratedByDatabase()}; the key must be given ({@link #primaryKey}).
     */
    public Builder<S> primaryKeyGeneratedByDatabase() {
      this.primaryKeyGeneratedByDatabase = true;
      return this;
    }

    /** Every field of a composite primary key, in column order, as {@link Table#primaryKeys()}. */
    @SafeVarargs
    public final Builder<S> primaryKeys(Field<S, ?>... keys) {
      this.primaryKeys = List.of(keys);
      return this;
    }

    /** The timestamps of a schema that declares {@code @Timestamps}. */
    public Builder<S> timestamps(Timestamps<S> timestamps) {
      this.timestamps = Optional.of(timestamps);
      return this;
    }

    /** The associations in declaration order, as {@link Table#associations()}. */
    @SafeVarargs
    public final Builder<S> associations(Association<S, ?>... associations) {
      this.associations = List.of(associations);
      return this;
    }

    /** The fields a query loading whole structs does not select, as {@link Table#notLoadedInQuery()}. */
    @SafeVarargs
    public final Builder<S> notLoadedInQuery(Field<S, ?>... fields) {
      this.notLoadedInQuery = List.of(fields);
      return this;
    }

    /** The schema-wide prefix, {@code @Schema(prefix = …)}, as {@link Table#prefix()}. */
    public Builder<S> prefix(String prefix) {
      this.prefix = Optional.of(prefix);
      return this;
    }

    /** The fields an insert binds, in {@link Table#insertSql()}'s parameter order, as {@link Table#insertFields()}. */
    @SafeVarargs
    public final Builder<S> insertFields(Field<S, ?>... fields) {
      this.insertFields = List.of(fields);
      return this;
    }

    /** The fields an insert returns, in its {@code RETURNING} order, as {@link Table#insertReturning()}. */
    @SafeVarargs
    public final Builder<S> insertReturning(Field<S, ?>... fields) {
      this.insertReturning = List.of(fields);
      return this;
    }

    /**
     * The statements by primary key: {@link Table#insertSql()}, {@link Table#getSql()} and
     * {@link Table#deleteSql()} (the last two empty without a key).
     */
    public Builder<S> sql(String insertSql, String getSql, String deleteSql) {
      this.insertSql = Objects.requireNonNull(insertSql, "insertSql");
      this.getSql = Objects.requireNonNull(getSql, "getSql");
      this.deleteSql = Objects.requireNonNull(deleteSql, "deleteSql");
      return this;
    }

    /** The DDL: {@link Table#ddl()} and {@link Table#joinTablesDdl()} (empty without many-to-many). */
    public Builder<S> ddl(String ddl, String joinTablesDdl) {
      this.ddl = Objects.requireNonNull(ddl, "ddl");
      this.joinTablesDdl = Objects.requireNonNull(joinTablesDdl, "joinTablesDdl");
      return this;
    }

    /** The definition; {@link #sql} and {@link #ddl} must have been given. */
    public TableDefinition<S> build() {
      return new TableDefinition<>(this);
    }
  }
}
