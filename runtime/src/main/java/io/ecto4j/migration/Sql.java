package io.ecto4j.migration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecto4j.internal.ConstraintNames;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Quoting for the DDL the migration commands render; identifiers always quoted, as the repo does. */
final class Sql {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");
  private static final ObjectMapper JSON = new ObjectMapper();

  private Sql() {}

  /** {@code posts} → {@code "posts"}; a quote inside is doubled. */
  static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  /** {@code "accounts"."posts"} with a prefix (a PostgreSQL schema), {@code "posts"} without. */
  static String table(java.util.Optional<String> prefix, String name) {
    return prefix.map(schema -> quote(schema) + ".").orElse("") + quote(name);
  }

  /** {@code accounts.posts} for a log line, {@code posts} without a prefix. */
  static String shown(java.util.Optional<String> prefix, String name) {
    return prefix.map(schema -> schema + ".").orElse("") + name;
  }

  static String quoteAll(List<String> identifiers) {
    return identifiers.stream().map(Sql::quote).collect(Collectors.joining(", "));
  }

  /** A string literal: {@code it's} → {@code 'it''s'}. PostgreSQL text cannot hold a NUL character. */
  static String literal(String text) {
    if (text.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("a default or literal cannot contain a NUL character (\\0), which "
          + "PostgreSQL text cannot store: " + text.replace("\0", "\\0") + "; for a bytea column write the bytes "
          + "as a hex literal, '" + hex(text) + "'");
    }
    return "'" + text.replace("'", "''") + "'";
  }

  /** {@code \x666f6f00}: the UTF-8 bytes of {@code text} as a bytea hex literal, Ecto's suggestion. */
  private static String hex(String text) {
    StringBuilder hex = new StringBuilder("\\x");
    for (byte b : text.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      hex.append(String.format("%02x", b & 0xff));
    }
    return hex.toString();
  }

  /** A literal value of an array default: a quoted string, or a number or boolean as written. */
  static String value(Object value, String column) {
    if (value instanceof String text) {
      return literal(text);
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    throw new IllegalArgumentException("the default of column " + column + " holds " + value + " ("
        + (value == null ? "null" : value.getClass().getName()) + "); array defaults take strings, numbers and "
        + "booleans, or write the SQL with defaultSql(...)");
  }

  /** {@code json} as JSON text, for a {@code jsonb} default. */
  static String json(Map<String, ?> json, String column) {
    try {
      return JSON.writeValueAsString(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the default of column " + column + " cannot be written as JSON: "
          + e.getOriginalMessage(), e);
    }
  }

  /** Whether {@code text} is a plain column name rather than an expression such as {@code lower(email)}. */
  static boolean isIdentifier(String text) {
    return IDENTIFIER.matcher(text).matches();
  }

  /**
   * An index column: a name is quoted, a name with a sort order ({@code title DESC NULLS LAST}) too,
   * an expression is written as it is.
   */
  static String indexColumn(String column) {
    Matcher directed = ConstraintNames.DIRECTED_COLUMN.matcher(column.strip());
    if (directed.matches()) {
      return quote(directed.group(1)) + " " + directed.group(2).toUpperCase(Locale.ROOT);
    }
    return isIdentifier(column) ? quote(column) : column;
  }

  /** One line of a log: {@code sql} on a single line, cut at 60 characters. */
  static String abbreviate(String sql) {
    String line = sql.strip().replaceAll("\\s+", " ");
    return line.length() <= 60 ? line : line.substring(0, 57) + "...";
  }
}
