package io.ecto4j.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code ALTER TABLE} with its column changes in one statement, Ecto's
 * {@code alter table(:posts) do ... end}; reversed change by change, last first.
 */
public record AlterTable(String table, List<ColumnChange> changes) implements Command {
  public AlterTable {
    Objects.requireNonNull(table, "table");
    changes = List.copyOf(changes);
  }

  @Override
  public List<String> sql() {
    List<String> statements = new ArrayList<>();
    List<String> clauses = new ArrayList<>();
    changes.forEach(change -> clauses.addAll(change.clauses(table)));
    if (!clauses.isEmpty()) {
      statements.add("ALTER TABLE " + Sql.quote(table) + "\n  " + String.join(",\n  ", clauses));
    }
    for (ColumnChange change : changes) {
      change.comment().ifPresent(text -> statements.add(Comment.onColumn(table, change.column(), text).sql().get(0)));
    }
    return statements;
  }

  @Override
  public String describe() {
    return "alter table " + table;
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
    return List.of(new AlterTable(table, reversed));
  }

  @Override
  public String howToReverse() {
    return changes.stream().filter(change -> !change.reversible()).findFirst()
        .map(ColumnChange::howToReverse)
        .orElse("");
  }
}
