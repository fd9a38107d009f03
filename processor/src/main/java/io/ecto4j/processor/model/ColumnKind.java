package io.ecto4j.processor.model;

/**
 * What a struct component is to its table; the names match {@code io.ecto4j.meta.Field.Kind}.
 */
public enum ColumnKind {
  PRIMARY_KEY("primaryKey"),
  COLUMN("column"),
  FOREIGN_KEY("foreignKey"),
  INSERTED_AT("insertedAt"),
  UPDATED_AT("updatedAt"),
  VIRTUAL("column");

  private final String attribute;

  ColumnKind(String attribute) {
    this.attribute = attribute;
  }

  /** The annotation attribute that names the column, where errors about the name point. */
  public String attribute() {
    return attribute;
  }

  /** Whether the component is stored in the table. */
  public boolean isPersisted() {
    return this != VIRTUAL;
  }
}
