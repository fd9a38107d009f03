package io.ecto4j.query;

import io.ecto4j.meta.Field;
import io.ecto4j.meta.Table;
import io.ecto4j.type.FieldType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/** Selecting and reading whole rows and single values, by column position. */
final class Rows {
  private Rows() {}

  /**
   * The table whole (or partly selected) structs of {@code selection} are read from when it is not
   * their schema's own, Ecto's custom source ({@code {"other_posts", Post}}), which the repo records
   * in their meta so that writes and reloads go back there; through a subquery, its own. Null for
   * any other selection.
   */
  static String customSource(SelectClause<?> selection) {
    SelectClause<?> structs = selection instanceof SelectClause.JoinPreloaded<?> preloaded
        ? preloaded.base() : selection;
    Source read = structs instanceof SelectClause.WholeRow<?> row ? row.source()
        : structs instanceof SelectClause.Partial<?> partial ? partial.source() : null;
    if (read instanceof Source.Subquery subquery) {
      return customSource(subquery.query().selection());
    }
    return read instanceof Source.OfTable table && table.custom() ? table.name() : null;
  }

  /**
   * {@code p0."id", p0."title", …} of a schema's structs, {@code v0."a", v0."b"} of declared
   * columns, or {@code s0.*} of a derived source.
   */
  static void whole(SqlWriter w, String alias, Source source, List<SelectClause.Merge<?, ?>> merges) {
    if (source.structsOf() == null) {
      Map<String, FieldType<?>> columns = source.declaredColumns();
      if (columns == null) {
        w.append(alias).append(".*");
      } else {
        w.list(List.copyOf(columns.keySet()), (writer, column) -> writer.column(alias, column));
      }
      return;
    }
    List<? extends Field<?, ?>> fields = source.structsOf().fields();
    for (int i = 0; i < fields.size(); i++) {
      Field<?, ?> field = fields.get(i);
      w.append(i == 0 ? "" : ", ");
      SelectClause.Merge<?, ?> merge = mergeOf(merges, field);
      if (merge == null && !field.isLoadedInQuery()) {
        w.append("NULL AS ").identifier(field.column()); // Ecto's load_in_query: false; the reader puts the default
      } else if (merge == null) {
        w.column(alias, field.column());
      } else {
        w.expression(merge.value()).append(" AS ").identifier(merge.label());
      }
    }
    for (SelectClause.Merge<?, ?> merge : merges) {
      if (!merge.field().isPersisted()) {
        w.append(", ").expression(merge.value()).append(" AS ").identifier(merge.label());
      }
    }
  }

  private static SelectClause.Merge<?, ?> mergeOf(List<SelectClause.Merge<?, ?>> merges, Field<?, ?> field) {
    for (SelectClause.Merge<?, ?> merge : merges) {
      if (merge.field() == field) {
        return merge;
      }
    }
    return null;
  }

  static SelectClause.Reader<?> reader(Selectable<?> item) {
    if (item instanceof Alias<?> alias) {
      return alias.rowReader();
    }
    if (item instanceof UpdatedStruct<?> updated) {
      return updated.reader();
    }
    if (item instanceof NestedMap nested) {
      return nested.entries().reader();
    }
    FieldType<?> type = expression(item).type();
    return (row, offset) -> type.read(row, offset + 1);
  }

  /**
   * Whether each of {@code items} is a value of one column, read by its type: an expression, or one
   * named with {@code selectedAs}; not a struct or a nested map.
   */
  static boolean oneColumnEach(List<Selectable<?>> items) {
    for (int i = 0; i < items.size(); i++) {
      if (!(items.get(i) instanceof Expression<?> || items.get(i) instanceof SelectedAs<?>)) {
        return false;
      }
    }
    return true;
  }

  static int width(Selectable<?> item) {
    if (item instanceof Alias<?> alias) {
      return alias.width();
    }
    if (item instanceof UpdatedStruct<?> updated) {
      return updated.width();
    }
    return item instanceof NestedMap nested ? nested.entries().width() : 1;
  }

  /** The columns of a selected item that spans its own: an alias's struct, an updated struct, a nested map. */
  static void columns(SqlWriter writer, Selectable<?> item) {
    if (item instanceof Alias<?> alias) {
      whole(writer, alias.bindingIn(writer).alias(), alias.source(), List.of());
    } else if (item instanceof UpdatedStruct<?> updated) {
      updated.render(writer);
    } else if (item instanceof NestedMap nested) {
      nested.entries().render(writer);
    } else {
      writer.expression(expression(item));
    }
  }

  static Expression<?> expression(Selectable<?> item) {
    if (item instanceof Expression<?> expression) {
      return expression;
    }
    if (item instanceof SelectedAs<?> selected) {
      return selected.expression();
    }
    throw new IllegalArgumentException("cannot select " + item + ": select expressions or aliases");
  }

  /**
   * The struct of a joined table, or null when a left join found no row for it (its primary key,
   * or every column without one, is NULL), as Ecto gives nil.
   */
  static <S> SelectClause.Reader<S> nullableStruct(Table<S> table) {
    return nullableStruct(table, (row, offset) -> table.fromQueryRow(row, offset));
  }

  /** {@code reader} of a struct of {@code table}, as {@link #nullableStruct(Table)} for a left join. */
  static <S> SelectClause.Reader<S> nullableStruct(Table<S> table, SelectClause.Reader<S> reader) {
    List<Field<S, ?>> fields = table.fields();
    // every part of a key is NOT NULL in its table, so the first part tells a missing row as well
    Optional<Field<S, ?>> key = table.primaryKeys().stream().findFirst();
    int keyIndex = key.map(fields::indexOf).orElse(-1);
    return (row, offset) -> absent(row, offset, fields.size(), keyIndex) ? null : reader.read(row, offset);
  }

  /**
   * The value of a joined subquery, CTE or combination, or null when a left join found no row for
   * it (every column NULL), as Ecto gives nil for a missing subquery source.
   */
  static <S> SelectClause.Reader<S> nullWhenAbsent(SelectClause.Reader<S> reader, int width) {
    return (row, offset) -> absent(row, offset, width, -1) ? null : reader.read(row, offset);
  }

  private static boolean absent(ResultSet row, int offset, int width, int keyIndex) throws SQLException {
    if (keyIndex >= 0) {
      return row.getObject(offset + keyIndex + 1) == null;
    }
    for (int i = 1; i <= width; i++) {
      if (row.getObject(offset + i) != null) {
        return false;
      }
    }
    return true;
  }

  static String joined(List<?> items) {
    StringJoiner text = new StringJoiner(", ");
    for (Object item : items) {
      text.add(String.valueOf(item));
    }
    return text.toString();
  }
}
