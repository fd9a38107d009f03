package io.ecto4j.migration;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code COMMENT ON TABLE} or {@code COMMENT ON COLUMN}; an empty text removes the comment.
 * Reversible when the previous comment is given.
 *
 * @param column the column, or empty for the table's comment
 * @param previous the comment before, which the reverse restores
 */
public record Comment(String table, Optional<String> column, String text, Optional<String> previous)
    implements Command {

  public Comment {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(previous, "previous");
  }

  static Comment onTable(String table, String text) {
    return new Comment(table, Optional.empty(), text, Optional.empty());
  }

  static Comment onColumn(String table, String column, String text) {
    return new Comment(table, Optional.of(column), text, Optional.empty());
  }

  @Override
  public List<String> sql() {
    String target = column.map(c -> "COLUMN " + Sql.quote(table) + "." + Sql.quote(c))
        .orElse("TABLE " + Sql.quote(table));
    return List.of("COMMENT ON " + target + " IS " + (text.isEmpty() ? "NULL" : Sql.literal(text)));
  }

  @Override
  public String describe() {
    return "comment on " + column.map(c -> "column " + table + "." + c).orElse("table " + table);
  }

  @Override
  public boolean reversible() {
    return previous.isPresent();
  }

  @Override
  public List<Command> reverse() {
    return List.of(new Comment(table, column, previous.orElseThrow(), Optional.of(text)));
  }

  @Override
  public String howToReverse() {
    return "give the comment it replaces (\"\" for none), or write up() and down()";
  }
}
