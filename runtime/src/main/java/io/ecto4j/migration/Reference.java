package io.ecto4j.migration;

import io.ecto4j.internal.ConstraintNames;
import io.ecto4j.schema.ReferenceAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A foreign key column's type, Ecto's {@code references(:users, on_delete: :delete_all)}: a column
 * of {@link #type()} with a {@code FOREIGN KEY} constraint named {@code <table>_<column>_fkey}
 * (PostgreSQL's own default name) unless {@link #name(String)} says otherwise.
 *
 * <pre>{@code
 * t.add("author_id", references("users").onDelete(ReferenceAction.DELETE_ALL));
 * t.add("tag_uuid", references("tags").column("uuid").type("uuid"));
 * t.add("group_id", references("groups").with("org_id", "org_id").matchFull()); // composite key
 * t.add("owner_id", references("users").prefix("accounts").notValid());          // ALTER TABLE only
 * }</pre>
 *
 * @param table the referenced table
 * @param prefix the referenced table's PostgreSQL schema; empty for the {@code search_path}'s
 * @param column the referenced column, {@code id} unless set
 * @param type the column type, {@code bigint} (a {@code bigserial} key) unless set
 * @param onDelete what deleting the referenced row does
 * @param onDeleteColumns for {@code SET NULL}/{@code SET DEFAULT}, the only columns it sets; empty for all
 * @param onUpdate what changing the referenced key does
 * @param name the constraint name; empty for {@code <table>_<column>_fkey}
 * @param with further column pairs of a composite key: this table's column, the referenced column
 * @param match how a partly null composite key is matched; empty for PostgreSQL's default, {@code SIMPLE}
 * @param validate false to add the constraint {@code NOT VALID}: existing rows are not checked
 */
public record Reference(
    String table,
    Optional<String> prefix,
    String column,
    String type,
    ReferenceAction onDelete,
    List<String> onDeleteColumns,
    UpdateAction onUpdate,
    Optional<String> name,
    List<ColumnPair> with,
    Optional<Match> match,
    boolean validate) {

  /** One more column of a composite foreign key: {@code column} here references {@code referenced} there. */
  public record ColumnPair(String column, String referenced) {
    public ColumnPair {
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(referenced, "referenced");
    }
  }

  /**
   * How a composite key with some null columns is matched, Ecto's {@code match:}. PostgreSQL does
   * not implement {@code MATCH PARTIAL}, so it is not offered.
   */
  public enum Match {
    /** A row with any null key column is not checked (PostgreSQL's default). */
    SIMPLE,
    /** Either every key column is null or none is. */
    FULL
  }

  public Reference {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(onDelete, "onDelete");
    onDeleteColumns = List.copyOf(onDeleteColumns);
    Objects.requireNonNull(onUpdate, "onUpdate");
    Objects.requireNonNull(name, "name");
    with = List.copyOf(with);
    Objects.requireNonNull(match, "match");
    if (!onDeleteColumns.isEmpty() && onDelete != ReferenceAction.NILIFY_ALL
        && onDelete != ReferenceAction.DEFAULT_ALL) {
      throw new IllegalArgumentException("columns for ON DELETE are only for SET NULL or SET DEFAULT, not "
          + onDelete + " (reference to " + table + ")");
    }
  }

  /**
   * A {@code bigint} (or the migrator's {@link MigrationDefaults#referenceType()}) referencing
   * {@code table(id)} (or the migrator's {@link MigrationDefaults#foreignKeyColumn()}), doing
   * nothing on delete or update.
   */
  public static Reference to(String table) {
    MigrationDefaults defaults = MigrationDefaults.current();
    return new Reference(table, Optional.empty(), defaults.foreignKeyColumn(), defaults.referenceType(),
        ReferenceAction.NOTHING, List.of(),
        UpdateAction.NOTHING, Optional.empty(), List.of(), Optional.empty(), true);
  }

  public Reference column(String column) {
    return with(d -> d.column = column);
  }

  public Reference type(String type) {
    return with(d -> d.type = type);
  }

  /** The referenced table lives in the PostgreSQL schema {@code prefix}, Ecto's {@code prefix:}. */
  public Reference prefix(String prefix) {
    return with(d -> d.prefix = Optional.of(prefix));
  }

  public Reference onDelete(ReferenceAction onDelete) {
    return with(d -> {
      d.onDelete = onDelete;
      d.onDeleteColumns = List.of();
    });
  }

  /** {@code ON DELETE SET NULL (columns)}: only these columns, Ecto's {@code on_delete: {:nilify, columns}}. */
  public Reference onDeleteNilify(String... columns) {
    return onDeleteSetting(ReferenceAction.NILIFY_ALL, columns);
  }

  /** {@code ON DELETE SET DEFAULT (columns)}, Ecto's {@code on_delete: {:default, columns}}. */
  public Reference onDeleteDefault(String... columns) {
    return onDeleteSetting(ReferenceAction.DEFAULT_ALL, columns);
  }

  private Reference onDeleteSetting(ReferenceAction action, String... columns) {
    if (columns.length == 0) {
      throw new IllegalArgumentException("name the columns to set, or use onDelete(ReferenceAction." + action + ")");
    }
    return with(d -> {
      d.onDelete = action;
      d.onDeleteColumns = List.of(columns);
    });
  }

  public Reference onUpdate(UpdateAction onUpdate) {
    return with(d -> d.onUpdate = onUpdate);
  }

  public Reference name(String name) {
    return with(d -> d.name = Optional.of(name));
  }

  /** A composite key: this table's {@code column} also references {@code referenced}, Ecto's {@code with:}. */
  public Reference with(String column, String referenced) {
    return with(d -> d.with.add(new ColumnPair(column, referenced)));
  }

  /** {@code MATCH FULL}: a composite key is either wholly null or wholly checked. */
  public Reference matchFull() {
    return with(d -> d.match = Optional.of(Match.FULL));
  }

  /** {@code MATCH SIMPLE}, written out (it is PostgreSQL's default). */
  public Reference matchSimple() {
    return with(d -> d.match = Optional.of(Match.SIMPLE));
  }

  /**
   * Added {@code NOT VALID}, Ecto's {@code validate: false}: rows already in the table are not
   * checked (and no long lock is taken for it); new rows are. Check the old rows later with
   * {@code validateConstraint(table, name)}. Only {@code alterTable} can add such a constraint.
   */
  public Reference notValid() {
    return with(d -> d.validate = false);
  }

  /**
   * The constraint's name on {@code ownerTable.ownerColumn}: {@link #name()}, or PostgreSQL's
   * default {@code <table>_<column>_fkey}. Public so that {@code gen-migration} recognises a
   * default-named constraint by this rule rather than a copy of it.
   */
  public String constraintName(String ownerTable, String ownerColumn) {
    return name.orElseGet(() -> ConstraintNames.foreignKey(ownerTable, ownerColumn));
  }

  /**
   * Whether the constraint must be a table constraint ({@code CONSTRAINT … FOREIGN KEY (…)}) rather
   * than the column's own: a composite key names several columns, and PostgreSQL accepts
   * {@code NOT VALID} only there.
   */
  boolean needsTableConstraint() {
    return !with.isEmpty() || !validate;
  }

  /** {@code CONSTRAINT "posts_author_id_fkey" REFERENCES "users" ("id") ON DELETE CASCADE}, after the column's type. */
  String columnConstraintSql(String ownerTable, String ownerColumn) {
    return "CONSTRAINT " + Sql.quote(constraintName(ownerTable, ownerColumn)) + " " + referencesSql();
  }

  /** {@code CONSTRAINT "…_fkey" FOREIGN KEY ("group_id", "org_id") REFERENCES "groups" ("id", "org_id") … [NOT VALID]}. */
  String tableConstraintSql(String ownerTable, String ownerColumn) {
    List<String> columns = new ArrayList<>(List.of(ownerColumn));
    with.forEach(pair -> columns.add(pair.column()));
    return "CONSTRAINT " + Sql.quote(constraintName(ownerTable, ownerColumn)) + " FOREIGN KEY ("
        + Sql.quoteAll(columns) + ") " + referencesSql() + (validate ? "" : " NOT VALID");
  }

  /** {@code REFERENCES "users" ("id") ON DELETE CASCADE}; actions that are the default are left out. */
  private String referencesSql() {
    List<String> referenced = new ArrayList<>(List.of(column));
    with.forEach(pair -> referenced.add(pair.referenced()));
    StringBuilder sql = new StringBuilder("REFERENCES ");
    sql.append(Sql.table(prefix, table)).append(" (").append(Sql.quoteAll(referenced)).append(')');
    match.ifPresent(kind -> sql.append(" MATCH ").append(kind.name()));
    if (onDelete != ReferenceAction.NOTHING) {
      sql.append(" ON DELETE ").append(onDelete.sql());
      if (!onDeleteColumns.isEmpty()) {
        sql.append(" (").append(Sql.quoteAll(onDeleteColumns)).append(')');
      }
    }
    if (onUpdate != UpdateAction.NOTHING) {
      sql.append(" ON UPDATE ").append(onUpdate.sql());
    }
    return sql.toString();
  }

  private Reference with(Consumer<Draft> edit) {
    Draft draft = new Draft(this);
    edit.accept(draft);
    return draft.build();
  }

  /** The one place that lists every component, so that a new option touches it alone. */
  private static final class Draft {
    String table;
    Optional<String> prefix;
    String column;
    String type;
    ReferenceAction onDelete;
    List<String> onDeleteColumns;
    UpdateAction onUpdate;
    Optional<String> name;
    List<ColumnPair> with;
    Optional<Match> match;
    boolean validate;

    Draft(Reference r) {
      table = r.table;
      prefix = r.prefix;
      column = r.column;
      type = r.type;
      onDelete = r.onDelete;
      onDeleteColumns = r.onDeleteColumns;
      onUpdate = r.onUpdate;
      name = r.name;
      with = new ArrayList<>(r.with);
      match = r.match;
      validate = r.validate;
    }

    Reference build() {
      return new Reference(table, prefix, column, type, onDelete, onDeleteColumns, onUpdate, name, with, match,
          validate);
    }
  }
}
