package io.ecto4j.migration;

import java.util.Objects;

/** A named column of a table being created or altered. */
public record Column(String name, ColumnDefinition definition) {
  public Column {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(definition, "definition");
  }

  /** {@code "title" varchar(255) NOT NULL}, as in {@code CREATE TABLE}. */
  String sql(String table) {
    return Sql.quote(name) + " " + definition.sql(table, name);
  }
}
