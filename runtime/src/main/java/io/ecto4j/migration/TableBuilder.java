package io.ecto4j.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The body of {@code createTable} and {@code alterTable}, Ecto's {@code do ... end} block: each
 * call adds a column change, in order.
 *
 * <pre>{@code
 * alterTable("posts", t -> {
 *   t.add("view_count", "integer").notNull().defaultValue(0);
 *   t.modify("title", "text").from("varchar(255)");
 *   t.remove("legacy_flag", "boolean");
 * });
 * }</pre>
 */
public final class TableBuilder {
  private final String table;
  private final Optional<String> prefix;
  private final boolean creating;
  private final List<Supplier<ColumnChange>> changes = new ArrayList<>();
  private final List<ColumnBuilder> added = new ArrayList<>();

  TableBuilder(String table, boolean creating) {
    this(table, Optional.empty(), creating);
  }

  /** A body for a table in the schema {@code prefix}, whose references default to that schema, as Ecto's do. */
  TableBuilder(String table, Optional<String> prefix, boolean creating) {
    this.table = table;
    this.prefix = prefix;
    this.creating = creating;
  }

  /** A column of an SQL type: {@code add("title", "varchar(255)")}, {@code add("tags", "text[]")}. */
  public ColumnBuilder add(String column, String type) {
    return adding(ColumnBuilder.Kind.ADD, column, ColumnDefinition.of(type));
  }

  /** A foreign key column: {@code add("author_id", references("users"))}. */
  public ColumnBuilder add(String column, Reference reference) {
    return adding(ColumnBuilder.Kind.ADD, column, ColumnDefinition.of(inTablePrefix(reference)));
  }

  /** {@code ADD COLUMN IF NOT EXISTS}; reversed by {@code DROP COLUMN IF EXISTS}. */
  public ColumnBuilder addIfNotExists(String column, String type) {
    return adding(ColumnBuilder.Kind.ADD_IF_NOT_EXISTS, column, ColumnDefinition.of(type));
  }

  public ColumnBuilder addIfNotExists(String column, Reference reference) {
    return adding(ColumnBuilder.Kind.ADD_IF_NOT_EXISTS, column, ColumnDefinition.of(inTablePrefix(reference)));
  }

  /**
   * {@code inserted_at} and {@code updated_at}, {@code timestamptz NOT NULL}, as {@code @Timestamps}
   * expects (the type is the migrator's {@link MigrationDefaults#timestampType()} when set).
   */
  public void timestamps() {
    timestamps(TimestampColumns.defaults());
  }

  /** The timestamps with another type, e.g. {@code timestamp} for {@code LOCAL_DATE_TIME}. */
  public void timestamps(String type) {
    timestamps(TimestampColumns.defaults().type(type));
  }

  /** The timestamps renamed, without an update column, typed or nullable, Ecto's {@code timestamps(opts)}. */
  public void timestamps(TimestampColumns columns) {
    columns.addTo(this);
  }

  /** A new type, and options when chained; add {@code .from(...)} to make it reversible. */
  public ColumnBuilder modify(String column, String type) {
    return altering(column, ColumnDefinition.of(type));
  }

  /** A new foreign key; the old one is dropped when {@code .from(references(...))} names it. */
  public ColumnBuilder modify(String column, Reference reference) {
    return altering(column, ColumnDefinition.of(inTablePrefix(reference)));
  }

  /** Drops a column; not reversible, as the type is unknown. */
  public void remove(String column) {
    removing(column, Optional.empty(), false);
  }

  /** Drops a column of {@code type}; reversed by adding it again (empty). */
  public void remove(String column, String type) {
    removing(column, Optional.of(ColumnDefinition.of(type)), false);
  }

  public void remove(String column, Reference reference) {
    removing(column, Optional.of(ColumnDefinition.of(inTablePrefix(reference))), false);
  }

  /** Drops a column of the given definition: {@code remove("title", column("text").notNull())}. */
  public void remove(String column, ColumnDefinition definition) {
    removing(column, Optional.of(definition), false);
  }

  /** {@code DROP COLUMN IF EXISTS}; not reversible. */
  public void removeIfExists(String column) {
    removing(column, Optional.empty(), true);
  }

  /** {@code DROP COLUMN IF EXISTS}; reversed by {@code ADD COLUMN IF NOT EXISTS}. */
  public void removeIfExists(String column, String type) {
    removing(column, Optional.of(ColumnDefinition.of(type)), true);
  }

  /** {@code DROP COLUMN IF EXISTS} of a foreign key; reversed by adding it again with its constraint. */
  public void removeIfExists(String column, Reference reference) {
    removing(column, Optional.of(ColumnDefinition.of(inTablePrefix(reference))), true);
  }

  /** {@code reference} pointing into this table's schema unless it names its own. */
  private Reference inTablePrefix(Reference reference) {
    return reference.prefix().isEmpty() && prefix.isPresent() ? reference.prefix(prefix.get()) : reference;
  }

  List<Column> columns() {
    return added.stream().map(ColumnBuilder::column).toList();
  }

  List<ColumnChange> changes() {
    return changes.stream().map(Supplier::get).toList();
  }

  private ColumnBuilder adding(ColumnBuilder.Kind kind, String column, ColumnDefinition definition) {
    if (creating && kind != ColumnBuilder.Kind.ADD) {
      throw notInCreate("addIfNotExists");
    }
    ColumnBuilder builder = new ColumnBuilder(kind, column, definition);
    added.add(builder);
    changes.add(builder::build);
    return builder;
  }

  private ColumnBuilder altering(String column, ColumnDefinition definition) {
    if (creating) {
      throw notInCreate("modify");
    }
    ColumnBuilder builder = new ColumnBuilder(ColumnBuilder.Kind.MODIFY, column, definition);
    changes.add(builder::build);
    return builder;
  }

  private void removing(String column, Optional<ColumnDefinition> definition, boolean ifExists) {
    if (creating) {
      throw notInCreate(ifExists ? "removeIfExists" : "remove");
    }
    ColumnChange change = new ColumnChange.Remove(column, definition, ifExists);
    changes.add(() -> change);
  }

  private IllegalStateException notInCreate(String method) {
    return new IllegalStateException(method + "(...) is for alterTable; in createTable(\"" + table
        + "\", ...) use add(...)");
  }
}
