package io.ecto4j.query;

import io.ecto4j.meta.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * Which column of a subquery, CTE or combination holds a field of its schema, Ecto's subquery
 * fields: the outer query names {@code Posts.TITLE} and reads the column the inner selection put
 * it in. Whole structs keep their columns' names (a {@code selectMerge} value takes the field's
 * column, or its {@code selectedAs} name, a merged virtual field included); a map selection names
 * its columns by its keys, so the field is the key of its name (or of its column's name); some
 * fields of a struct are their columns. A field the selection does not hold is refused, naming it.
 */
final class DerivedColumns {
  private DerivedColumns() {}

  static String columnOf(SelectClause<?> selection, Field<?, ?> field, Source source) {
    if (selection instanceof SelectClause.WholeRow<?> row) {
      return ofWholeRow(row, field);
    }
    if (selection instanceof SelectClause.JoinPreloaded<?> preloaded) {
      return columnOf(preloaded.base(), field, source);
    }
    if (selection instanceof SelectClause.Partial<?> partial) {
      if (partial.fields().contains(field)) {
        return field.column();
      }
      throw missing(field, source, columnsOf(partial));
    }
    if (selection instanceof SelectClause.Items<?> items && items.names() != null) {
      return among(columnsOf(items), field, source);
    }
    // no selection yet, or unnamed values (a tuple): PostgreSQL names those columns itself
    SqlWriter.requirePersisted(field);
    return field.column();
  }

  private static String ofWholeRow(SelectClause.WholeRow<?> row, Field<?, ?> field) {
    for (SelectClause.Merge<?, ?> merge : row.merges()) {
      if (merge.field() == field) {
        return merge.label();
      }
    }
    return row.source().columnOf(field); // a table's column, or, a level down, a subquery's
  }

  /** The field's name if a column has it, else its column's name if a column has that, else refused. */
  private static String among(List<String> columns, Field<?, ?> field, Source source) {
    if (columns.contains(field.name())) {
      return field.name();
    }
    if (field.isPersisted() && columns.contains(field.column())) {
      return field.column();
    }
    throw missing(field, source, columns);
  }

  /** Ecto's "field `x` does not exist in subquery", with the columns it has. */
  private static IllegalArgumentException missing(Field<?, ?> field, Source source, List<String> columns) {
    return new IllegalArgumentException("field `" + field.name() + "` does not exist in " + source.label()
        + "; its columns are " + columns + ": select " + field + " in it, or read one of those");
  }

  private static List<String> columnsOf(SelectClause.Partial<?> partial) {
    List<String> columns = new ArrayList<>();
    partial.fields().forEach(field -> columns.add(field.column()));
    return columns;
  }

  /** A map selection's column names: its keys, or the name {@code selectedAs} gives a value. */
  private static List<String> columnsOf(SelectClause.Items<?> items) {
    List<String> columns = new ArrayList<>();
    for (int i = 0; i < items.items().size(); i++) {
      columns.add(items.items().get(i) instanceof SelectedAs<?> selected ? selected.name() : items.names().get(i));
    }
    return columns;
  }
}
