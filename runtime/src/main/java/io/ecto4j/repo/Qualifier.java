package io.ecto4j.repo;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Qualifies statement text written without a schema — the schemas' compile-time
 * {@code INSERT_SQL}, {@code GET_SQL} and {@code DELETE_SQL}, and the repo's own update, insert and
 * preload statements — with a repo's default prefix: each quoted table name after
 * {@code INSERT INTO}, {@code UPDATE}, {@code DELETE FROM}, {@code FROM}, {@code JOIN} or
 * {@code USING} becomes {@code "prefix"."table"}. Names already qualified, unquoted names and
 * string literals are left alone. Statements rendered from queries do not come here: they are
 * rendered for the prefix. Each distinct text is qualified once and kept.
 */
final class Qualifier {
  /** Past this many distinct texts, results are no longer kept (generated statements are few). */
  private static final int MAX_KEPT = 4096;
  private static final String[] LEADS = {"INSERT INTO ", "UPDATE ", "DELETE FROM "};
  private static final String[] KEYWORDS = {" FROM ", " JOIN ", " USING "};

  private final String quotedPrefix;
  private final Map<String, String> qualified = new ConcurrentHashMap<>();

  Qualifier(String prefix) {
    this.quotedPrefix = '"' + prefix.replace("\"", "\"\"") + "\".";
  }

  String qualify(String sql) {
    String known = qualified.get(sql);
    if (known != null) {
      return known;
    }
    String result = rewrite(sql);
    if (qualified.size() < MAX_KEPT) {
      qualified.put(sql, result);
    }
    return result;
  }

  private String rewrite(String sql) {
    StringBuilder out = new StringBuilder(sql.length() + 32);
    int i = 0;
    for (String lead : LEADS) {
      if (sql.startsWith(lead)) {
        out.append(lead);
        i = qualifyAt(sql, lead.length(), out);
        break;
      }
    }
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == '"' || c == '\'') {
        int end = closing(sql, i);
        out.append(sql, i, end);
        i = end;
        continue;
      }
      String keyword = keywordAt(sql, i);
      if (keyword != null) {
        out.append(keyword);
        i = qualifyAt(sql, i + keyword.length(), out);
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static String keywordAt(String sql, int i) {
    for (String keyword : KEYWORDS) {
      if (sql.startsWith(keyword, i)) {
        return keyword;
      }
    }
    return null;
  }

  /** Copies the name at {@code start}, qualified if it is a quoted, unqualified name; returns where it ends. */
  private int qualifyAt(String sql, int start, StringBuilder out) {
    if (start >= sql.length() || sql.charAt(start) != '"') {
      return start;
    }
    int end = closing(sql, start);
    boolean qualifiedAlready = end < sql.length() && sql.charAt(end) == '.';
    out.append(qualifiedAlready ? "" : quotedPrefix).append(sql, start, end);
    return end;
  }

  /** The index just past the quoted name or literal starting at {@code start} (doubled quotes stay inside). */
  private static int closing(String sql, int start) {
    char quote = sql.charAt(start);
    int i = start + 1;
    while (i < sql.length()) {
      if (sql.charAt(i) == quote) {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return sql.length();
  }
}
