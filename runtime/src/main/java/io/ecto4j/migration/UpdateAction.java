package io.ecto4j.migration;

/** What the database does to referencing rows when the referenced key changes ({@code on_update}). */
public enum UpdateAction {
  /** {@code NO ACTION}, the default: the update fails while references exist (Ecto's {@code :nothing}). */
  NOTHING("NO ACTION"),
  /** {@code CASCADE} (Ecto's {@code :update_all}). */
  UPDATE_ALL("CASCADE"),
  /** {@code SET NULL} (Ecto's {@code :nilify_all}). */
  NILIFY_ALL("SET NULL"),
  /** {@code RESTRICT} (Ecto's {@code :restrict}). */
  RESTRICT("RESTRICT");

  private final String sql;

  UpdateAction(String sql) {
    this.sql = sql;
  }

  /** The SQL keywords after {@code ON UPDATE}. */
  String sql() {
    return sql;
  }
}
