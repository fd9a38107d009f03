package io.ecto4j.migration.generator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecto4j.migration.MigrationException;
import io.ecto4j.schema.ReferenceAction;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Tables as the schemas describe them ({@code META-INF/ecto4j/schema.json}, which the processor
 * writes) or as a database has them ({@link DatabaseCatalog}); {@code gen-migration} compares the
 * two. Tables are in creation order: referenced tables first, join tables last.
 *
 * <pre>{@code
 * SchemaDescription schemas = SchemaDescription.load(getClass().getClassLoader());
 * }</pre>
 */
public record SchemaDescription(List<TableInfo> tables) {
  /** The resource the processor writes. */
  static final String RESOURCE = "META-INF/ecto4j/schema.json";

  public SchemaDescription {
    tables = List.copyOf(tables);
  }

  /** A table: its key columns, its columns in order, its indexes (the key's excepted). */
  public record TableInfo(String name, Optional<String> schema, boolean joinTable, List<String> primaryKey,
      List<ColumnInfo> columns, List<IndexInfo> indexes) {
    public TableInfo {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(schema, "schema");
      primaryKey = List.copyOf(primaryKey);
      columns = List.copyOf(columns);
      indexes = List.copyOf(indexes);
    }

    public Optional<ColumnInfo> column(String column) {
      return columns.stream().filter(c -> c.name().equals(column)).findFirst();
    }

    Optional<IndexInfo> index(String index) {
      return indexes.stream().filter(i -> i.name().equals(index)).findFirst();
    }
  }

  /**
   * A column: SQL type, nullability, default as SQL, foreign key; {@code redacted} for a field
   * declared {@code redact = true}, whose values tools do not print.
   */
  public record ColumnInfo(String name, String type, boolean nullable, Optional<String> defaultSql,
      Optional<ForeignKeyInfo> references, boolean redacted) {
    public ColumnInfo {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(defaultSql, "defaultSql");
      Objects.requireNonNull(references, "references");
    }

    /** A column that is not redacted (as a database catalog describes it). */
    public ColumnInfo(String name, String type, boolean nullable, Optional<String> defaultSql,
        Optional<ForeignKeyInfo> references) {
      this(name, type, nullable, defaultSql, references, false);
    }
  }

  /** A single-column foreign key; {@code name} is the constraint's name when read from a database. */
  public record ForeignKeyInfo(String table, String column, ReferenceAction onDelete, Optional<String> name) {
    public ForeignKeyInfo {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(onDelete, "onDelete");
      Objects.requireNonNull(name, "name");
    }
  }

  /** An index on columns or expressions; {@code partial} when it has a {@code WHERE}. */
  public record IndexInfo(String name, List<String> columns, boolean unique, boolean partial) {
    public IndexInfo {
      Objects.requireNonNull(name, "name");
      columns = List.copyOf(columns);
    }
  }

  public Optional<TableInfo> table(String name) {
    return tables.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /**
   * The schemas of every {@code META-INF/ecto4j/schema.json} {@code loader} sees (one per compiled
   * module); fails when there is none, saying how to get one.
   */
  public static SchemaDescription load(ClassLoader loader) {
    List<TableInfo> tables = new ArrayList<>();
    try {
      for (URL url : Collections.list(loader.getResources(RESOURCE))) {
        try (InputStream in = url.openStream()) {
          tables.addAll(read(in).tables());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + RESOURCE, e);
    }
    if (tables.isEmpty()) {
      throw new MigrationException("no " + RESOURCE + " found: compile the @Schema interfaces with the ecto4j "
          + "processor on the annotationProcessorPaths first");
    }
    return new SchemaDescription(tables);
  }

  /** Reads one resource; the JSON is walked as a tree, nothing is bound by reflection. */
  static SchemaDescription read(InputStream json) throws IOException {
    JsonNode root = new ObjectMapper().readTree(json);
    if (root.path("format").asInt() != 1) {
      throw new MigrationException(RESOURCE + " has format " + root.path("format") + ", which this ecto4j does not "
          + "read; compile the schemas with the same ecto4j version as the runtime");
    }
    List<TableInfo> tables = new ArrayList<>();
    root.path("tables").forEach(table -> tables.add(table(table)));
    return new SchemaDescription(tables);
  }

  private static TableInfo table(JsonNode table) {
    List<ColumnInfo> columns = new ArrayList<>();
    table.path("columns").forEach(column -> columns.add(column(column)));
    List<IndexInfo> indexes = new ArrayList<>();
    table.path("indexes").forEach(index -> indexes.add(new IndexInfo(index.path("name").asText(),
        strings(index.path("columns")), index.path("unique").asBoolean(), false)));
    return new TableInfo(table.path("name").asText(), text(table.path("schema")), table.path("joinTable").asBoolean(),
        strings(table.path("primaryKey")), columns, indexes);
  }

  private static ColumnInfo column(JsonNode column) {
    JsonNode ref = column.path("references");
    Optional<ForeignKeyInfo> references = ref.isObject()
        ? Optional.of(new ForeignKeyInfo(ref.path("table").asText(), ref.path("column").asText(),
            ReferenceAction.valueOf(ref.path("onDelete").asText()), Optional.empty()))
        : Optional.empty();
    return new ColumnInfo(column.path("name").asText(), column.path("type").asText(),
        column.path("nullable").asBoolean(), text(column.path("default")), references,
        column.path("redacted").asBoolean());
  }

  private static Optional<String> text(JsonNode node) {
    return node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }
}
