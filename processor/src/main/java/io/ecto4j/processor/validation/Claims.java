package io.ecto4j.processor.validation;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Tables and generated type names already taken by a schema, kept across rounds so that a schema
 * of a later round cannot take them again.
 */
public final class Claims {
  private final Map<String, String> tables = new HashMap<>();
  private final Map<String, String> types = new HashMap<>();

  /** Claims {@code table} for {@code schema}; the schema that had it, if another one did. */
  Optional<String> claimTable(String table, String schema) {
    return claim(tables, table, schema);
  }

  /** Claims the generated type {@code type} for {@code schema}; the schema that had it, if another one did. */
  Optional<String> claimType(String type, String schema) {
    return claim(types, type, schema);
  }

  private static Optional<String> claim(Map<String, String> claims, String name, String schema) {
    String owner = claims.putIfAbsent(name, schema);
    return owner == null || owner.equals(schema) ? Optional.empty() : Optional.of(owner);
  }
}
