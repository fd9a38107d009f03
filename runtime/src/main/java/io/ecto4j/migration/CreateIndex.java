package io.ecto4j.migration;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@code CREATE INDEX}, Ecto's {@code create index(...)}; reversed by dropping it. */
public record CreateIndex(Index index, boolean ifNotExists) implements Command {
  public CreateIndex {
    Objects.requireNonNull(index, "index");
    if (index.nullsDistinct().isPresent() && !index.isUnique()) {
      throw new IllegalArgumentException("index " + index.name() + " sets NULLS " + (index.nullsDistinct().get()
          ? "" : "NOT ") + "DISTINCT but is not unique; it only applies to a unique index: add .unique(), or "
          + "leave the option out");
    }
  }

  @Override
  public List<String> sql() {
    String create = index.createSql(ifNotExists);
    return index.comment().map(text -> List.of(create, "COMMENT ON INDEX " + index.qualifiedName() + " IS "
        + Sql.literal(text))).orElse(List.of(create));
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
