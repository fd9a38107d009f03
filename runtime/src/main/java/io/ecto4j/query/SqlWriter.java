package io.ecto4j.query;

import io.ecto4j.meta.Field;
import io.ecto4j.meta.Table;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the expression tree to SQL text and its parameters. Identifiers come only from compiled
 * schemas and are always quoted; values only ever become {@code ?} parameters.
 */
final class SqlWriter {
  private final StringBuilder sql = new StringBuilder();
  private final List<Param<?>> params = new ArrayList<>();
  private final Map<Table<?>, String> aliases = new IdentityHashMap<>();
  private final boolean inspecting;

  private SqlWriter(boolean inspecting) {
    this.inspecting = inspecting;
  }

  static SqlWriter forQuery() {
    return new SqlWriter(false);
  }

  /** A readable, non-executable rendering for {@code toString()}: fields by name, values inline. */
  static String inspect(Nodes.Node node) {
    SqlWriter writer = new SqlWriter(true);
    writer.node(node);
    return writer.sql.toString();
  }

  /** Brings {@code table} into scope under a short alias, as Ecto's {@code p0}. */
  String alias(Table<?> table) {
    return aliases.computeIfAbsent(table, t -> Character.toLowerCase(t.name().charAt(0)) + String.valueOf(aliases.size()));
  }

  SqlWriter append(String text) {
    sql.append(text);
    return this;
  }

  static String quote(String identifier) {
    return '"' + identifier + '"';
  }

  SqlWriter param(Param<?> param) {
    if (inspecting) {
      sql.append(param);
    } else {
      params.add(param);
      sql.append('?');
    }
    return this;
  }

  SqlWriter expression(Expression<?> expression) {
    if (expression instanceof Param<?> param) {
      return param(param);
    }
    if (expression instanceof Field<?, ?> field) {
      return field(field);
    }
    throw new IllegalArgumentException("cannot render expression " + expression);
  }

  private SqlWriter field(Field<?, ?> field) {
    if (inspecting) {
      return append(field.toString());
    }
    if (!field.isPersisted()) {
      throw new IllegalArgumentException(field + " is virtual: it has no column to query");
    }
    String alias = aliases.get(field.table());
    if (alias == null) {
      throw new IllegalArgumentException(field + " belongs to " + field.table().name()
          + ", which this query does not select from (it selects from " + tablesInScope() + ")");
    }
    return append(alias).append(".").append(quote(field.column()));
  }

  private String tablesInScope() {
    return aliases.keySet().stream().map(Table::name).toList().toString();
  }

  SqlWriter node(Nodes.Node node) {
    if (node instanceof Nodes.Compare c) {
      expression(c.left()).append(" ").append(c.operator()).append(" ").expression(c.right());
    } else if (node instanceof Nodes.NullTest n) {
      expression(n.operand()).append(n.isNull() ? " IS NULL" : " IS NOT NULL");
    } else if (node instanceof Nodes.AnyOf a) {
      append(a.negated() ? "NOT (" : "").expression(a.operand()).append(" = ANY(").param(a.values())
          .append(a.negated() ? "))" : ")");
    } else if (node instanceof Nodes.Junction j) {
      append("(").node(j.left()).append(" ").append(j.operator()).append(" ").node(j.right()).append(")");
    } else if (node instanceof Nodes.Not n) {
      append("NOT (").node(n.operand()).append(")");
    }
    return this;
  }

  Sql build() {
    return new Sql(sql.toString(), List.copyOf(params));
  }
}
