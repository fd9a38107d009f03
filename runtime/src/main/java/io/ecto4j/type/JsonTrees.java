package io.ecto4j.type;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Any JSON value in a {@code jsonb} column, object or array, as nested maps, lists, strings, numbers
 * and booleans: the wire of embedded schemas, whose companions turn structs into such trees and back.
 * Written and checked as {@link Types#JSON_MAP} writes its maps (an unpaired surrogate anywhere is
 * refused before the statement is sent).
 *
 * <pre>{@code
 * JsonTrees.bind(statement, 1, List.of(Map.of("sku", "A-1")));
 * Object items = JsonTrees.read(row, 1);   // [{sku=A-1}]
 * }</pre>
 */
public final class JsonTrees {
  private JsonTrees() {}

  /** Binds {@code tree} (null for SQL {@code NULL}) as {@code jsonb} parameter {@code index}. */
  public static void bind(PreparedStatement statement, int index, Object tree) throws SQLException {
    statement.setObject(index, tree == null ? null : JsonType.checked(JsonType.write(tree), tree, index),
        java.sql.Types.OTHER);
  }

  /** Reads column {@code index} as a JSON tree; null for SQL {@code NULL}. */
  public static Object read(ResultSet row, int index) throws SQLException {
    String json = row.getString(index);
    if (json == null) {
      return null;
    }
    try {
      return JsonType.MAPPER.readValue(json, Object.class);
    } catch (JsonProcessingException e) {
      throw new SQLException("column " + index + " does not hold JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** {@code tree} as JSON text, e.g. for a DDL default. */
  public static String write(Object tree) {
    return JsonType.write(tree);
  }
}
