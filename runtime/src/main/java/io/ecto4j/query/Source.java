package io.ecto4j.query;

import io.ecto4j.meta.Table;
import java.util.List;

/**
 * What a query reads from, Ecto's {@code from} clause, and what a join brings in: a schema's
 * table, a table named without a schema, a subquery, a CTE, or a combination of queries
 * ({@code union} and friends).
 */
sealed interface Source {

  /** The schema whose fields resolve to this source's columns, or null. */
  Table<?> table();

  /** The first letter of the source's SQL alias. */
  String hint();

  /** The FROM item, without its alias. */
  void render(SqlWriter writer);

  /** How {@code toString()} names the source. */
  String label();

  /** The default selection: the whole row; null when the caller must select (no schema). */
  SelectClause<?> wholeRow();

  /** A schema's table: {@code "posts"}, or {@code "tenant_a"."posts"} with a prefix. */
  record OfTable(Table<?> table) implements Source {
    @Override
    public String hint() {
      return table.name();
    }

    @Override
    public void render(SqlWriter writer) {
      writer.table(table);
    }

    @Override
    public String label() {
      return "\"" + table.name() + "\"";
    }

    @Override
    public SelectClause<?> wholeRow() {
      return SelectClause.WholeRow.ofTable(this, table);
    }
  }

  /** A table named without a schema, Ecto's {@code from p in "posts"}: select is required. */
  record Named(String name) implements Source {
    public Named {
      SqlWriter.quote(name);
    }

    @Override
    public Table<?> table() {
      return null;
    }

    @Override
    public String hint() {
      return name;
    }

    @Override
    public void render(SqlWriter writer) {
      writer.table(name);
    }

    @Override
    public String label() {
      return "\"" + name + "\"";
    }

    @Override
    public SelectClause<?> wholeRow() {
      return null;
    }
  }

  /** {@code (SELECT …)}: its columns are the subquery's selection, named as it names them. */
  record Subquery(Query<?> query) implements Source {
    public Subquery {
      if (query.selection() instanceof SelectClause.Items<?> items) {
        items.requireDistinctColumns("a subquery");
      }
    }

    @Override
    public Table<?> table() {
      return query.exposedTable();
    }

    @Override
    public String hint() {
      return "s";
    }

    @Override
    public void render(SqlWriter writer) {
      writer.append('(');
      QueryRenderer.select(writer, query);
      writer.append(')');
    }

    @Override
    public String label() {
      return "subquery(" + query + ")";
    }

    @Override
    public SelectClause<?> wholeRow() {
      return SelectClause.WholeRow.ofDerived(this, query.selection());
    }
  }

  /** A common table expression by name; its definition is in the query's WITH. */
  record CteRef(Cte<?> cte) implements Source {
    @Override
    public Table<?> table() {
      return cte.table();
    }

    @Override
    public String hint() {
      return cte.name();
    }

    @Override
    public void render(SqlWriter writer) {
      writer.identifier(cte.name());
    }

    @Override
    public String label() {
      return "\"" + cte.name() + "\"";
    }

    @Override
    public SelectClause<?> wholeRow() {
      // a CTE of SQL text has no row shape: select its columns, as for a table without schema
      return cte.selection() == null ? null : SelectClause.WholeRow.ofDerived(this, cte.selection());
    }
  }

  /** {@code (SELECT …) UNION (SELECT …) …}: each operand keeps its own order and limit. */
  record Combination(Query<?> first, List<Part> rest) implements Source {
    /** One more operand and the operator joining it. */
    record Part(String operator, Query<?> query) {}

    public Combination {
      rest = List.copyOf(rest);
    }

    Combination with(String operator, Query<?> query) {
      List<Part> parts = new java.util.ArrayList<>(rest);
      parts.add(new Part(operator, query));
      return new Combination(first, parts);
    }

    @Override
    public Table<?> table() {
      return first.exposedTable();
    }

    @Override
    public String hint() {
      return "s";
    }

    @Override
    public void render(SqlWriter writer) {
      writer.append('(');
      renderBare(writer);
      writer.append(')');
    }

    /** The combination itself, as a statement or a subquery body. */
    void renderBare(SqlWriter writer) {
      writer.append('(');
      QueryRenderer.select(writer, first);
      writer.append(')');
      for (Part part : rest) {
        writer.append(' ').append(part.operator()).append(" (");
        QueryRenderer.select(writer, part.query());
        writer.append(')');
      }
    }

    @Override
    public String label() {
      StringBuilder text = new StringBuilder(first.toString());
      for (Part part : rest) {
        text.append(' ').append(part.operator().toLowerCase().replace(' ', '_')).append(' ').append(part.query());
      }
      return "(" + text + ")";
    }

    @Override
    public SelectClause<?> wholeRow() {
      return SelectClause.WholeRow.ofDerived(this, first.selection());
    }
  }
}
