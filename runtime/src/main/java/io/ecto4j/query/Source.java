package io.ecto4j.query;

import io.ecto4j.meta.Field;
import io.ecto4j.meta.Table;
import io.ecto4j.type.FieldType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a query reads from, Ecto's {@code from} clause, and what a join brings in: a schema's
 * table, a table named without a schema, a subquery, a CTE, a combination of queries
 * ({@code union} and friends), a fragment, or a values list.
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

  /**
   * The schema whose whole structs this source's rows are, read field by field (a table, or a
   * fragment mapped to a schema); null when its rows are derived or have no schema.
   */
  default Table<?> structsOf() {
    return null;
  }

  /**
   * The selection whose rows this source's rows are, for a subquery, a CTE or a combination (its
   * first query's); null for a table, a fragment or a values list, whose rows are their columns.
   */
  default SelectClause<?> derivedSelection() {
    return null;
  }

  /**
   * The column of this source that holds {@code field} of its schema: the field's own column for a
   * table; for a subquery, CTE or combination, the column its selection puts the field in.
   */
  default String columnOf(Field<?, ?> field) {
    SqlWriter.requirePersisted(field);
    return field.column();
  }

  /** The typed columns a values list or a fragment declares, in order; null when it declares none. */
  default Map<String, FieldType<?>> declaredColumns() {
    return null;
  }

  /**
   * {@code source AS alias}, and what PostgreSQL reads after the alias: a values list's column
   * names, a table's hints. The one place a FROM or JOIN item is written.
   */
  default void renderAs(SqlWriter writer, String alias) {
    render(writer);
    writer.append(" AS ").append(alias);
  }

  /** This table with {@code hints} after its alias, Ecto's {@code hints:}; only a table takes them. */
  default Source withHints(List<Fragment<?>> hints) {
    throw new IllegalArgumentException("table hints apply to a table, and " + label() + " is not one");
  }

  /** This table in the schema {@code prefix} of its own, Ecto's {@code prefix:} on from or join. */
  default Source withPrefix(String prefix) {
    throw new IllegalArgumentException("a prefix of its own applies to a table, and " + label() + " is not one;"
        + " a subquery takes its prefix with query.prefix(…)");
  }

  /**
   * How a table, with or without schema, is written in FROM or JOIN: {@code table AS alias}, then its
   * hints, each after a space ({@code  TABLESAMPLE system_rows(1)}).
   */
  private static void renderTableAs(Source table, SqlWriter writer, String alias, List<Fragment<?>> hints) {
    table.render(writer);
    writer.append(" AS ").append(alias);
    for (Fragment<?> hint : hints) {
      writer.append(' ');
      hint.render(writer);
    }
  }

  /** {@code hints} with {@code more} after them. */
  private static List<Fragment<?>> appended(List<Fragment<?>> hints, List<Fragment<?>> more) {
    List<Fragment<?>> all = new ArrayList<>(hints);
    all.addAll(more);
    return List.copyOf(all);
  }

  /**
   * A schema's table: {@code "posts"}, or {@code "tenant_a"."posts"} with a prefix, the table's own
   * ({@code prefix}, else null) winning over the schema's, the query's and the repo's. {@code name}
   * is the table read, the schema's own unless the query names another, Ecto's
   * {@code {"other_posts", Post}}: the schema's columns in a table of the same shape.
   */
  record OfTable(Table<?> table, String name, String prefix, List<Fragment<?>> hints) implements Source {
    OfTable(Table<?> table) {
      this(table, table.name(), null, List.of());
    }

    /** Refuses a blank table name: the schema's rows must come from a table ({@link Query#from(String, Table)}). */
    public OfTable {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("a source of " + table.schemaName() + " needs a table name, as in"
            + " Query.from(\"other_posts\", Posts.SCHEMA); got " + (name == null ? "null" : "\"" + name + "\""));
      }
    }

    /** Whether the rows come from another table than the schema's own, Ecto's custom source. */
    boolean custom() {
      return !isOwn(table, name);
    }

    /**
     * Whether {@code name} (a query's source, a struct's {@code meta().source()}) is {@code table}'s
     * own table, whose statements are the compiled and cached ones, rather than a custom source.
     */
    static boolean isOwn(Table<?> table, String name) {
      return name.equals(table.name());
    }

    @Override
    public String hint() {
      return name;
    }

    @Override
    public void render(SqlWriter writer) {
      writer.table(table, name, prefix);
    }

    @Override
    public void renderAs(SqlWriter writer, String alias) {
      renderTableAs(this, writer, alias, hints);
    }

    @Override
    public Source withHints(List<Fragment<?>> more) {
      return new OfTable(table, name, prefix, appended(hints, more));
    }

    @Override
    public Source withPrefix(String own) {
      return new OfTable(table, name, own, hints);
    }

    @Override
    public Table<?> structsOf() {
      return table;
    }

    /** {@code "posts"}; a custom source as Ecto inspects it, {@code {"other_posts", Post}}. */
    @Override
    public String label() {
      return custom() ? "{\"" + name + "\", " + table.schemaName() + "}" : "\"" + name + "\"";
    }

    @Override
    public SelectClause<?> wholeRow() {
      return SelectClause.WholeRow.ofTable(this, table);
    }
  }

  /** A table named without a schema, Ecto's {@code from p in "posts"}: select is required. */
  record Named(String name, String prefix, List<Fragment<?>> hints) implements Source {
    Named(String name) {
      this(name, null, List.of());
    }

    public Named {
      SqlWriter.quote(name);
    }

    @Override
    public void renderAs(SqlWriter writer, String alias) {
      renderTableAs(this, writer, alias, hints);
    }

    @Override
    public Source withHints(List<Fragment<?>> more) {
      return new Named(name, prefix, appended(hints, more));
    }

    @Override
    public Source withPrefix(String own) {
      return new Named(name, own, hints);
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
      writer.table(name, prefix);
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
    /** Ecto's "cannot preload in subquery": a subquery's rows are columns of its parent, never loaded structs. */
    public Subquery {
      if (!query.clauses.preloads().isEmpty() || query.clauses.select() instanceof SelectClause.JoinPreloaded<?>) {
        throw new IllegalArgumentException("cannot preload in a subquery: " + query + "; preload on the outer"
            + " query (Query.from(subquery).preload(…)) or with repo.preload on its rows");
      }
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
    public String columnOf(Field<?, ?> field) {
      return DerivedColumns.columnOf(query.selection(), field, this);
    }

    @Override
    public void render(SqlWriter writer) {
      writer.append('(');
      QueryRenderer.subquery(writer, query);
      writer.append(')');
    }

    @Override
    public String label() {
      return "subquery(" + query + ")";
    }

    @Override
    public SelectClause<?> wholeRow() {
      return SelectClause.WholeRow.ofDerived(this, query.requireSelection());
    }

    @Override
    public SelectClause<?> derivedSelection() {
      return query.selection();
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
    public String columnOf(Field<?, ?> field) {
      return DerivedColumns.columnOf(cte.selection(), field, this);
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

    @Override
    public SelectClause<?> derivedSelection() {
      return cte.selection();
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
    public String columnOf(Field<?, ?> field) {
      return DerivedColumns.columnOf(first.selection(), field, this);
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

    @Override
    public SelectClause<?> derivedSelection() {
      return first.selection();
    }
  }

  /**
   * A fragment as a source, Ecto's {@code from f in fragment(…)}: rows of a schema's structs
   * ({@code {fragment(…), Schema}}, {@code table} not null), of declared columns ({@code columns}
   * not null, Ecto's {@code columns:}), or of columns the caller names in a select.
   */
  record OfFragment(Fragment<?> fragment, Table<?> table, Map<String, FieldType<?>> columns) implements Source {
    @Override
    public String hint() {
      return "fragment";
    }

    @Override
    public void render(SqlWriter writer) {
      fragment.render(writer);
    }

    @Override
    public Table<?> structsOf() {
      return table;
    }

    @Override
    public Map<String, FieldType<?>> declaredColumns() {
      return columns;
    }

    @Override
    public String label() {
      return fragment.toString();
    }

    @Override
    public SelectClause<?> wholeRow() {
      if (table != null) {
        return SelectClause.WholeRow.ofTable(this, table);
      }
      return columns == null ? null : SelectClause.WholeRow.ofColumns(this, columns);
    }
  }

  /**
   * A values list, Ecto's {@code values/2}: {@code (VALUES (?::bigint,?::text),(…)) AS v0 ("id","text")},
   * each row a map of its columns.
   */
  record OfValues(Values values) implements Source {
    @Override
    public Table<?> table() {
      return null;
    }

    @Override
    public String hint() {
      return "values";
    }

    @Override
    public void render(SqlWriter writer) {
      values.render(writer);
    }

    @Override
    public void renderAs(SqlWriter writer, String alias) {
      render(writer);
      writer.append(" AS ").append(alias).append(" (");
      String separator = "";
      for (String column : values.columns().keySet()) { // no space after the comma, as ecto_sql writes it
        writer.append(separator).identifier(column);
        separator = ",";
      }
      writer.append(')');
    }

    @Override
    public Map<String, FieldType<?>> declaredColumns() {
      return values.columns();
    }

    @Override
    public String label() {
      return values.toString();
    }

    @Override
    public SelectClause<?> wholeRow() {
      return SelectClause.WholeRow.ofColumns(this, values.columns());
    }
  }
}
