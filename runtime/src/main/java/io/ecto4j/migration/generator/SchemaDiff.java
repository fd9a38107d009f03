package io.ecto4j.migration.generator;

import io.ecto4j.migration.AlterTable;
import io.ecto4j.migration.Column;
import io.ecto4j.migration.ColumnChange;
import io.ecto4j.migration.ColumnDefinition;
import io.ecto4j.migration.Command;
import io.ecto4j.migration.CreateIndex;
import io.ecto4j.migration.CreateTable;
import io.ecto4j.migration.DropIndex;
import io.ecto4j.migration.DropMode;
import io.ecto4j.migration.Index;
import io.ecto4j.migration.Reference;
import io.ecto4j.migration.TableSpec;
import io.ecto4j.migration.generator.Canonical.Form;
import io.ecto4j.migration.generator.SchemaDescription.ColumnInfo;
import io.ecto4j.migration.generator.SchemaDescription.ForeignKeyInfo;
import io.ecto4j.migration.generator.SchemaDescription.IndexInfo;
import io.ecto4j.migration.generator.SchemaDescription.TableInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What it takes to bring a database to the schemas, as reversible commands: new tables with
 * their indexes first (in the schemas' creation order), then per existing table the columns to
 * add, modify or remove and the indexes to create. Tables and indexes the schemas do not mention
 * are left alone and reported as notes: they may come from hand-written migrations.
 */
final class SchemaDiff {
  /** The commands, and what was left alone. */
  record Result(List<Command> commands, List<String> notes) {}

  private final SchemaDescription desired;
  private final SchemaDescription actual;
  private final Map<String, Form> canonical;
  private final List<Command> commands = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  private SchemaDiff(SchemaDescription desired, SchemaDescription actual, Map<String, Form> canonical) {
    this.desired = desired;
    this.actual = actual;
    this.canonical = canonical;
  }

  /** {@code canonical} holds the desired columns' types and defaults as the database prints them. */
  static Result between(SchemaDescription desired, SchemaDescription actual, Map<String, Form> canonical) {
    SchemaDiff diff = new SchemaDiff(desired, actual, canonical);
    desired.tables().stream().filter(t -> actual.table(t.name()).isEmpty()).forEach(diff::create);
    desired.tables().forEach(t -> actual.table(t.name()).ifPresent(existing -> diff.alter(t, existing)));
    actual.tables().stream().filter(t -> desired.table(t.name()).isEmpty()).forEach(t -> diff.notes.add(
        "table " + t.name() + " is in the database but in no schema; left alone (dropTable it if it should go)"));
    return new Result(List.copyOf(diff.commands), List.copyOf(diff.notes));
  }

  private void create(TableInfo table) {
    commands.add(createTable(table));
    table.indexes().forEach(index -> commands.add(new CreateIndex(index(table.name(), index), false)));
  }

  static CreateTable createTable(TableInfo table) {
    TableSpec spec = TableSpec.named(table.name()).withoutPrimaryKey();
    List<String> key = table.primaryKey();
    if (key.size() == 1) {
      ColumnInfo column = table.column(key.get(0)).orElseThrow();
      spec = key.get(0).equals("id") && column.type().equals("bigserial") ? TableSpec.named(table.name())
          : spec.primaryKey(column.name(), column.type());
    }
    List<Column> columns = new ArrayList<>();
    for (ColumnInfo column : table.columns()) {
      if (key.size() != 1 || !key.contains(column.name())) {
        ColumnDefinition definition = definition(table.name(), column);
        columns.add(new Column(column.name(), key.contains(column.name()) ? definition.primaryKey() : definition));
      }
    }
    return new CreateTable(spec, columns, false);
  }

  private void alter(TableInfo wanted, TableInfo existing) {
    List<ColumnChange> changes = new ArrayList<>();
    for (ColumnInfo column : wanted.columns()) {
      Optional<ColumnInfo> current = existing.column(column.name());
      if (current.isEmpty()) {
        changes.add(new ColumnChange.Add(column.name(), definition(wanted.name(), column), false));
      } else {
        modify(wanted, column, current.get()).ifPresent(changes::add);
      }
    }
    existing.columns().stream().filter(column -> wanted.column(column.name()).isEmpty())
        .forEach(column -> changes.add(
            new ColumnChange.Remove(column.name(), Optional.of(definition(wanted.name(), column)), false)));
    if (!changes.isEmpty()) {
      commands.add(new AlterTable(wanted.name(), changes));
    }
    indexes(wanted, existing);
  }

  private Optional<ColumnChange> modify(TableInfo table, ColumnInfo wanted, ColumnInfo current) {
    Form form = canonical.get(Canonical.key(table.name(), wanted.name()));
    boolean type = !form.type().equals(current.type());
    boolean nullable = wanted.nullable() != current.nullable();
    boolean defaults = !Canonical.isSerial(wanted.type()) && !table.primaryKey().contains(wanted.name())
        && !form.defaultSql().equals(current.defaultSql());
    boolean references = !sameReference(wanted.references(), current.references());
    if (!type && !nullable && !defaults && !references) {
      return Optional.empty();
    }
    ColumnDefinition to = ColumnDefinition.of(Canonical.withoutSerial(wanted.type()));
    ColumnDefinition from = ColumnDefinition.of(current.type());
    if (nullable) {
      to = wanted.nullable() ? to.nullable() : to.notNull();
      from = current.nullable() ? from.nullable() : from.notNull();
    }
    if (defaults) {
      to = to.defaultSql(wanted.defaultSql().orElse("NULL"));
      from = from.defaultSql(current.defaultSql().orElse("NULL"));
    }
    if (references) {
      to = withReference(to, wanted.references(), Canonical.withoutSerial(wanted.type()), table.name(), wanted.name());
      from = withReference(from, current.references(), current.type(), table.name(), wanted.name());
    }
    return Optional.of(new ColumnChange.Modify(wanted.name(), to, Optional.of(from)));
  }

  private void indexes(TableInfo wanted, TableInfo existing) {
    for (IndexInfo index : wanted.indexes()) {
      Optional<IndexInfo> current = existing.index(index.name());
      if (current.isPresent() && !sameIndex(index, current.get())) {
        if (current.get().partial()) {
          notes.add("index " + index.name() + " differs from the schema's but is partial; drop it by hand");
          continue;
        }
        commands.add(new DropIndex(index.name(), Optional.of(index(wanted.name(), current.get())), false, false,
            DropMode.RESTRICT));
      }
      if (current.isEmpty() || !sameIndex(index, current.get())) {
        commands.add(new CreateIndex(index(wanted.name(), index), false));
      }
    }
    existing.indexes().stream().filter(index -> wanted.index(index.name()).isEmpty()).forEach(index -> notes.add(
        "index " + index.name() + " on " + existing.name() + " is in no schema; left alone"));
  }

  private static boolean sameIndex(IndexInfo a, IndexInfo b) {
    return a.unique() == b.unique() && a.columns().equals(b.columns()) && !b.partial();
  }

  private static boolean sameReference(Optional<ForeignKeyInfo> a, Optional<ForeignKeyInfo> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return a.isEmpty() && b.isEmpty();
    }
    return a.get().table().equals(b.get().table()) && a.get().column().equals(b.get().column())
        && a.get().onDelete() == b.get().onDelete();
  }

  static Index index(String table, IndexInfo index) {
    Index created = Index.on(table, index.columns()).name(index.name());
    return index.unique() ? created.unique() : created;
  }

  /** The definition creating {@code column}: type, foreign key, {@code NOT NULL}, default. */
  static ColumnDefinition definition(String table, ColumnInfo column) {
    String type = Canonical.withoutSerial(column.type());
    ColumnDefinition definition = withReference(ColumnDefinition.of(type), column.references(), type, table,
        column.name());
    if (!column.nullable()) {
      definition = definition.notNull();
    }
    if (column.defaultSql().isPresent() && !column.defaultSql().get().startsWith("nextval(")) {
      definition = definition.defaultSql(column.defaultSql().get());
    }
    return definition;
  }

  /** {@code definition} as a foreign key; a constraint name other than PostgreSQL's default is kept. */
  private static ColumnDefinition withReference(ColumnDefinition definition, Optional<ForeignKeyInfo> key,
      String type, String table, String column) {
    if (key.isEmpty()) {
      return definition;
    }
    ForeignKeyInfo info = key.get();
    Reference reference = Reference.to(info.table()).column(info.column()).type(type).onDelete(info.onDelete());
    String defaultName = reference.constraintName(table, column);
    reference = info.name().filter(name -> !name.equals(defaultName)).map(reference::name).orElse(reference);
    return new ColumnDefinition(type, Optional.of(reference), definition.nullability(), definition.defaultSql(),
        definition.isPrimaryKey(), definition.comment());
  }
}
