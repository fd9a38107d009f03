package io.ecto4j.repo;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done on a borrowed connection. */
@FunctionalInterface
interface SqlFunction<R> {
  R apply(Connection connection) throws SQLException;
}
