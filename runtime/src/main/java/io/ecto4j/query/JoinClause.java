package io.ecto4j.query;

import io.ecto4j.meta.Association;
import io.ecto4j.meta.Table;
import java.util.Objects;

/**
 * Ecto's {@code join} clause: a source joined under its own binding, on an explicit condition or
 * through an association's keys. A many-to-many association joins its join table too.
 *
 * @param key what fields and aliases find the binding by: the {@link Alias}, or a private key
 * @param throughKey the binding key of a many-to-many join table, else null
 */
record JoinClause(JoinType type, Object key, String name, Source source, Condition on,
    Association<?, ?> association, Object throughKey) {

  static JoinClause on(JoinType type, Alias<?> alias, Condition on) {
    return checked(new JoinClause(type, alias, alias.name(), alias.source(), on, null, null));
  }

  static JoinClause on(JoinType type, Table<?> table, Condition on) {
    Source source = new Source.OfTable(Objects.requireNonNull(table, "table"));
    return checked(new JoinClause(type, new Object(), table.name(), source, on, null, null));
  }

  /** A join through {@code association}'s keys; {@code alias} may be null. */
  static JoinClause association(JoinType type, Association<?, ?> association, Alias<?> alias) {
    Objects.requireNonNull(association, "association");
    if (!type.needsOn() || type == JoinType.INNER_LATERAL || type == JoinType.LEFT_LATERAL) {
      throw new IllegalArgumentException("an association is joined with INNER, LEFT, RIGHT or FULL, not " + type);
    }
    Object key = alias == null ? new Object() : alias;
    Source source = alias == null ? new Source.OfTable(association.related()) : alias.source();
    Object through = Links.joinsThroughATable(association) ? new Object() : null;
    String name = alias == null ? association.toString() : alias.name();
    return new JoinClause(type, key, name, source, null, association, through);
  }

  private static JoinClause checked(JoinClause join) {
    Objects.requireNonNull(join.type(), "type");
    if (join.type().needsOn() && join.on() == null) {
      throw new IllegalArgumentException(join.type() + " join of " + join.name() + " needs an ON condition;"
          + " use Condition.TRUE to join every row");
    }
    if (!join.type().needsOn() && join.on() != null) {
      throw new IllegalArgumentException(join.type() + " join takes no ON condition");
    }
    return join;
  }

  /** Brings the join's sources into the current scope. */
  void bind(SqlWriter w) {
    if (throughKey != null) {
      w.bind(throughKey, null, Links.joinTableOf(association));
    }
    w.bind(key, source.table(), source.hint());
  }

  void render(SqlWriter w) {
    if (throughKey != null) {
      renderThrough(w);
    }
    w.append(' ').append(type.sql()).append(' ');
    fromItem(w);
    if (type.needsOn()) {
      w.append(" ON ");
      condition(w);
    }
  }

  /** {@code source AS alias}, with what follows the alias (see {@link Source#renderAs}). */
  void fromItem(SqlWriter w) {
    source.renderAs(w, w.binding(key).alias());
  }

  /** The ON condition: the explicit one, or the association's link (see {@link Links}). */
  void condition(SqlWriter w) {
    condition(w, null, false);
  }

  /**
   * The ON condition as an operand of {@code operator} (the {@code AND} of a bulk write's WHERE,
   * where the joins' conditions move), parenthesized where precedence needs it; null for none.
   */
  void condition(SqlWriter w, Precedence operator, boolean rightSide) {
    if (association == null) {
      if (operator == null) {
        on.render(w);
      } else {
        w.operand(on, operator, rightSide);
      }
      return;
    }
    String related = w.binding(key).alias();
    String linkedTo = throughKey != null ? w.binding(throughKey).alias() : owner(w).alias();
    Links.renderJoinCondition(w, association, related, linkedTo);
  }

  /** The join table of a many-to-many, joined to the owner first. */
  private void renderThrough(SqlWriter w) {
    Links.renderJoinTable(w, type.sql(), association, w.binding(throughKey).alias(), owner(w).alias());
  }

  private SqlWriter.Binding owner(SqlWriter w) {
    SqlWriter.Binding owner = w.bindingOf(association.owner());
    if (owner == null || owner.key() == key) {
      throw new IllegalArgumentException("cannot join " + association + ": the query has no "
          + association.owner().schemaName() + " source to join it from");
    }
    return owner;
  }

  /** Ecto's form, {@code join: c1 in assoc(Posts.COMMENTS)}; {@code index} numbers unaliased joins. */
  String inspect(int index) {
    String shown = key instanceof Alias<?> ? name : SqlWriter.aliasLetter(source.hint()) + String.valueOf(index);
    String target = association != null ? "assoc(" + association + ")" : source.label();
    return type.inspect() + ": " + shown + " in " + target + (on == null ? "" : ", on: " + on);
  }
}
