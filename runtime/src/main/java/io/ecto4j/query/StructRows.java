package io.ecto4j.query;

import io.ecto4j.meta.Field;
import io.ecto4j.meta.Table;
import java.util.List;

/**
 * The structs of a schema a source's rows are, and the fields that are columns of them: all of a
 * table's (or a fragment's of a schema), or those of the struct selection of a subquery, CTE or
 * combination, which its outer query reads by column name. What Ecto's {@code struct(p, fields)}
 * and {@code map(p, fields)} may take from the source.
 */
record StructRows(Table<?> table, List<? extends Field<?, ?>> fields) {

  /** The struct rows of {@code source}; refused when its rows are not structs of a schema. */
  static StructRows of(Source source) {
    StructRows rows = ofOrNull(source);
    if (rows != null) {
      return rows;
    }
    if (source.derivedSelection() != null) {
      throw new IllegalArgumentException("it is not possible to select some fields of " + source.label()
          + ": its rows are not structs of a schema; select whole structs or selectFields(…) in it");
    }
    throw new IllegalArgumentException("selecting some fields of a struct needs a query of whole structs of a"
        + " schema; this query reads " + source.label());
  }

  private static StructRows ofOrNull(Source source) {
    if (source.structsOf() != null) {
      return new StructRows(source.structsOf(), source.structsOf().fields());
    }
    SelectClause<?> inner = source.derivedSelection();
    if (inner instanceof SelectClause.WholeRow<?> row) {
      return ofOrNull(row.source());
    }
    return inner instanceof SelectClause.Partial<?> partial ? new StructRows(partial.table(), partial.fields()) : null;
  }

  /** Each of {@code wanted} is a column of {@code source}: a subquery of some fields has those alone. */
  void requireColumns(Source source, List<? extends Field<?, ?>> wanted) {
    for (Field<?, ?> field : wanted) {
      if (!fields.contains(field)) {
        throw new IllegalArgumentException(field + " is not selected by " + source.label() + ", which reads "
            + fields.stream().map(Field::name).toList() + " of " + table.schemaName());
      }
    }
  }
}
