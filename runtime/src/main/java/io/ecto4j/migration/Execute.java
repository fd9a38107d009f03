package io.ecto4j.migration;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Raw SQL, Ecto's {@code execute "CREATE EXTENSION ..."}; reversible when given its down part,
 * {@code execute(up, down)}. One string may hold several statements.
 */
public record Execute(String up, Optional<String> down) implements Command {
  public Execute {
    Objects.requireNonNull(up, "up");
    Objects.requireNonNull(down, "down");
  }

  @Override
  public List<String> sql() {
    return List.of(up);
  }

  @Override
  public String describe() {
    return "execute \"" + Sql.abbreviate(up) + "\"";
  }

  @Override
  public boolean reversible() {
    return down.isPresent();
  }

  @Override
  public List<Command> reverse() {
    return List.of(new Execute(down.orElseThrow(), Optional.of(up)));
  }

  @Override
  public String howToReverse() {
    return "give the SQL that undoes it, execute(up, down), or write up() and down()";
  }
}
