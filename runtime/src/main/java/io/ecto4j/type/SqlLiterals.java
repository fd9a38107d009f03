package io.ecto4j.type;

/** Quoting of literals for generated DDL defaults. Values never go into DML this way. */
final class SqlLiterals {
  private SqlLiterals() {}

  static String quote(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
