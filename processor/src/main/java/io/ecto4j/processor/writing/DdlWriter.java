package io.ecto4j.processor.writing;

import static io.ecto4j.processor.writing.SqlWriter.quote;

import io.ecto4j.processor.model.AssociationModel;
import io.ecto4j.processor.model.ColumnKind;
import io.ecto4j.processor.model.ColumnModel;
import io.ecto4j.processor.model.ForeignKeyModel;
import io.ecto4j.processor.model.JoinTableModel;
import io.ecto4j.processor.model.OnDelete;
import io.ecto4j.processor.model.SchemaModel;
import io.ecto4j.processor.model.TypeMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The DDL a schema implies: {@code CREATE TABLE} with defaults and references, an index per
 * foreign key and a unique index per {@code @Field(unique = true)}; separately, {@code CREATE TABLE IF
 * NOT EXISTS} for each join table named by {@code joinThrough}, which needs both of its tables and may
 * be declared by both sides (a join schema's table is that schema's own DDL).
 */
final class DdlWriter {
  private DdlWriter() {}

  static String ddl(SchemaModel schema) {
    List<String> statements = new ArrayList<>(enumTypes(schema));
    statements.add(createTable(schema));
    for (ColumnModel column : schema.persistedColumns()) {
      if (column.kind() == ColumnKind.FOREIGN_KEY) {
        statements.add(index(schema, column.column()));
      } else if (column.unique()) {
        statements.add("CREATE UNIQUE INDEX " + quote(indexName(schema.table(), column.column())) + " ON "
            + table(schema) + " (" + quote(column.column()) + ");");
      }
    }
    return String.join("\n", statements);
  }

  /**
   * {@code CREATE TYPE mood AS ENUM (…)} for each PostgreSQL enum type a column names
   * ({@code @Field(type = "mood")}), created only when missing: schemas sharing a type each carry the
   * statement, and whichever runs first creates it.
   */
  private static List<String> enumTypes(SchemaModel schema) {
    java.util.Map<String, TypeMapping> types = new java.util.LinkedHashMap<>();
    for (ColumnModel column : schema.persistedColumns()) {
      TypeMapping value = column.mapping().element().orElse(column.mapping());
      value.enumDatabaseType().ifPresent(type -> types.putIfAbsent(type, value));
    }
    return types.entrySet().stream().map(type -> "DO $$ BEGIN CREATE TYPE " + type.getKey() + " AS ENUM ("
        + type.getValue().enumStored().stream().map(label -> "'" + label.replace("'", "''") + "'")
            .collect(Collectors.joining(", "))
        + "); EXCEPTION WHEN duplicate_object THEN NULL; END $$;").toList();
  }

  static String joinTablesDdl(SchemaModel schema) {
    List<String> statements = new ArrayList<>();
    for (AssociationModel association : schema.associations()) {
      if (association.joinTable().filter(JoinTableModel::needsDdl).isPresent()) {
        statements.add(joinTable(schema, association));
      }
    }
    return String.join("\n", statements);
  }

  private static String createTable(SchemaModel schema) {
    return "CREATE TABLE " + table(schema) + " (\n"
        + schema.persistedColumns().stream().map(column -> "  " + column(schema, column))
            .collect(Collectors.joining(",\n"))
        + (schema.hasDeclaredKey() ? ",\n  PRIMARY KEY (" + schema.keyColumns().stream()
            .map(column -> quote(column.column())).collect(Collectors.joining(", ")) + ")" : "")
        + "\n);";
  }

  private static String column(SchemaModel schema, ColumnModel column) {
    if (column.kind() == ColumnKind.PRIMARY_KEY) {
      return quote(column.column()) + " " + schema.primaryKeyType().ddlType() + " PRIMARY KEY";
    }
    StringBuilder line = new StringBuilder(quote(column.column())).append(' ').append(column.mapping().sqlType());
    if (!column.nullable()) {
      line.append(" NOT NULL");
    }
    Literals.defaultSql(column).ifPresent(value -> line.append(" DEFAULT ").append(value));
    column.foreignKey().ifPresent(key -> line.append(references(key)));
    return line.toString();
  }

  /** {@code REFERENCES "blog"."posts" ("id") ON DELETE …}: in the referenced schema's prefix, if it has one. */
  private static String references(ForeignKeyModel key) {
    return " REFERENCES " + qualified(key.prefix(), key.table()) + " (" + quote(key.column()) + ") ON DELETE "
        + key.onDelete().sql();
  }

  private static String index(SchemaModel schema, String column) {
    return "CREATE INDEX " + quote(indexName(schema.table(), column)) + " ON " + table(schema) + " ("
        + quote(column) + ");";
  }

  /** The schema's table, in its schema-wide prefix if it has one: {@code "blog"."posts"}. */
  private static String table(SchemaModel schema) {
    return qualified(schema.prefix(), schema.table());
  }

  private static String qualified(Optional<String> prefix, String table) {
    return prefix.map(p -> quote(p) + ".").orElse("") + quote(table);
  }

  /** Ecto's index name, {@code <table>_<column>_index}, which {@code unique_constraint} expects too. */
  static String indexName(String table, String column) {
    return table + "_" + column + "_index";
  }

  static String joinTable(SchemaModel schema, AssociationModel association) {
    JoinTableModel join = association.joinTable().orElseThrow();
    String ownerType = schema.primaryKeyType().mapping().sqlType();
    String relatedType = association.target().primaryKeyType().mapping().sqlType();
    return "CREATE TABLE IF NOT EXISTS " + quote(join.table()) + " (\n"
        + "  " + quote(join.ownerColumn()) + " " + ownerType + " NOT NULL"
        + references(new ForeignKeyModel(schema.table(), association.ownerKey().orElseThrow(),
            association.onDelete().orElseThrow(), schema.prefix()))
        + ",\n  " + quote(join.relatedColumn()) + " " + relatedType + " NOT NULL"
        + references(new ForeignKeyModel(association.target().table(), association.relatedKey().orElseThrow(),
            OnDelete.DELETE_ALL, association.target().prefix()))
        + ",\n  PRIMARY KEY (" + quote(join.ownerColumn()) + ", " + quote(join.relatedColumn()) + ")\n);";
  }
}
