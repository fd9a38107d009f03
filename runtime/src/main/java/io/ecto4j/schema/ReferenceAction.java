package io.ecto4j.schema;

/** What the database does to referencing rows when the referenced row is deleted ({@code on_delete}). */
public enum ReferenceAction {
  /** {@code NO ACTION}: the delete fails while references exist (Ecto's {@code :nothing}). */
  NOTHING("NO ACTION"),
  /** {@code CASCADE} (Ecto's {@code :delete_all}). */
  DELETE_ALL("CASCADE"),
  /** {@code SET NULL} (Ecto's {@code :nilify_all}). */
  NILIFY_ALL("SET NULL"),
  /** {@code RESTRICT} (Ecto's {@code :restrict}). */
  RESTRICT("RESTRICT"),
  /** {@code SET DEFAULT}: referencing columns take their defaults (Ecto's {@code :default_all}). */
  DEFAULT_ALL("SET DEFAULT");

  private final String sql;

  ReferenceAction(String sql) {
    this.sql = sql;
  }

  /** The SQL keywords, e.g. {@code CASCADE}. */
  public String sql() {
    return sql;
  }
}
