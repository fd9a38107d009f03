package io.ecto4j.migration;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@code CREATE INDEX}, Ecto's {@code create index(...)}; reversed by dropping it. */
public record CreateIndex(Index index, boolean ifNotExists) implements Command {
  public CreateIndex {
    Objects.requireNonNull(index, "index");
  }

  @Override
  public List<String> sql() {
    return List.of(index.createSql(ifNotExists));
  }

  @Override
  public String describe() {
    return "create " + (index.isUnique() ? "unique " : "") + "index " + (ifNotExists ? "if not exists " : "")
        + index.name();
  }

  @Override
  public boolean reversible() {
    return true;
  }

  @Override
  public List<Command> reverse() {
    return List.of(DropIndex.of(index, ifNotExists, DropMode.RESTRICT));
  }
}
