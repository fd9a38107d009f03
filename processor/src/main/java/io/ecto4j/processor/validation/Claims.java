package io.ecto4j.processor.validation;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Table columns and generated type names already taken by a schema, kept across rounds so that a
 * schema of a later round cannot take a type again, nor define a shared table's column otherwise.
 */
public final class Claims {
  private final Map<String, ColumnClaim> columns = new HashMap<>();
  private final Map<String, String> types = new HashMap<>();

  /**
   * How a schema defines one column of its table, as the DDL writes it; two schemas over one table
   * must agree on each column they share.
   *
   * @param schema the schema that defined it first
   * @param definition the SQL type, {@code NOT NULL} and {@code DEFAULT}, e.g. {@code varchar(255) NOT NULL}
   */
  record ColumnClaim(String schema, String definition) {}

  /**
   * Claims {@code column} of {@code table} (qualified by its prefix) as {@code definition} for
   * {@code schema}; the other schema's claim when it defined the column otherwise.
   */
  Optional<ColumnClaim> claimColumn(String table, String column, String schema, String definition) {
    ColumnClaim first = columns.putIfAbsent(table + "\u0000" + column, new ColumnClaim(schema, definition));
    return first == null || first.schema().equals(schema) || first.definition().equals(definition)
        ? Optional.empty() : Optional.of(first);
  }

  /** Claims the generated type {@code type} for {@code schema}; the schema that had it, if another one did. */
  Optional<String> claimType(String type, String schema) {
    String owner = types.putIfAbsent(type, schema);
    return owner == null || owner.equals(schema) ? Optional.empty() : Optional.of(owner);
  }
}
