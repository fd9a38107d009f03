package io.ecto4j.query;

import io.ecto4j.meta.Field;
import io.ecto4j.meta.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns of Ecto's {@code insert_all(Post, query)}, {@code INSERT INTO t (columns) (SELECT …)}:
 * read from the source query's selection, as Ecto's {@code insert_all} reads its fields list, so
 * the n-th column receives the n-th selected value.
 */
final class InsertSelect {
  private InsertSelect() {}

  /**
   * The columns {@code query} gives, checked against {@code target} (null for a table named by the
   * caller, whose map keys are its column names): whole structs give their schema's columns,
   * {@code selectFields}/{@code selectMap} the fields chosen, a map select its keys (field names of
   * the target schema).
   */
  static List<String> header(Table<?> target, Query<?> query) {
    SelectClause<?> selection = query.clauses.select();
    List<String> columns;
    if (selection instanceof SelectClause.WholeRow<?> row) {
      columns = wholeRow(row.source(), row.merges(), query);
    } else if (selection instanceof SelectClause.Partial<?> partial) {
      columns = columnsOf(partial.fields());
    } else if (selection instanceof SelectClause.Items<?> items) {
      columns = items(target, items, query);
    } else {
      throw unusable(query); // none (a table without schema needs a select), or join-preloads
    }
    if (target != null) {
      columns.forEach(column -> requireColumn(target, column, query));
    }
    return columns;
  }

  private static List<String> wholeRow(Source source, List<SelectClause.Merge<?, ?>> merges, Query<?> query) {
    if (!(source instanceof Source.OfTable t)) {
      throw unusable(query);
    }
    for (SelectClause.Merge<?, ?> merge : merges) {
      if (!merge.field().isPersisted()) {
        throw new IllegalArgumentException("cannot select virtual field `" + merge.field().name()
            + "` for insertAll: it has no column; in query:\n\n" + query);
      }
    }
    return columnsOf(t.table().fields());
  }

  private static List<String> items(Table<?> target, SelectClause.Items<?> items, Query<?> query) {
    if (items.names() == null) {
      if (items.items().size() == 1 && items.items().get(0) instanceof Alias<?> alias
          && alias.source() instanceof Source.OfTable t) {
        return columnsOf(t.table().fields());
      }
      throw unusable(query);
    }
    List<String> columns = new ArrayList<>();
    for (int i = 0; i < items.names().size(); i++) {
      Selectable<?> item = items.items().get(i);
      if (item instanceof Alias<?> || Rows.width(item) != 1) { // a struct or a nested map is several columns
        throw unusable(query);
      }
      String name = items.names().get(i);
      columns.add(target == null ? name : fieldNamed(target, name, query).column());
    }
    return columns;
  }

  private static List<String> columnsOf(List<? extends Field<?, ?>> fields) {
    List<String> columns = new ArrayList<>(fields.size());
    fields.forEach(field -> columns.add(field.column()));
    return columns;
  }

  private static Field<?, ?> fieldNamed(Table<?> target, String name, Query<?> query) {
    for (Field<?, ?> field : target.fields()) {
      if (field.name().equals(name)) {
        return field;
      }
    }
    throw new IllegalArgumentException("cannot insert `" + name + "` into " + target.schemaName()
        + ": it is not one of its fields " + namesOf(target) + "; in query:\n\n" + query);
  }

  private static void requireColumn(Table<?> target, String column, Query<?> query) {
    Field<?, ?> field = target.fields().stream().filter(f -> f.column().equals(column)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("cannot insert column `" + column + "` into "
            + target.schemaName() + ": it is not one of its fields " + namesOf(target) + "; in query:\n\n" + query));
    if (!field.isInsertable()) {
      throw new IllegalArgumentException("cannot select unwritable field `" + field.name() + "` for insertAll: "
          + field + " is declared writable = NEVER; select the other fields (selectFields, selectMap); in query:\n\n"
          + query);
    }
  }

  private static List<String> namesOf(Table<?> target) {
    return target.fields().stream().map(Field::name).toList();
  }

  /** Ecto's message, with the select forms ecto4j has. */
  private static IllegalArgumentException unusable(Query<?> query) {
    return new IllegalArgumentException("cannot generate a fields list for insertAll from the given source query:\n\n"
        + query + "\n\nThe select clause must be one of the following:\n\n"
        + "  * the query's own whole structs (a query of a schema with no select, or with selectMerge(field, value))\n"
        + "  * select(alias) of one joined schema\n"
        + "  * selectFields(…) or selectMap(…) of the query's schema\n"
        + "  * a map, select(Map.of(\"field\", value, …)), possibly with selectMerge(\"field\", value)");
  }
}
