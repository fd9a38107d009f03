package io.ecto4j.internal;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ecto's names for indexes and constraints, in one place: what a migration creates by default is
 * what a changeset's {@code uniqueConstraint}, {@code foreignKeyConstraint} or
 * {@code exclusionConstraint} expects by default, and what an undeclared violation's message
 * suggests. (The annotation processor, which does not load the runtime, names the indexes of its
 * DDL by the same rule in its {@code DdlWriter}.)
 *
 * <pre>{@code
 * ConstraintNames.index("users", List.of("email"));     // users_email_index
 * ConstraintNames.foreignKey("comments", "post_id");   // comments_post_id_fkey
 * }</pre>
 */
public final class ConstraintNames {
  private static final Pattern NOT_A_WORD = Pattern.compile("\\W");

  /**
   * An index column with a sort order, Ecto's {@code desc: :title}, {@code desc_nulls_last: :title}:
   * {@code title DESC NULLS LAST}; group 1 is the column, group 2 the order as written.
   */
  public static final Pattern DIRECTED_COLUMN = Pattern.compile(
      "([A-Za-z_][A-Za-z0-9_$]*)\\s+((?:ASC|DESC)(?:\\s+NULLS\\s+(?:FIRST|LAST))?|NULLS\\s+(?:FIRST|LAST))",
      Pattern.CASE_INSENSITIVE);

  private ConstraintNames() {}

  /**
   * {@code <table>_<column>_<column>…_index}, a (unique) index, Ecto's {@code unique_constraint}; an
   * expression such as {@code lower(email)} contributes its words, {@code lower_email}, while a
   * column name is used as it is.
   */
  public static String index(String table, List<String> columns) {
    StringBuilder name = new StringBuilder(table);
    for (String column : columns) {
      Matcher directed = DIRECTED_COLUMN.matcher(column.strip());
      String named = directed.matches() ? directed.group(1) : column;
      name.append('_').append(NOT_A_WORD.matcher(named).find() ? words(named) : named);
    }
    return name.append("_index").toString();
  }

  private static String words(String expression) {
    return expression.replaceAll("\\W+", "_").replaceAll("^_+|_+$", "");
  }

  /** {@code <table>_<column>_fkey}, PostgreSQL's own name for a foreign key, Ecto's {@code foreign_key_constraint}. */
  public static String foreignKey(String table, String column) {
    return table + "_" + column + "_fkey";
  }

  /** {@code <table>_<column>_exclusion}, Ecto's {@code exclusion_constraint}. */
  public static String exclusion(String table, String column) {
    return table + "_" + column + "_exclusion";
  }
}
