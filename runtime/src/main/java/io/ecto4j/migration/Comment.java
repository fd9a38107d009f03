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
 * @param prefix the table's PostgreSQL schema; empty for the {@code search_path}'s
 */
public record Comment(String table, Optional<String> column, String text, Optional<String> previous,
    Optional<String> prefix) implements Command {

  public Comment {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(previous, "previous");
    Objects.requireNonNull(prefix, "prefix");
  }

  /** A comment on a table in the {@code search_path}'s schema. */
  public Comment(String table, Optional<String> column, String text, Optional<String> previous) {
    this(table, column, text, previous, Optional.empty());
  }

  static Comment onTable(Optional<String> prefix, String table, String text) {
    return new Comment(table, Optional.empty(), text, Optional.empty(), prefix);
  }

  static Comment onColumn(Optional<String> prefix, String table, String column, String text) {
    return new Comment(table, Optional.of(column), text, Optional.empty(), prefix);
  }

  @Override
  public List<String> sql() {
    String qualified = Sql.table(prefix, table);
    String target = column.map(c -> "COLUMN " + qualified + "." + Sql.quote(c)).orElse("TABLE " + qualified);
    return List.of("COMMENT ON " + target + " IS " + (text.isEmpty() ? "NULL" : Sql.literal(text)));
  }

  @Override
  public String describe() {
    String shown = Sql.shown(prefix, table);
    return "comment on " + column.map(c -> "column " + shown + "." + c).orElse("table " + shown);
  }

  @Override
  public boolean reversible() {
    return previous.isPresent();
  }

  @Override
  public List<Command> reverse() {
    return List.of(new Comment(table, column, previous.orElseThrow(), Optional.of(text), prefix));
  }

  @Override
  public String howToReverse() {
    return "give the comment it replaces (\"\" for none), or write up() and down()";
  }
}
