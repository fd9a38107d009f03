package io.ecto4j.migration;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code ALTER TABLE ... RENAME TO}, Ecto's {@code rename table(:posts), to: table(:articles)}; the
 * table stays in its schema, {@code prefix}.
 */
public record RenameTable(String from, String to, Optional<String> prefix) implements Command {
  public RenameTable {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(prefix, "prefix");
  }

  /** Renames a table of the {@code search_path}'s schema. */
  public RenameTable(String from, String to) {
    this(from, to, Optional.empty());
  }

  @Override
  public List<String> sql() {
    return List.of("ALTER TABLE " + Sql.table(prefix, from) + " RENAME TO " + Sql.quote(to));
  }

  @Override
  public String describe() {
    return "rename table " + Sql.shown(prefix, from) + " to " + to;
  }

  @Override
  public boolean reversible() {
    return true;
  }

  @Override
  public List<Command> reverse() {
    return List.of(new RenameTable(to, from, prefix));
  }
}
