package io.ecto4j.repo;

import io.ecto4j.internal.Internals;
import io.ecto4j.meta.Field;
import io.ecto4j.meta.Table;
import io.ecto4j.query.OnConflict;
import io.ecto4j.query.Query;
import io.ecto4j.query.Sql;
import io.ecto4j.query.Update;
import java.util.List;

/**
 * Ecto's {@code update_all}, {@code delete_all} and {@code insert_all}: one statement each for
 * many rows, run through the {@link Executor}, returning the count or the rows.
 */
final class BulkWrites {
  private BulkWrites() {}

  static long updateAll(Executor executor, Query<?> query, List<Update> updates) {
    return executor.update(Internals.query().updateAll(query, updates, false));
  }

  static <T> List<T> updateAllReturning(Executor executor, Query<T> query, List<Update> updates) {
    return executor.write(Internals.query().updateAll(query, updates, true), Internals.query().reader(query));
  }

  static long deleteAll(Executor executor, Query<?> query) {
    return executor.update(Internals.query().deleteAll(query, false));
  }

  static <T> List<T> deleteAllReturning(Executor executor, Query<T> query) {
    return executor.write(Internals.query().deleteAll(query, true), Internals.query().reader(query));
  }

  /** Inserts {@code rows}, already stamped; an empty list runs no statement. */
  static <S> long insertAll(Executor executor, Table<S> table, List<S> rows, OnConflict onConflict) {
    return rows.isEmpty() ? 0 : executor.update(insertSql(table, rows, onConflict, false));
  }

  static <S> List<S> insertAllReturning(Executor executor, Table<S> table, List<S> rows, OnConflict onConflict) {
    if (rows.isEmpty()) {
      return List.of();
    }
    return executor.write(insertSql(table, rows, onConflict, true), row -> table.fromRow(row, 0));
  }

  private static <S> Sql insertSql(Table<S> table, List<S> rows, OnConflict onConflict, boolean returning) {
    return Internals.query().insertAll(table, columns(table, rows), rows, onConflict, returning);
  }

  /**
   * The insert fields, plus a database-generated key when every row carries one (as
   * {@code repo.insert} does for one row); a mix of rows with and without keys is refused, since one
   * statement inserts one set of columns.
   */
  private static <S> List<Field<S, ?>> columns(Table<S> table, List<S> rows) {
    if (!table.primaryKeyGeneratedByDatabase()) {
      return table.insertFields();
    }
    Field<S, ?> key = table.primaryKey().orElseThrow();
    long withKey = rows.stream().filter(row -> key.get(row) != null).count();
    if (withKey == 0) {
      return table.insertFields();
    }
    if (withKey == rows.size()) {
      return table.fields();
    }
    throw new IllegalArgumentException("insertAll of " + table.schemaName() + ": " + withKey + " of " + rows.size()
        + " rows carry their " + key.name() + " and the others do not; one statement inserts the same columns"
        + " for every row, so insert them in two calls");
  }
}
