package io.ecto4j.migration;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@code ALTER TABLE ... RENAME COLUMN}, Ecto's {@code rename table(:posts), :title, to: :name}. */
public record RenameColumn(String table, String from, String to, Optional<String> prefix) implements Command {
  public RenameColumn {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(prefix, "prefix");
  }

  /** Renames a column of a table in the {@code search_path}'s schema. */
  public RenameColumn(String table, String from, String to) {
    this(table, from, to, Optional.empty());
  }

  @Override
  public List<String> sql() {
    return List.of("ALTER TABLE " + Sql.table(prefix, table) + " RENAME COLUMN " + Sql.quote(from) + " TO "
        + Sql.quote(to));
  }

  @Override
  public String describe() {
    return "rename column " + from + " to " + to + " on table " + Sql.shown(prefix, table);
  }

  @Override
  public boolean reversible() {
    return true;
  }

  @Override
  public List<Command> reverse() {
    return List.of(new RenameColumn(table, to, from, prefix));
  }
}
