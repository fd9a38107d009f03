package io.ecto4j.repo;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * What hand-written SQL returned, as the driver reads it, Ecto's {@code %Postgrex.Result{}}: the
 * column names, the rows (each value as {@code getObject} gives it, {@code null} for SQL
 * {@code NULL}) and the number of rows read or changed. For a console or a test, not for
 * application code, which reads typed rows with {@code repo.query(sql, params, reader)}.
 *
 * <pre>{@code
 * QueryResult result = repo.queryResult("SELECT title, view_count FROM posts", List.of());
 * System.out.println(Repo.formatTable(result));
 * }</pre>
 *
 * @param columns the column names in order; empty (or null) for a statement without rows
 * @param rows the rows, each a list of its column values; may hold nulls
 * @param numRows rows read, or changed by a statement without rows
 */
public record QueryResult(List<String> columns, List<List<Object>> rows, long numRows) {

  /** Reads every row of {@code rows}. */
  static QueryResult read(ResultSet rows) throws SQLException {
    ResultSetMetaData meta = rows.getMetaData();
    int count = meta.getColumnCount();
    List<String> columns = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) {
      columns.add(meta.getColumnLabel(i));
    }
    List<List<Object>> read = new ArrayList<>();
    while (rows.next()) {
      Object[] values = new Object[count];
      for (int i = 0; i < count; i++) {
        values[i] = rows.getObject(i + 1);
      }
      read.add(Collections.unmodifiableList(Arrays.asList(values)));
    }
    return new QueryResult(List.copyOf(columns), Collections.unmodifiableList(read), read.size());
  }

  /**
   * The result as Ecto's {@code format_table} draws it: a header and a row per row between
   * {@code +---+} lines, numbers aligned right, everything else left, {@code NULL} for null; ""
   * when there are no columns. A row with fewer values than columns cuts every row to its
   * length, as Ecto's {@code Enum.zip} does.
   */
  public String formatTable() {
    if (columns == null || columns.isEmpty()) {
      return "";
    }
    List<List<?>> lines = new ArrayList<>();
    lines.add(columns);
    if (rows != null) {
      lines.addAll(rows);
    }
    int width = lines.stream().mapToInt(List::size).min().orElse(0);
    int[] widths = new int[width];
    for (List<?> line : lines) {
      for (int i = 0; i < width; i++) {
        widths[i] = Math.max(widths[i], length(text(line.get(i))));
      }
    }
    StringBuilder out = new StringBuilder();
    separator(out, widths);
    cells(out, columns, widths);
    separator(out, widths);
    for (List<?> line : lines.subList(1, lines.size())) {
      cells(out, line, widths);
    }
    separator(out, widths);
    return out.substring(0, out.length() - 1);
  }

  private static String text(Object value) {
    return value == null ? "NULL" : String.valueOf(value);
  }

  private static int length(String text) {
    return text.codePointCount(0, text.length());
  }

  private static void separator(StringBuilder out, int[] widths) {
    for (int width : widths) {
      out.append("+-").append("-".repeat(width)).append('-');
    }
    out.append("+\n");
  }

  private static void cells(StringBuilder out, List<?> values, int[] widths) {
    for (int i = 0; i < widths.length; i++) {
      Object value = values.get(i);
      String text = text(value);
      String padding = " ".repeat(widths[i] - length(text));
      out.append("| ").append(value instanceof Number ? padding + text : text + padding).append(' ');
    }
    out.append("|\n");
  }
}
