package io.ecto4j.migration;

import io.ecto4j.internal.ConstraintNames;
import io.ecto4j.schema.ReferenceAction;
import java.util.Objects;
import java.util.Optional;

/**
 * A foreign key column's type, Ecto's {@code references(:users, on_delete: :delete_all)}: a column
 * of {@link #type()} with a {@code FOREIGN KEY} constraint named {@code <table>_<column>_fkey}
 * (PostgreSQL's own default name) unless {@link #name(String)} says otherwise.
 *
 * <pre>{@code
 * t.add("author_id", references("users").onDelete(ReferenceAction.DELETE_ALL));
 * t.add("tag_uuid", references("tags").column("uuid").type("uuid"));
 * }</pre>
 *
 * @param table the referenced table
 * @param column the referenced column, {@code id} unless set
 * @param type the column type, {@code bigint} (a {@code bigserial} key) unless set
 * @param name the constraint name; empty for {@code <table>_<column>_fkey}
 */
public record Reference(
    String table,
    String column,
    String type,
    ReferenceAction onDelete,
    UpdateAction onUpdate,
    Optional<String> name) {

  public Reference {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(onDelete, "onDelete");
    Objects.requireNonNull(onUpdate, "onUpdate");
    Objects.requireNonNull(name, "name");
  }

  /** A {@code bigint} referencing {@code table(id)}, doing nothing on delete or update. */
  public static Reference to(String table) {
    return new Reference(table, "id", "bigint", ReferenceAction.NOTHING, UpdateAction.NOTHING, Optional.empty());
  }

  public Reference column(String column) {
    return new Reference(table, column, type, onDelete, onUpdate, name);
  }

  public Reference type(String type) {
    return new Reference(table, column, type, onDelete, onUpdate, name);
  }

  public Reference onDelete(ReferenceAction onDelete) {
    return new Reference(table, column, type, onDelete, onUpdate, name);
  }

  public Reference onUpdate(UpdateAction onUpdate) {
    return new Reference(table, column, type, onDelete, onUpdate, name);
  }

  public Reference name(String name) {
    return new Reference(table, column, type, onDelete, onUpdate, Optional.of(name));
  }

  /**
   * The constraint's name on {@code ownerTable.ownerColumn}: {@link #name()}, or PostgreSQL's
   * default {@code <table>_<column>_fkey}. Public so that {@code gen-migration} recognises a
   * default-named constraint by this rule rather than a copy of it.
   */
  public String constraintName(String ownerTable, String ownerColumn) {
    return name.orElseGet(() -> ConstraintNames.foreignKey(ownerTable, ownerColumn));
  }

  /** {@code REFERENCES "users" ("id") ON DELETE CASCADE}; actions that are the default are left out. */
  String referencesSql() {
    StringBuilder sql = new StringBuilder("REFERENCES ").append(Sql.quote(table))
        .append(" (").append(Sql.quote(column)).append(')');
    if (onDelete != ReferenceAction.NOTHING) {
      sql.append(" ON DELETE ").append(onDelete.sql());
    }
    if (onUpdate != UpdateAction.NOTHING) {
      sql.append(" ON UPDATE ").append(onUpdate.sql());
    }
    return sql.toString();
  }
}
