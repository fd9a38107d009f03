package io.ecto4j.meta;

import java.util.List;
import java.util.Optional;

/**
 * The base of each generated companion, e.g. {@code Posts}: its {@link Table} answered from the
 * {@link TableDefinition} the processor wrote, so that a companion declares its constants once and
 * its definition once instead of a method per question.
 *
 * <p>The definition lists the companion's constants, so it exists only once they do: the table's
 * name and schema name are known from construction on, everything else once the companion's class
 * is initialized. Asking before (from the initializer of another constant) throws, naming the
 * schema.
 *
 * @param <S> the generated struct
 */
public abstract class SchemaTable<S> implements Table<S> {
  private final String name;
  private final String schemaName;

  /** For generated companions: {@code super("posts", "Post")}. */
  protected SchemaTable(String name, String schemaName) {
    this.name = name;
    this.schemaName = schemaName;
  }

  /** The companion's {@code DEFINITION} constant; null only while its class is being initialized. */
  protected abstract TableDefinition<S> definition();

  private TableDefinition<S> defined() {
    TableDefinition<S> definition = definition();
    if (definition == null) {
      throw new IllegalStateException("the table of " + this + " was asked for its definition"
          + " while its companion is still being initialized; read it once the companion's constants exist");
    }
    return definition;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final String schemaName() {
    return schemaName;
  }

  @Override
  public final List<Field<S, ?>> fields() {
    return defined().fields();
  }

  @Override
  public final List<Field<S, ?>> virtualFields() {
    return defined().virtualFields();
  }

  @Override
  public final Optional<String> prefix() {
    return defined().prefix();
  }

  @Override
  public final Optional<Field<S, ?>> primaryKey() {
    return defined().primaryKey();
  }

  @Override
  public final List<Field<S, ?>> primaryKeys() {
    return defined().primaryKeys();
  }

  @Override
  public final boolean primaryKeyGeneratedByDatabase() {
    return defined().primaryKeyGeneratedByDatabase();
  }

  @Override
  public final Optional<Timestamps<S>> timestamps() {
    return defined().timestamps();
  }

  @Override
  public final List<Association<S, ?>> associations() {
    return defined().associations();
  }

  @Override
  public final List<Field<S, ?>> notLoadedInQuery() {
    return defined().notLoadedInQuery();
  }

  @Override
  public final List<Field<S, ?>> insertFields() {
    return defined().insertFields();
  }

  @Override
  public final String insertSql() {
    return defined().insertSql();
  }

  @Override
  public final List<Field<S, ?>> insertReturning() {
    return defined().insertReturning();
  }

  @Override
  public final String getSql() {
    return defined().getSql();
  }

  @Override
  public final String deleteSql() {
    return defined().deleteSql();
  }

  @Override
  public final String ddl() {
    return defined().ddl();
  }

  @Override
  public final String joinTablesDdl() {
    return defined().joinTablesDdl();
  }

  /** {@code Post (posts)}: the schema and its table, as messages name them. */
  @Override
  public String toString() {
    return schemaName + " (" + name + ")";
  }
}
