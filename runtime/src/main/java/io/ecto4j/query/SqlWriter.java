package io.ecto4j.query;

import io.ecto4j.meta.Field;
import io.ecto4j.meta.Table;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Renders the query tree to SQL text and its parameters. Identifiers are always quoted and values
 * only ever become {@code ?} parameters. Each SELECT level opens a scope holding its bindings (the
 * {@code p0}, {@code c1} aliases); a field resolves in the innermost scope that has its table, so
 * a subquery may refer to the fields of the query around it (a correlated subquery).
 */
final class SqlWriter {
  private final StringBuilder sql = new StringBuilder(256);
  private final List<BoundValue> params = new ArrayList<>();
  private final boolean inspecting;
  private final Deque<Scope> scopes = new ArrayDeque<>();
  private final String defaultPrefix;
  private int aliasCount;

  /**
   * One SELECT level: its bindings in FROM/JOIN order, the schema prefix its tables take, and the
   * names of its {@code WINDOW} clause.
   */
  private record Scope(List<Binding> bindings, String prefix, List<String> windows) {}

  /**
   * A source in scope: the key it is found by, its table (if any), its SQL alias, and the source
   * itself when its columns may be named otherwise than its table's (a subquery), else null.
   */
  record Binding(Object key, Table<?> table, String alias, Source source) {
    /** The column of this binding that holds {@code field}: its table's column, or a subquery's for it. */
    String columnOf(Field<?, ?> field) {
      if (source == null) {
        requirePersisted(field);
        return field.column();
      }
      return source.columnOf(field);
    }
  }

  private SqlWriter(boolean inspecting, String defaultPrefix) {
    this.inspecting = inspecting;
    this.defaultPrefix = defaultPrefix;
  }

  /** A writer for an executable statement whose unprefixed tables take {@code defaultPrefix}. */
  static SqlWriter forStatement(String defaultPrefix) {
    return new SqlWriter(false, defaultPrefix);
  }

  /** A readable, non-executable rendering for {@code toString()}: fields by name, values inline. */
  static String inspect(Node node) {
    SqlWriter writer = new SqlWriter(true, null);
    node.render(writer);
    return writer.sql.toString();
  }

  boolean inspecting() {
    return inspecting;
  }

  // ---------------------------------------------------------------- scopes and bindings

  /** Opens a SELECT level; {@code prefix} null inherits the enclosing level's (or the default). */
  void enter(String prefix) {
    String inherited = scopes.isEmpty() ? defaultPrefix : scopes.peek().prefix();
    scopes.push(new Scope(new ArrayList<>(4), prefix != null ? prefix : inherited, new ArrayList<>(1)));
  }

  void exit() {
    scopes.pop();
  }

  /** Brings {@code source} into the current scope under a new short alias, found by {@code key}. */
  String bind(Object key, Source source) {
    return bind(key, source.table(), source.hint(), source);
  }

  /** Brings a source into the current scope under a new short alias such as {@code p0}. */
  String bind(Object key, Table<?> table, String hint) {
    return bind(key, table, hint, null);
  }

  private String bind(Object key, Table<?> table, String hint, Source source) {
    Scope scope = scopes.peek();
    for (Binding binding : scope.bindings()) {
      if (binding.key() == key) {
        throw new IllegalArgumentException(key + " is bound twice in one query; use a second Alias");
      }
    }
    String alias = aliasLetter(hint) + String.valueOf(aliasCount++);
    scope.bindings().add(new Binding(key, table, alias, source));
    return alias;
  }

  /** The first letter of an alias: the source's initial if it is a-z, else {@code t}. */
  static char aliasLetter(String hint) {
    char first = hint == null || hint.isEmpty() ? 't' : Character.toLowerCase(hint.charAt(0));
    return first >= 'a' && first <= 'z' ? first : 't';
  }

  /** The binding of {@code key}, searched from the innermost scope outwards. */
  Binding binding(Object key) {
    for (Scope scope : scopes) {
      for (Binding binding : scope.bindings()) {
        if (binding.key() == key) {
          return binding;
        }
      }
    }
    return null;
  }

  /** The first binding of {@code table}, searched from the innermost scope outwards. */
  Binding bindingOf(Table<?> table) {
    for (Scope scope : scopes) {
      for (Binding binding : scope.bindings()) {
        if (binding.table() == table) {
          return binding;
        }
      }
    }
    return null;
  }

  /** Whether the current level is the statement's own, not a subquery's or a CTE body's. */
  boolean atTopLevel() {
    return scopes.size() == 1;
  }

  /** Records that the current SELECT level defines the window {@code name}. */
  void defineWindow(String name) {
    scopes.peek().windows().add(name);
  }

  /**
   * {@code "name"} of a window of the current SELECT level, for {@code OVER "name"}: a name the
   * level does not define is refused here, as Ecto's planner refuses it, rather than by PostgreSQL.
   */
  SqlWriter windowName(String name) {
    if (!inspecting && !scopes.peek().windows().contains(name)) {
      throw new IllegalArgumentException("unknown window " + name + " given to over(\"" + name + "\"); this query"
          + " defines " + scopes.peek().windows() + ": define it with query.window(\"" + name + "\", Window…)");
    }
    return identifier(name);
  }

  /** The first source of the current SELECT level. */
  Binding root() {
    return scopes.peek().bindings().get(0);
  }

  // ---------------------------------------------------------------- text

  SqlWriter append(String text) {
    sql.append(text);
    return this;
  }

  SqlWriter append(char c) {
    sql.append(c);
    return this;
  }

