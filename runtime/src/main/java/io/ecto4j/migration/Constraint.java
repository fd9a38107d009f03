package io.ecto4j.migration;

import java.util.Objects;
import java.util.Optional;

/**
 * A check or exclusion constraint, Ecto's {@code constraint(:products, :price_must_be_positive,
 * check: "price > 0")}. {@link #notValid()} adds it without checking existing rows (a short lock);
 * {@code validateConstraint} checks them later without blocking writes.
 *
 * <pre>{@code
 * createConstraint(check("products", "price_must_be_positive", "price > 0").notValid());
 * validateConstraint("products", "price_must_be_positive");
 * createConstraint(exclude("bookings", "no_overlap", "gist (room_id WITH =, during WITH &&)"));
 * }</pre>
 *
 * @param expression the condition of a check; the method and elements of an exclusion
 * @param valid false for {@code NOT VALID}
 * @param comment the constraint's comment, if any
 * @param prefix the table's PostgreSQL schema; empty for the {@code search_path}'s
 */
public record Constraint(String table, String name, Kind kind, String expression, boolean valid,
    Optional<String> comment, Optional<String> prefix) {
  /** The two kinds of constraint the DSL creates directly; keys and uniques come from columns and indexes. */
  public enum Kind {
    CHECK,
    EXCLUDE
  }

  public Constraint {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(expression, "expression");
    Objects.requireNonNull(comment, "comment");
    Objects.requireNonNull(prefix, "prefix");
  }

  /** A constraint on a table in the {@code search_path}'s schema. */
  public Constraint(String table, String name, Kind kind, String expression, boolean valid, Optional<String> comment) {
    this(table, name, kind, expression, valid, comment, Optional.empty());
  }

  public Constraint notValid() {
    return new Constraint(table, name, kind, expression, false, comment, prefix);
  }

  /** {@code COMMENT ON CONSTRAINT} once it is created, Ecto's {@code comment:}. */
  public Constraint comment(String text) {
    return new Constraint(table, name, kind, expression, valid, Optional.of(text), prefix);
  }

  /** The table lives in the PostgreSQL schema {@code schema}, Ecto's {@code prefix:}. */
  public Constraint prefix(String schema) {
    return new Constraint(table, name, kind, expression, valid, comment, Optional.of(schema));
  }

  /** This constraint in the schema the migrator resolves (see {@link MigrationDefaults#prefixOf}). */
  Constraint scoped() {
    return new Constraint(table, name, kind, expression, valid, comment,
        MigrationDefaults.prefixOf(prefix, "constraint " + name));
  }

  /** {@code "accounts"."products"}, the table as a statement names it. */
  String qualifiedTable() {
    return Sql.table(prefix, table);
  }

  String definitionSql() {
    String body = kind == Kind.CHECK ? "CHECK (" + expression + ")" : "EXCLUDE USING " + expression;
    return body + (valid ? "" : " NOT VALID");
  }
}
