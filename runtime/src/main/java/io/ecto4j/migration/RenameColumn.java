package io.ecto4j.migration;

import java.util.List;
import java.util.Objects;

/** {@code ALTER TABLE ... RENAME COLUMN}, Ecto's {@code rename table(:posts), :title, to: :name}. */
public record RenameColumn(String table, String from, String to) implements Command {
  public RenameColumn {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
  }

  @Override
  public List<String> sql() {
    return List.of("ALTER TABLE " + Sql.quote(table) + " RENAME COLUMN " + Sql.quote(from) + " TO " + Sql.quote(to));
  }

  @Override
  public String describe() {
    return "rename column " + from + " to " + to + " on table " + table;
  }

  @Override
  public boolean reversible() {
    return true;
  }

  @Override
  public List<Command> reverse() {
    return List.of(new RenameColumn(table, to, from));
  }
}
