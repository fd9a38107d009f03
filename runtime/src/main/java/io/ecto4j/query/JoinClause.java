package io.ecto4j.query;

import io.ecto4j.meta.Association;
import io.ecto4j.meta.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Ecto's {@code join} clause: a source joined under its own binding, on an explicit condition or
 * through an association's keys (and then, optionally, on a condition of its own besides them,
 * Ecto's {@code join: c in assoc(p, :comments), on: c.votes > 1}). A many-to-many association
 * joins its join table too; a {@code through} association joins each link of its path, as Ecto's
 * {@code assoc} join does, only the last of which the query can name.
 *
 * @param key what fields and aliases find the binding by: the {@link Alias}, or a private key
 * @param on the explicit condition, or the extra condition of an association join; may be null then
 * @param hops the direct links an association join goes through, the last one bound to {@code key};
 *     empty for an explicit join
 */
record JoinClause(JoinType type, Object key, String name, Source source, Condition on,
    Association<?, ?> association, List<Hop> hops) {

  /**
   * One direct association of an association join: {@code link} joined under {@code key}, after its
   * join table under {@code tableKey} for a many-to-many (else null).
   */
  record Hop(Association<?, ?> link, Object key, Object tableKey) {}

  static JoinClause on(JoinType type, Alias<?> alias, Condition on) {
    return checked(new JoinClause(type, alias, alias.name(), alias.source(), on, null, List.of()));
  }

  static JoinClause on(JoinType type, Table<?> table, Condition on) {
    Source source = new Source.OfTable(Objects.requireNonNull(table, "table"));
    return checked(new JoinClause(type, new Object(), table.name(), source, on, null, List.of()));
  }

  /**
   * A join through {@code association}'s keys, and {@code on} besides when not null; {@code alias}
   * may be null.
   */
  static JoinClause association(JoinType type, Association<?, ?> association, Alias<?> alias, Condition on) {
    Objects.requireNonNull(association, "association");
    if (!type.needsOn() || type == JoinType.INNER_LATERAL || type == JoinType.LEFT_LATERAL) {
      throw new IllegalArgumentException("an association is joined with INNER, LEFT, RIGHT or FULL, not " + type);
    }
    Object key = alias == null ? new Object() : alias;
    Source source = alias == null ? Query.tableSource(association.related()) : alias.source();
    String name = alias == null ? association.toString() : alias.name();
    return new JoinClause(type, key, name, source, on, association, hops(association, key));
  }

  /** The direct links of {@code association}, a through association's path unfolded, the last under {@code key}. */
  private static List<Hop> hops(Association<?, ?> association, Object key) {
    if (!association.isThrough()) { // the common join: one link, without the lists of a path
      return List.of(new Hop(association, key, Links.joinsThroughATable(association) ? new Object() : null));
    }
    List<Association<?, ?>> links = new ArrayList<>();
    unfold(association, links);
    List<Hop> hops = new ArrayList<>();
    for (int i = 0; i < links.size(); i++) {
      Association<?, ?> link = links.get(i);
      Object hopKey = i == links.size() - 1 ? key : new Object();
      hops.add(new Hop(link, hopKey, Links.joinsThroughATable(link) ? new Object() : null));
    }
    return List.copyOf(hops);
  }

  private static void unfold(Association<?, ?> association, List<Association<?, ?>> links) {
    if (association.isThrough()) {
      association.throughPath().forEach(link -> unfold(link, links));
    } else {
      links.add(association);
    }
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

  /** Whether the join brings one table alone, as a bulk write's {@code FROM}/{@code USING} can take it. */
  boolean joinsOneTable() {
    return hops.isEmpty() || hops.size() == 1 && hops.get(0).tableKey() == null;
  }

  /**
   * Brings the join's sources into the current scope. The links before the last of a through
   * association are bound without their table, so that fields never resolve to them.
   */
  void bind(SqlWriter w) {
    for (Hop hop : hops) {
      if (hop.tableKey() != null) {
        w.bind(hop.tableKey(), null, Links.joinTableOf(hop.link()));
      }
      if (hop.key() != key) {
        w.bind(hop.key(), null, hop.link().related().name());
      }
    }
    w.bind(key, source);
  }

  void render(SqlWriter w) {
    String owner = hops.isEmpty() ? null : owner(w).alias();
    for (Hop hop : hops) {
      if (hop.key() == key) {
        break;
      }
      owner = renderHop(w, hop, new Source.OfTable(hop.link().related()), owner, null);
    }
    if (hops.isEmpty()) {
      w.append(' ').append(type.sql()).append(' ');
      fromItem(w);
      if (type.needsOn()) {
        w.append(" ON ");
        on.render(w);
      }
    } else {
      renderHop(w, hops.get(hops.size() - 1), source, owner, on);
    }
  }

  /**
   * {@code [JOIN join_table …] JOIN related AS alias ON <link> [AND (extra)]}, joined to {@code owner};
   * returns the alias the next link joins to.
   */
  private String renderHop(SqlWriter w, Hop hop, Source related, String owner, Condition extra) {
    String linkedTo = owner;
    if (hop.tableKey() != null) {
      linkedTo = w.binding(hop.tableKey()).alias();
      Links.renderJoinTable(w, type.sql(), hop.link(), linkedTo, owner);
    }
    String alias = w.binding(hop.key()).alias();
    w.append(' ').append(type.sql()).append(' ');
    related.render(w);
    w.append(" AS ").append(alias).append(" ON ");
    Links.renderJoinCondition(w, hop.link(), alias, linkedTo);
    if (extra != null) {
      w.append(" AND ").operand(extra, Precedence.AND, true);
    }
    return alias;
  }

  /** {@code source AS alias}, with what follows the alias (see {@link Source#renderAs}). */
  void fromItem(SqlWriter w) {
    source.renderAs(w, w.binding(key).alias());
  }

  /**
   * The ON condition of a join of one table as an operand of {@code operator} (the {@code AND} of a
   * bulk write's WHERE, where the joins' conditions move), parenthesized where precedence needs it;
   * null for none.
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
    Links.renderJoinCondition(w, association, w.binding(key).alias(), owner(w).alias());
    if (on != null) {
      w.append(" AND ").operand(on, Precedence.AND, true);
    }
  }

  private SqlWriter.Binding owner(SqlWriter w) {
    Table<?> ownerTable = hops.get(0).link().owner();
    SqlWriter.Binding owner = w.bindingOf(ownerTable);
    if (owner == null || owner.key() == key) {
      throw new IllegalArgumentException("cannot join " + association + ": the query has no "
          + ownerTable.schemaName() + " source to join it from");
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
