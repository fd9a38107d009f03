package io.ecto4j.migration;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@code ALTER INDEX … RENAME TO}, Ecto's {@code rename index(:posts, [:title]), to: "posts_title_idx"}. */
public record RenameIndex(Optional<String> prefix, String from, String to) implements Command {
  public RenameIndex {
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
  }

  @Override
  public List<String> sql() {
    String qualified = prefix.map(schema -> Sql.quote(schema) + ".").orElse("") + Sql.quote(from);
    return List.of("ALTER INDEX " + qualified + " RENAME TO " + Sql.quote(to));
  }

  @Override
  public String describe() {
    return "rename index " + from + " to " + to;
  }

  @Override
  public boolean reversible() {
    return true;
  }

  @Override
  public List<Command> reverse() {
    return List.of(new RenameIndex(prefix, to, from));
  }
}
