package io.ecto4j.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code ALTER TABLE} with its column changes in one statement, Ecto's
 * {@code alter table(:posts) do ... end}; reversed change by change, last first.
 */
public record AlterTable(String table, List<ColumnChange> changes, Optional<String> prefix) implements Command {
  public AlterTable {
    Objects.requireNonNull(table, "table");
    changes = List.copyOf(changes);
    Objects.requireNonNull(prefix, "prefix");
  }

  /** Changes to a table in the {@code search_path}'s schema. */
  public AlterTable(String table, List<ColumnChange> changes) {
    this(table, changes, Optional.empty());
  }

  @Override
  public List<String> sql() {
    List<String> statements = new ArrayList<>();
    List<String> clauses = new ArrayList<>();
    changes.forEach(change -> clauses.addAll(change.clauses(table)));
    List<String> keyColumns = changes.stream()
        .filter(change -> change instanceof ColumnChange.Add add && add.definition().isPrimaryKey())
        .map(ColumnChange::column)
        .toList();
    if (!keyColumns.isEmpty()) {
      // One key for every added column marked primaryKey(), as Ecto adds it (a composite key when several).
      clauses.add("ADD PRIMARY KEY (" + Sql.quoteAll(keyColumns) + ")");
    }
    if (!clauses.isEmpty()) {
      statements.add("ALTER TABLE " + Sql.table(prefix, table) + "\n  " + String.join(",\n  ", clauses));
    }
    for (ColumnChange change : changes) {
      change.comment().ifPresent(text -> statements.add(Comment.onColumn(prefix, table, change.column(), text).sql().get(0)));
    }
    return statements;
  }

  @Override
  public String describe() {
    return "alter table " + Sql.shown(prefix, table);
  }

  @Override
  public boolean reversible() {
    return changes.stream().allMatch(ColumnChange::reversible);
  }

  @Override
  public List<Command> reverse() {
    List<ColumnChange> reversed = new ArrayList<>();
    for (int i = changes.size() - 1; i >= 0; i--) {
      reversed.add(changes.get(i).reverse());
    }
    return List.of(new AlterTable(table, reversed, prefix));
  }

  @Override
  public String howToReverse() {
    return changes.stream().filter(change -> !change.reversible()).findFirst()
        .map(ColumnChange::howToReverse)
        .orElse("");
  }
}
