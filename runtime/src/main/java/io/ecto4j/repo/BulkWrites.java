package io.ecto4j.repo;

import io.ecto4j.internal.Internals;
import io.ecto4j.meta.Field;
import io.ecto4j.meta.Table;
import io.ecto4j.query.OnConflict;
import io.ecto4j.query.Query;
import io.ecto4j.query.RowReader;
import io.ecto4j.query.Sql;
import io.ecto4j.query.Expression;
import io.ecto4j.query.Update;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    return rows.isEmpty() ? 0 : executor.update(insertSql(table, rows, onConflict, null));
  }

  /** Inserts {@code rows}, already stamped, reading back what {@code options} return. */
  static <S> List<S> insertAllReturning(Executor executor, Table<S> table, List<S> rows, WriteOptions options) {
    if (rows.isEmpty()) {
      return List.of();
    }
    List<Field<S, ?>> returning = ReturnedFields.of(table, options);
    return LoadedStructs.written(executor.write(insertSql(table, rows, options.onConflict(), returning),
        ReturnedFields.reader(table, returning, table.newStruct())), executor.prefix());
  }

  private static <S> Sql insertSql(Table<S> table, List<S> rows, OnConflict onConflict, List<Field<S, ?>> returning) {
    Writability.insertableRows(table, rows);
    return Internals.query().insertAll(table, columns(table, rows), rows, onConflict, returning);
  }

  /**
   * Inserts rows of a table named by the caller, Ecto's {@code insert_all("table", rows)}; each
   * value is bound by its Java class ({@code RawParams.insertValue}), a {@link Query} is a scalar
   * subquery, and a column a row leaves out takes the database's default.
   */
  static long insertAll(Executor executor, String table, List<? extends Map<String, ?>> rows, WriteOptions options) {
    return rows.isEmpty() ? 0 : executor.update(rowsSql(table, rows, options, null));
  }

  static List<Map<String, Object>> insertAllReturning(Executor executor, String table,
      List<? extends Map<String, ?>> rows, WriteOptions options, List<String> returning) {
    requireReturning(returning);
    if (rows.isEmpty()) {
      return List.of();
    }
    return executor.write(rowsSql(table, rows, options, returning), columnsReader(returning));
  }

  private static void requireReturning(List<String> returning) {
    if (returning.isEmpty()) {
      throw new IllegalArgumentException("returning expects at least one column to be given, got an empty list");
    }
  }

  /** A returned row as a map of the {@code returning} columns, as the driver reads them. */
  private static RowReader<Map<String, Object>> columnsReader(List<String> returning) {
    return row -> {
      Map<String, Object> values = new LinkedHashMap<>();
      for (int i = 0; i < returning.size(); i++) {
        values.put(returning.get(i), row.getObject(i + 1));
      }
      return values;
    };
  }

  /**
   * Inserts the rows {@code source} selects, Ecto's {@code insert_all(Post, query)}: one
   * {@code INSERT … (SELECT …)}, the columns taken from the query's selection.
   */
  static <S> long insertAll(Executor executor, Table<S> table, Query<?> source, WriteOptions options) {
    return executor.update(Internals.query().insertSelect(table, fromQuery(source, options), options.onConflict(), null));
  }

  static <S> List<S> insertAllReturning(Executor executor, Table<S> table, Query<?> source, WriteOptions options) {
    List<Field<S, ?>> returning = ReturnedFields.of(table, options);
    return LoadedStructs.written(executor.write(Internals.query().insertSelect(table, fromQuery(source, options),
        options.onConflict(), returning), ReturnedFields.reader(table, returning, table.newStruct())), executor.prefix());
  }

  /** Inserts the rows {@code source} selects into a table named by the caller; its map keys are columns. */
  static long insertAll(Executor executor, String table, Query<?> source, WriteOptions options) {
    return executor.update(Internals.query().insertSelect(table, fromQuery(source, options), options.onConflict(), null));
  }

  static List<Map<String, Object>> insertAllReturning(Executor executor, String table, Query<?> source,
      WriteOptions options, List<String> returning) {
    requireReturning(returning);
    return executor.write(Internals.query().insertSelect(table, fromQuery(source, options), options.onConflict(),
        returning), columnsReader(returning));
  }

  /**
   * The source query, with the options that only rows take refused: the query gives every value,
   * so there is nothing to stamp or to fill in from a placeholder (Ecto ignores them here).
   */
  private static Query<?> fromQuery(Query<?> source, WriteOptions options) {
    if (source == null) {
      throw new IllegalArgumentException("expected a list of rows or a query, but got null as the source of insertAll");
    }
    if (options.stampsTimestamps()) {
      throw new IllegalArgumentException("the timestamps option applies to insertAll of rows, not of a query: the"
          + " query gives every inserted value, so select the timestamps in it; remove it from the WriteOptions");
    }
    if (!options.placeholders().isEmpty()) {
      throw new IllegalArgumentException("the placeholders option applies to insertAll of rows, not of a query:"
          + " bind values in the query instead; remove it from the WriteOptions");
    }
    return source;
  }

  private static Sql rowsSql(String table, List<? extends Map<String, ?>> rows, WriteOptions options,
      List<String> returning) {
    List<Map<String, Object>> typed = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      Map<String, ?> row = rows.get(i);
      if (row == null) {
        throw new IllegalArgumentException("insertAll into \"" + table + "\" was given a null row at index " + i);
      }
      Map<String, Object> values = new LinkedHashMap<>();
      row.forEach((column, value) -> values.put(column, RawParams.insertValue(value)));
      typed.add(values);
    }
    Map<String, Expression<?>> placeholders = new LinkedHashMap<>();
    options.placeholders().forEach((key, value) -> {
      if (!(RawParams.insertValue(value) instanceof Expression<?> bound)) {
        throw new IllegalArgumentException("placeholder \"" + key + "\" is " + value + "; a placeholder is a value");
      }
      placeholders.put(key, bound);
    });
    return Internals.query().insertRows(table, typed, placeholders, options.onConflict(), returning);
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
      return table.insertableFields();
    }
    throw new IllegalArgumentException("insertAll of " + table.schemaName() + ": " + withKey + " of " + rows.size()
        + " rows carry their " + key.name() + " and the others do not; one statement inserts the same columns"
        + " for every row, so insert them in two calls");
  }
}
