package io.ecto4j.processor.model;

import java.util.Optional;

/**
 * The {@code REFERENCES} clause of a foreign key column: the referenced table, in the referenced
 * schema's own prefix when it has one ({@code @Schema(prefix)}), and column.
 */
public record ForeignKeyModel(String table, String column, OnDelete onDelete, Optional<String> prefix) {

  /** A reference to a table in no prefix of its own (the search path's). */
  public ForeignKeyModel(String table, String column, OnDelete onDelete) {
    this(table, column, onDelete, Optional.empty());
  }
}
