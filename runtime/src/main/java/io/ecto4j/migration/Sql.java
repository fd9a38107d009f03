package io.ecto4j.migration;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Quoting for the DDL the migration commands render; identifiers always quoted, as the repo does. */
final class Sql {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");

  private Sql() {}

  /** {@code posts} → {@code "posts"}; a quote inside is doubled. */
  static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  static String quoteAll(List<String> identifiers) {
    return identifiers.stream().map(Sql::quote).collect(Collectors.joining(", "));
  }

  /** A string literal: {@code it's} → {@code 'it''s'}. */
  static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  /** Whether {@code text} is a plain column name rather than an expression such as {@code lower(email)}. */
  static boolean isIdentifier(String text) {
    return IDENTIFIER.matcher(text).matches();
  }

  /** An index column: a name is quoted, an expression is written as it is. */
  static String indexColumn(String column) {
    return isIdentifier(column) ? quote(column) : column;
  }

  /** One line of a log: {@code sql} on a single line, cut at 60 characters. */
  static String abbreviate(String sql) {
    String line = sql.strip().replaceAll("\\s+", " ");
    return line.length() <= 60 ? line : line.substring(0, 57) + "...";
  }
}
