package io.ecto4j.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One change of an {@link AlterTable}: Ecto's {@code add}, {@code modify} and {@code remove}. */
public sealed interface ColumnChange {

  /** The column changed. */
  String column();

  /** The clauses of {@code ALTER TABLE table ...}. */
  List<String> clauses(String table);

  /** Whether {@link #reverse()} can undo it. */
  boolean reversible();

  ColumnChange reverse();

  /** What to write instead so that the change can be undone. */
  String howToReverse();

  /** The comment this change sets, if any. */
  default Optional<String> comment() {
    return Optional.empty();
  }

  /** {@code ADD COLUMN [IF NOT EXISTS]}; reversed by removing the column. */
  record Add(String column, ColumnDefinition definition, boolean ifNotExists) implements ColumnChange {
    public Add {
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(definition, "definition");
    }

    @Override
    public List<String> clauses(String table) {
      List<String> clauses = new ArrayList<>();
      clauses.add("ADD COLUMN " + (ifNotExists ? "IF NOT EXISTS " : "") + Sql.quote(column) + " "
          + definition.sql(table, column));
      definition.references().filter(Reference::needsTableConstraint)
          .ifPresent(ref -> clauses.add("ADD " + ref.tableConstraintSql(table, column)));
      return clauses;
    }

    @Override
    public boolean reversible() {
      return true;
    }

    @Override
    public ColumnChange reverse() {
      return new Remove(column, Optional.of(definition), ifNotExists);
    }

    @Override
    public String howToReverse() {
      return "";
    }

    @Override
    public Optional<String> comment() {
      return definition.comment();
    }
  }

  /**
   * {@code ALTER COLUMN}: the type, and the nullability and default when set; a
   * {@link Reference} replaces the foreign key constraint. Reversible when {@code from} says
   * what the column was, including every option this change sets.
   */
  record Modify(String column, ColumnDefinition definition, Optional<ColumnDefinition> from) implements ColumnChange {
    public Modify {
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(definition, "definition");
      Objects.requireNonNull(from, "from");
    }

    @Override
    public List<String> clauses(String table) {
      List<String> clauses = new ArrayList<>();
      String target = "ALTER COLUMN " + Sql.quote(column);
      from.flatMap(ColumnDefinition::references).ifPresent(old ->
          clauses.add("DROP CONSTRAINT " + Sql.quote(old.constraintName(table, column))));
      clauses.add(target + " TYPE " + definition.typeSql());
      definition.nullability().ifPresent(nullable -> clauses.add(target + (nullable ? " DROP NOT NULL" : " SET NOT NULL")));
      definition.defaultSql().ifPresent(sql -> clauses.add(target + " SET DEFAULT " + sql));
      definition.references().ifPresent(ref -> clauses.add("ADD " + ref.tableConstraintSql(table, column)));
      return clauses;
    }

    @Override
    public boolean reversible() {
      return from.filter(old -> (definition.nullability().isEmpty() || old.nullability().isPresent())
          && (definition.defaultSql().isEmpty() || old.defaultSql().isPresent())).isPresent();
    }

    @Override
    public ColumnChange reverse() {
      return new Modify(column, from.orElseThrow(), Optional.of(definition));
    }

    @Override
    public String howToReverse() {
      return "say what column " + column + " was, modify(\"" + column + "\", ...).from(column(\"<old type>\")...), "
          + "including the old nullability and default when this changes them";
    }

    @Override
    public Optional<String> comment() {
      return definition.comment();
    }
  }

  /** {@code DROP COLUMN [IF EXISTS]}; reversible when the removed column's definition is given. */
  record Remove(String column, Optional<ColumnDefinition> definition, boolean ifExists) implements ColumnChange {
    public Remove {
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(definition, "definition");
    }

    @Override
    public List<String> clauses(String table) {
      return List.of("DROP COLUMN " + (ifExists ? "IF EXISTS " : "") + Sql.quote(column));
    }

    @Override
    public boolean reversible() {
      return definition.isPresent();
    }

    @Override
    public ColumnChange reverse() {
      return new Add(column, definition.orElseThrow(), ifExists);
    }

    @Override
    public String howToReverse() {
      return "give its type, remove(\"" + column + "\", \"<type>\"), so that it can be added again";
    }
  }
}
