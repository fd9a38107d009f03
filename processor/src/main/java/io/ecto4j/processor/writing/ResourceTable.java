package io.ecto4j.processor.writing;

import io.ecto4j.processor.model.AssociationModel;
import io.ecto4j.processor.model.ColumnKind;
import io.ecto4j.processor.model.ColumnModel;
import io.ecto4j.processor.model.JoinTableModel;
import io.ecto4j.processor.model.OnDelete;
import io.ecto4j.processor.model.SchemaModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A table as the schema resource describes it, taken from a model when its schema is generated
 * (models hold elements of their round; this holds plain values that outlive it).
 *
 * @param schema the declaring interface, or empty for a join table
 * @param ddl the statements creating it, as the companion's {@code DDL}
 */
record ResourceTable(
    String name,
    Optional<String> schema,
    String ddl,
    List<ResourceColumn> columns,
    List<String> primaryKey,
    List<ResourceIndex> indexes) {

  /**
   * A column: its SQL type, and the SQL literal of its default; {@code redacted} for a field
   * declared {@code redact = true}, whose values tools (ecto4j:query) do not print.
   */
  record ResourceColumn(String name, String type, boolean nullable, Optional<String> defaultSql,
      Optional<ResourceReference> references, boolean redacted) {
    ResourceColumn(String name, String type, boolean nullable, Optional<String> defaultSql,
        Optional<ResourceReference> references) {
      this(name, type, nullable, defaultSql, references, false);
    }
  }

  record ResourceReference(String table, String column, OnDelete onDelete) {}

  record ResourceIndex(String name, List<String> columns, boolean unique) {}

  static ResourceTable of(SchemaModel schema) {
    List<ResourceColumn> columns = new ArrayList<>();
    List<ResourceIndex> indexes = new ArrayList<>();
    for (ColumnModel column : schema.persistedColumns()) {
      columns.add(column(schema, column));
      if (column.kind() == ColumnKind.FOREIGN_KEY || column.unique()) {
        indexes.add(new ResourceIndex(DdlWriter.indexName(schema.table(), column.column()), List.of(column.column()),
            column.kind() != ColumnKind.FOREIGN_KEY));
      }
    }
    List<String> key = schema.keyColumns().stream().map(ColumnModel::column).toList();
    return new ResourceTable(schema.table(), Optional.of(schema.schema().canonicalName()), DdlWriter.ddl(schema),
        columns, key, indexes);
  }

  /** The join tables of {@code schema}'s many-to-many associations. */
  static List<ResourceTable> joinTables(SchemaModel schema) {
    List<ResourceTable> tables = new ArrayList<>();
    for (AssociationModel association : schema.associations()) {
      if (association.joinTable().filter(JoinTableModel::needsDdl).isPresent()) {
        tables.add(joinTable(schema, association));
      }
    }
    return tables;
  }

  /** The tables this one references, itself excluded. */
  Set<String> referenced() {
    Set<String> tables = new TreeSet<>();
    columns.forEach(column -> column.references().map(ResourceReference::table)
        .filter(table -> !table.equals(name)).ifPresent(tables::add));
    return tables;
  }

  boolean isJoinTable() {
    return schema.isEmpty();
  }

  private static ResourceColumn column(SchemaModel schema, ColumnModel column) {
    if (column.kind() == ColumnKind.PRIMARY_KEY) {
      return new ResourceColumn(column.column(), schema.primaryKeyType().ddlType(), false, Optional.empty(),
          Optional.empty());
    }
    return new ResourceColumn(column.column(), column.mapping().sqlType(), column.nullable(),
        Literals.defaultSql(column),
        column.foreignKey().map(key -> new ResourceReference(key.table(), key.column(), key.onDelete())),
        column.redacted());
  }

  private static ResourceTable joinTable(SchemaModel schema, AssociationModel association) {
    JoinTableModel join = association.joinTable().orElseThrow();
    ResourceColumn owner = new ResourceColumn(join.ownerColumn(), schema.primaryKeyType().mapping().sqlType(), false,
        Optional.empty(), Optional.of(new ResourceReference(schema.table(), association.ownerKey().orElseThrow(),
            association.onDelete().orElseThrow())));
    ResourceColumn related = new ResourceColumn(join.relatedColumn(),
        association.target().primaryKeyType().mapping().sqlType(), false, Optional.empty(),
        Optional.of(new ResourceReference(association.target().table(), association.relatedKey().orElseThrow(),
            OnDelete.DELETE_ALL)));
    return new ResourceTable(join.table(), Optional.empty(), DdlWriter.joinTable(schema, association),
        List.of(owner, related), List.of(join.ownerColumn(), join.relatedColumn()), List.of());
  }
}
