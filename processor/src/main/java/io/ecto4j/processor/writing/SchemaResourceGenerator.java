package io.ecto4j.processor.writing;

import io.ecto4j.processor.model.SchemaModel;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.annotation.processing.Filer;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes, once per compilation, the DDL of every schema compiled: {@code META-INF/ecto4j/schema.sql}
 * (tables before the tables that reference them, join tables last) and
 * {@code META-INF/ecto4j/schema.json} (the same as data, for {@code gen-migration}). Schemas are
 * added as their rounds generate them; the files are written when processing is over.
 */
public final class SchemaResourceGenerator {
  public static final String SQL = "META-INF/ecto4j/schema.sql";
  public static final String JSON = "META-INF/ecto4j/schema.json";

  private final Map<String, ResourceTable> tables = new TreeMap<>();
  /** The schema that first mapped each table, joined with the columns of any other mapping it too. */
  private final Map<String, SchemaModel> mappings = new TreeMap<>();
  private final Map<String, ResourceTable> joinTables = new TreeMap<>();
  private final Set<String> schemas = new TreeSet<>();

  /**
   * Records {@code schema}'s tables; a join table declared by both sides is kept once, and so is a
   * table two schemas map (Ecto allows it): created once, with the columns of both (the processor
   * has checked that the columns they share are defined alike). A schema with a prefix of its own
   * ({@code @Schema(prefix = …)}) is left out: the resource describes the connection's schema.
   */
  public void add(SchemaModel schema) {
    schemas.add(schema.schema().canonicalName());
    if (schema.prefix().isPresent()) {
      // gen-migration diffs the connection's schema (current_schema()); a table in a prefix of its
      // own is created by its companion's DDL or a migration, and not described here.
      return;
    }
    SchemaModel mapping = mappings.merge(schema.table(), schema, SchemaModel::withColumnsOf);
    tables.put(schema.table(), ResourceTable.of(mapping));
    ResourceTable.joinTables(schema).forEach(join -> joinTables.putIfAbsent(join.name(), join));
  }

  /** The qualified names of the schemas recorded. */
  public Set<String> schemas() {
    return Set.copyOf(schemas);
  }

  public boolean isEmpty() {
    return tables.isEmpty();
  }

  /** The tables in creation order: each after the tables it references, ties by name; join tables last. */
  List<ResourceTable> ordered() {
    List<ResourceTable> ordered = new ArrayList<>();
    Set<String> placed = new TreeSet<>();
    Map<String, ResourceTable> pending = new TreeMap<>(tables);
    while (!pending.isEmpty()) {
      ResourceTable next = pending.values().stream()
          .filter(table -> table.referenced().stream().allMatch(ref -> placed.contains(ref) || !tables.containsKey(ref)))
          .findFirst()
          // A cycle of references: no order creates them all with inline REFERENCES; keep name order.
          .orElse(pending.values().iterator().next());
      ordered.add(next);
      placed.add(next.name());
      pending.remove(next.name());
    }
    ordered.addAll(joinTables.values());
    return ordered;
  }

  String sql() {
    StringBuilder sql = new StringBuilder("-- The schema DDL the ecto4j processor derived from the @Schema "
        + "interfaces:\n-- tables before the tables that reference them, join tables last.\n");
    ordered().forEach(table -> sql.append('\n').append(table.ddl()).append('\n'));
    return sql.toString();
  }

  String json() {
    return ResourceJson.write(ordered());
  }

  /** Writes both files. */
  public void write(Filer filer) throws IOException {
    write(filer, SQL, sql());
    write(filer, JSON, json());
  }

  private static void write(Filer filer, String name, String content) throws IOException {
    FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", name);
    try (Writer writer = file.openWriter()) {
      writer.write(content);
    }
  }
}
