package io.ecto4j.query;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * What one {@code ?} of a statement binds: a {@link Param}, or a node that holds its one value
 * itself (a comparison with a value, {@code Posts.AUTHOR_ID.eq(id)}), so that building a condition
 * does not also build a separate parameter object for it.
 */
interface BoundValue {
  /** The value bound. */
  Object value();

  /** The value as logs and telemetry show it: masked when it is written to a redacted field. */
  Object shown();

  void bind(PreparedStatement statement, int index) throws SQLException;
}
