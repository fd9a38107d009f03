package io.ecto4j.processor.model;

/** {@code io.ecto4j.schema.ReferenceAction}, mirrored so that the processor needs no runtime classes. */
public enum OnDelete {
  NOTHING("NO ACTION"),
  DELETE_ALL("CASCADE"),
  NILIFY_ALL("SET NULL"),
  RESTRICT("RESTRICT");

  private final String sql;

  OnDelete(String sql) {
    this.sql = sql;
  }

  /** The SQL keywords after {@code ON DELETE}. */
  public String sql() {
    return sql;
  }
}