  /** {@code "name"}, with any double quote in it doubled, as PostgreSQL quotes identifiers. */
  static String quote(String identifier) {
    if (identifier == null || identifier.isEmpty() || identifier.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("not a valid SQL identifier: " + identifier);
    }
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  SqlWriter identifier(String name) {
    return append(quote(name));
  }

  /** A table name, qualified with the current scope's prefix if there is one. */
  SqlWriter table(String name) {
    String prefix = scopes.isEmpty() ? defaultPrefix : scopes.peek().prefix();
    if (prefix != null) {
      identifier(prefix).append('.');
    }
    return identifier(name);
  }

  /** As {@link #table(String)}, in {@code own} prefix when not null (a join's or from's {@code prefix:}). */
  SqlWriter table(String name, String own) {
    return own == null ? table(name) : identifier(own).append('.').identifier(name);
  }

  /**
   * As {@link #table(Table)}, in {@code own} prefix when not null: a prefix given to this one source,
   * which wins over the schema's, the query's and the repo's, as Ecto's {@code prefix:} on a from or join.
   */
  SqlWriter table(Table<?> table, String own) {
    return table(table, table.name(), own);
  }

  /**
   * A schema's rows in the table {@code name} (its own, or another of the same shape, Ecto's
   * {@code {"other_posts", Post}}), in {@code own} prefix when not null, else in the schema-wide
   * prefix ({@code @Schema(prefix = …)}) if it has one, which wins over the query's and the repo's as
   * Ecto's {@code @schema_prefix} does; else as {@link #table(String)}.
   */
  SqlWriter table(Table<?> table, String name, String own) {
    if (own != null) {
      return identifier(own).append('.').identifier(name);
    }
    Optional<String> schemaPrefix = table.prefix();
    return schemaPrefix.isEmpty() ? table(name) : identifier(schemaPrefix.get()).append('.').identifier(name);
  }

  /** A schema's own table, as {@link #table(Table, String, String)} without a prefix of its own. */
  SqlWriter table(Table<?> table) {
    return table(table, table.name(), null);
  }

  /** A {@code ?} binding {@code value}; in inspecting mode the value inline, as Ecto shows it: {@code ^value}. */
  SqlWriter param(BoundValue value) {
    if (inspecting) {
      sql.append('^').append(value.value());
    } else {
      params.add(value);
      sql.append('?');
    }
    return this;
  }

  SqlWriter expression(Expression<?> expression) {
    if (expression instanceof Node node) {
      node.render(this);
      return this;
    }
    if (expression instanceof Aggregate<?> aggregate) {
      aggregate.render(this);
      return this;
    }
    if (expression instanceof Field<?, ?> field) {
      return field(field);
    }
    throw new IllegalArgumentException("cannot render " + expression.getClass().getName()
        + ": build expressions from schema fields, Query.column(…) and io.ecto4j.query.Functions");
  }

  /**
   * Renders {@code operand} of an operator binding at {@code operator}, on its right side or not,
   * in parentheses where {@link Precedence#parenthesizes} asks: the one place that decides.
   */
  SqlWriter operand(Expression<?> operand, Precedence operator, boolean rightSide) {
    boolean parenthesized = operator.parenthesizes(precedence(operand), rightSide);
    append(parenthesized ? "(" : "").expression(operand);
    return append(parenthesized ? ")" : "");
  }

  /** As {@link #operand(Expression, Precedence, boolean)}, for a condition's node. */
  SqlWriter operand(Node operand, Precedence operator, boolean rightSide) {
    boolean parenthesized = operator.parenthesizes(operand.precedence(), rightSide);
    append(parenthesized ? "(" : "");
    operand.render(this);
    return append(parenthesized ? ")" : "");
  }

  /** How tightly an expression binds: a node (every condition is one) knows; fields and aggregates are terms. */
  static Precedence precedence(Expression<?> expression) {
    return expression instanceof Node node ? node.precedence() : Precedence.ATOM;
  }

  /** Renders {@code items} separated by {@code ", "}. */
  <E> SqlWriter list(List<E> items, BiConsumer<SqlWriter, E> each) {
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        sql.append(", ");
      }
      each.accept(this, items.get(i));
    }
    return this;
  }

  private SqlWriter field(Field<?, ?> field) {
    if (inspecting) {
      return append(field.toString());
    }
    Binding binding = bindingOf(field.table());
    if (binding == null) {
      requirePersisted(field);
      throw new IllegalArgumentException(field + " belongs to \"" + field.table().name()
          + "\", which this query does not select from or join (in scope: " + tablesInScope() + ")");
    }
    return column(binding.alias(), binding.columnOf(field));
  }

  static void requirePersisted(Field<?, ?> field) {
    if (!field.isPersisted()) {
      throw new IllegalArgumentException(field + " is virtual: it has no column to query");
    }
  }

  SqlWriter column(String alias, String column) {
    return append(alias).append('.').identifier(column);
  }

  private String tablesInScope() {
    List<String> names = new ArrayList<>();
    for (Scope scope : scopes) {
      for (Binding binding : scope.bindings()) {
        names.add(binding.table() == null ? binding.alias() : binding.table().name());
      }
    }
    return names.toString();
  }

  /** The statement, and how to render it again for another default prefix. */
  Sql build(Function<String, Sql> renderer) {
    return new Sql(sql.toString(), params.toArray(Sql.NO_PARAMS), defaultPrefix, renderer);
  }

  @Override
  public String toString() {
    return sql.toString();
  }
}
