package io.ecto4j.processor.writing;

import io.ecto4j.processor.writing.ResourceTable.ResourceColumn;
import io.ecto4j.processor.writing.ResourceTable.ResourceIndex;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The machine-readable half of the schema resource, {@code META-INF/ecto4j/schema.json}: every
 * table with its columns, types, nullability, defaults, keys, references and indexes, for
 * {@code gen-migration} to compare with a database. Written by hand: the processor has no JSON
 * library, and the format is small and fixed (docs/migrations.md describes it).
 */
final class ResourceJson {
  static final int FORMAT = 1;

  private ResourceJson() {}

  static String write(List<ResourceTable> tables) {
    return "{\n  \"format\": " + FORMAT + ",\n  \"tables\": [\n"
        + tables.stream().map(ResourceJson::table).collect(Collectors.joining(",\n"))
        + "\n  ]\n}\n";
  }

  private static String table(ResourceTable table) {
    return "    {\n"
        + "      \"name\": " + string(table.name()) + ",\n"
        + "      \"schema\": " + table.schema().map(ResourceJson::string).orElse("null") + ",\n"
        + "      \"joinTable\": " + table.isJoinTable() + ",\n"
        + "      \"primaryKey\": " + strings(table.primaryKey()) + ",\n"
        + "      \"columns\": [\n" + table.columns().stream().map(ResourceJson::column)
            .collect(Collectors.joining(",\n")) + "\n      ],\n"
        + "      \"indexes\": [" + (table.indexes().isEmpty() ? "" : "\n" + table.indexes().stream()
            .map(ResourceJson::index).collect(Collectors.joining(",\n")) + "\n      ") + "]\n"
        + "    }";
  }

  private static String column(ResourceColumn column) {
    return "        {\"name\": " + string(column.name()) + ", \"type\": " + string(column.type())
        + ", \"nullable\": " + column.nullable() + ", \"default\": " + optional(column.defaultSql())
        + column.references().map(ref -> ", \"references\": {\"table\": " + string(ref.table()) + ", \"column\": "
            + string(ref.column()) + ", \"onDelete\": " + string(ref.onDelete().name()) + "}").orElse("")
        + (column.redacted() ? ", \"redacted\": true" : "")
        + "}";
  }

  private static String index(ResourceIndex index) {
    return "        {\"name\": " + string(index.name()) + ", \"columns\": " + strings(index.columns())
        + ", \"unique\": " + index.unique() + "}";
  }

  private static String optional(Optional<String> value) {
    return value.map(ResourceJson::string).orElse("null");
  }

  private static String strings(List<String> values) {
    return values.stream().map(ResourceJson::string).collect(Collectors.joining(", ", "[", "]"));
  }

  static String string(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
      }
    }
    return out.append('"').toString();
  }
}
