package io.ecto4j.repo;

import java.sql.SQLException;

/**
 * No connection could be had for a statement: the server refused or did not answer the connection
 * (it is down, restarting, or unreachable), or every pooled connection stayed busy for the
 * checkout timeout. Nothing was sent, so nothing happened: the work may simply be tried again.
 */
public final class NoConnectionException extends QueryException {
  NoConnectionException(String sql, SQLException cause) {
    super("no connection could be had, so nothing was sent: " + cause.getMessage() + " (SQLSTATE "
        + cause.getSQLState() + ")", sql, cause);
  }
}
