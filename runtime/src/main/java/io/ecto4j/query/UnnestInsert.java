package io.ecto4j.query;

import io.ecto4j.meta.Field;
import io.ecto4j.meta.Table;
import io.ecto4j.type.Types;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * An {@code insertAll} of structs as one array per column, unnested into rows by PostgreSQL:
 *
 * <pre>{@code
 * INSERT INTO "comments" AS c0 ("body", "post_id") SELECT u.c1, u.c2
 *   FROM unnest(?::text[], ?::bigint[]) WITH ORDINALITY AS u (c1, c2, n) ORDER BY u.n
 * }</pre>
 *
 * <p>Its text does not depend on the number of rows, only on the table, the columns, what is
 * returned, the prefix and the conflict clause, so it is kept by those
 * ({@link StatementCache.InsertShape}) and a call only fills its arrays; PostgreSQL parses and plans
 * one statement whatever the batch size, and there is no limit of 65,535 parameters. It is used
 * when every column's type has an array form ({@link UnnestColumn}) and every value has an element
 * in it, for two rows or more; otherwise the insert is the {@code VALUES} of {@link Statements}.
 *
 * <p>Each array is one parameter, and telemetry and logs show it as the list of the column's values
 * (a redacted field's as {@code **redacted**}).
 */
final class UnnestInsert {
  private UnnestInsert() {}

  /**
   * The insert in the unnest form, or null when it takes {@code VALUES}: for one row (a
   * {@code repo.insert} with conflict options comes here too, and one row gains nothing from
   * arrays), without columns, or when a column or a value has no array form.
   */
  static <S> Sql statement(Table<S> table, List<Field<S, ?>> columns, List<S> rows, OnConflict onConflict,
      List<Field<S, ?>> returning, String prefix, Function<String, Sql> again) {
    if (rows.size() < 2 || columns.isEmpty()) {
      return null;
    }
    Param<?>[] arrays = new Param<?>[columns.size()];
    for (int i = 0; i < arrays.length; i++) {
      arrays[i] = array(columns.get(i), rows);
      if (arrays[i] == null) {
        return null;
      }
    }
    StatementCache.InsertShape shape = StatementCache.InsertShape.of(table, columns, 0, returning, prefix, onConflict);
    String text = shape == null ? null : StatementCache.insertText(shape);
    if (text != null) {
      return new Sql(text, Arrays.asList(arrays), prefix, again);
    }
    List<String> header = new ArrayList<>(columns.size());
    List<UnnestColumn> forms = new ArrayList<>(columns.size());
    for (Field<S, ?> field : columns) {
      header.add(field.column());
      forms.add(UnnestColumn.of(field.type()));
    }
    SqlWriter w = SqlWriter.forStatement(prefix);
    WriteRenderer.insertUnnest(w, new Source.OfTable(table), table, header, forms, Arrays.asList(arrays), onConflict,
        Statements.returningFields(returning));
    Sql sql = w.build(again);
    if (shape != null) {
      StatementCache.keepInsert(shape, sql.text());
    }
    return sql;
  }

  /** The column's values of every row as one array parameter; null when the column or a value has no array form. */
  private static <S> Param<?> array(Field<S, ?> field, List<S> rows) {
    UnnestColumn form = UnnestColumn.of(field.type());
    Object array = form == null ? null : form.fill(rows.size(), i -> field.get(rows.get(i)));
    return array == null ? null : new Param<>(Types.ANY, array, new Shown<>(field, rows));
  }

  /** A column's values as telemetry shows them, read from the rows only when someone looks. */
  private static final class Shown<S> extends AbstractList<Object> {
    private final Field<S, ?> field;
    private final List<S> rows;

    Shown(Field<S, ?> field, List<S> rows) {
      this.field = field;
      this.rows = rows;
    }

    @Override
    public Object get(int index) {
      return field.shown(field.get(rows.get(index)));
    }

    @Override
    public int size() {
      return rows.size();
    }
  }
}
