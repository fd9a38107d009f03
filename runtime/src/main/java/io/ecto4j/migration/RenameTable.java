package io.ecto4j.migration;

import java.util.List;
import java.util.Objects;

/** {@code ALTER TABLE ... RENAME TO}, Ecto's {@code rename table(:posts), to: table(:articles)}. */
public record RenameTable(String from, String to) implements Command {
  public RenameTable {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
  }

  @Override
  public List<String> sql() {
    return List.of("ALTER TABLE " + Sql.quote(from) + " RENAME TO " + Sql.quote(to));
  }

  @Override
  public String describe() {
    return "rename table " + from + " to " + to;
  }

  @Override
  public boolean reversible() {
    return true;
  }

  @Override
  public List<Command> reverse() {
    return List.of(new RenameTable(to, from));
  }
}
