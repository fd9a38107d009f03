package io.ecto4j.repo;

import java.sql.SQLException;

/**
 * The server did not answer within the client's socket timeout ({@code Repo.builder().socketTimeout}),
 * for example because its backend is frozen or the network dropped without a reset. The connection
 * is closed and never reused; a transaction on it did not commit. The statement may still be
 * running on the server until PostgreSQL notices: bound it there too with a statement timeout
 * shorter than the socket timeout.
 */
public final class ClientTimeoutException extends QueryException {
  ClientTimeoutException(String sql, SQLException cause) {
    super("timed out on the client: PostgreSQL did not answer within the socket timeout, so the"
        + " connection was closed (SQLSTATE " + cause.getSQLState() + ")", sql, cause);
  }
}
