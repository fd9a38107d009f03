package io.ecto4j.query;

import io.ecto4j.meta.Association;
import io.ecto4j.meta.AssociationFilter;
import io.ecto4j.meta.Field;
import io.ecto4j.meta.ManyToManyAssociation;
import io.ecto4j.type.FieldType;
import io.ecto4j.type.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The one home of how an association's rows meet its owner's, Ecto's {@code Ecto.Association}
 * queries: the condition of {@code Association.of} and of a per-parent preload, the {@code IN} over
 * many parents' keys, the join condition of {@code query.join(Posts.COMMENTS)}, and the join-table
 * statements of a many-to-many: its preload, and the join rows {@code putAssoc}/{@code castAssoc} write. A {@code belongs_to} and a {@code has_one}/{@code has_many}
 * link directly (the related field equals the owner's); a many-to-many links through its join table.
 * Every statement here is rendered with the writer's quoting and prefix.
 */
final class Links {
  private Links() {}

  /**
   * The related rows of the owner whose key is {@code ownerKey}: {@code c.post_id = ?}, or through
   * the join table {@code t.id IN (SELECT tag_id FROM posts_tags WHERE post_id = ?)}.
   */
  static <P, C> Condition ownedBy(Association<P, C> association, Object ownerKey) {
    return ownedBy(association, value(association.ownerField(), ownerKey));
  }

  /**
   * The related rows of the owner whose key is {@code ownerKey}, an expression of an enclosing
   * statement, such as the parent key of a per-parent lateral preload ({@link PerParent#parentKey}).
   */
  static <P, C, K> Condition ownedBy(Association<P, C> association, Expression<K> ownerKey) {
    if (association instanceof ManyToManyAssociation<P, C, ?, ?> manyToMany) {
      return throughJoinTable(manyToMany, ownerKey);
    }
    return equal(association.relatedField(), ownerKey);
  }

  /**
   * The related rows of any owner whose key is among {@code ownerKeys} ({@code = ANY(?)}), for a
   * direct link; a many-to-many preloads through {@link #joinedRows} instead.
   */
  static <P, C> Condition ownedByAny(Association<P, C> association, Collection<?> ownerKeys) {
    requireDirect(association);
    return anyOf(association.relatedField(), ownerKeys);
  }

  /**
   * The related rows of many owners through the join table, each with the owner key of the join
   * row that reached it, filtered by the association's {@code where} and {@code joinWhere}, in its
   * preload order, as the query Ecto's preloader runs
   * (and hands to the repo's {@code prepare_query}): {@code SELECT r.…, j.post_id FROM tags AS r
   * JOIN posts_tags AS j ON j.tag_id = r.id WHERE j.post_id = ANY(?)}.
   */
  static <P, C, K, R> Query<Tuple2<C, K>> joinedRows(ManyToManyAssociation<P, C, K, R> association,
      List<K> ownerKeys) {
    ManyToManyAssociation.JoinTable join = association.join();
    Alias<C> related = Alias.of(association.related(), "r");
    Alias<Void> through = Alias.of(join.table(), "j");
    Expression<K> owner = through.column(join.ownerColumn(), association.ownerField().type());
    Query<C> rows = Query.from(related)
        .join(through, joinRowsOf(association, through.column(join.relatedColumn(), association.relatedField().type())
            .eq(related.field(association.relatedField())), through))
        .where(owner.in(ownerKeys));
    for (AssociationFilter<C> filter : association.where()) {
      rows = rows.where(filter.on(related::field));
    }
    for (Association.OrderTerm<C> term : association.preloadOrder()) {
      Expression<?> field = related.field(term.field().get());
      rows = rows.orderBy(term.descending() ? field.desc() : field.asc());
    }
    return rows.select(related, owner);
  }

  /**
   * The join rows of many owners, for a many-to-many preload with a query of its own, as owner
   * and related keys: {@code SELECT j.post_id, j.tag_id FROM posts_tags AS j WHERE j.post_id = ANY(?)}.
   */
  static <K, R> Query<Tuple2<K, R>> joinRows(ManyToManyAssociation<?, ?, K, R> association, List<K> ownerKeys) {
    ManyToManyAssociation.JoinTable join = association.join();
    Alias<Void> through = Alias.of(join.table(), "j");
    Expression<K> owner = through.column(join.ownerColumn(), association.ownerField().type());
    Expression<R> related = through.column(join.relatedColumn(), association.relatedField().type());
    return Query.from(through).where(joinRowsOf(association, owner.in(ownerKeys), through)).select(owner, related);
  }

  /**
   * The join row that links one owner to one related row, written by {@code putAssoc}/{@code castAssoc}
   * on a many-to-many, as Ecto's {@code insert_join}:
   * {@code INSERT INTO posts_tags (post_id, tag_id) VALUES (?, ?)}.
   */
  static <K, R> Sql insertJoinRow(ManyToManyAssociation<?, ?, K, R> association, Object ownerKey, Object relatedKey) {
    Param<K> owner = new Param<>(association.ownerField().type(), association.ownerField().castValue(ownerKey));
    Param<R> related = new Param<>(association.relatedField().type(), association.relatedField().castValue(relatedKey));
    return insertJoinRow(association.join(), owner, related, null);
  }

  private static Sql insertJoinRow(ManyToManyAssociation.JoinTable join, Param<?> owner, Param<?> related, String prefix) {
    SqlWriter w = SqlWriter.forStatement(prefix);
    w.append("INSERT INTO ").table(join.table()).append(" (").identifier(join.ownerColumn()).append(", ")
        .identifier(join.relatedColumn()).append(") VALUES (").param(owner).append(", ").param(related).append(')');
    return w.build(p -> insertJoinRow(join, owner, related, p));
  }

  /**
   * The join rows of one owner to the given related rows, deleted when a many-to-many's children are
   * replaced with {@code onReplace(DELETE)}; the related rows stay, as in Ecto:
   * {@code DELETE FROM posts_tags WHERE post_id = ? AND tag_id = ANY(?)}.
   */
  static <K, R> Sql deleteJoinRows(ManyToManyAssociation<?, ?, K, R> association, Object ownerKey,
      List<?> relatedKeys) {
    Param<K> owner = new Param<>(association.ownerField().type(), association.ownerField().castValue(ownerKey));
    List<R> typed = new ArrayList<>(relatedKeys.size());
    for (Object key : relatedKeys) {
      typed.add(association.relatedField().castValue(key));
    }
    return deleteJoinRows(association.join(), owner, keys(association.relatedField().type(), typed), null);
  }

  private static Sql deleteJoinRows(ManyToManyAssociation.JoinTable join, Param<?> owner, Param<?> related,
      String prefix) {
    SqlWriter w = SqlWriter.forStatement(prefix);
    w.append("DELETE FROM ").table(join.table()).append(" WHERE ").identifier(join.ownerColumn()).append(" = ")
        .param(owner).append(" AND ").identifier(join.relatedColumn()).append(" = ANY(").param(related).append(')');
    return w.build(p -> deleteJoinRows(join, owner, related, p));
  }

  // ---------------------------------------------------------------- joins

  /** Whether a join through {@code association} also joins a join table (it goes first). */
  static boolean joinsThroughATable(Association<?, ?> association) {
    return association instanceof ManyToManyAssociation<?, ?, ?, ?>;
  }

  /** The join table's name, for its binding. */
  static String joinTableOf(Association<?, ?> association) {
    return ((ManyToManyAssociation<?, ?, ?, ?>) association).join().table();
  }

  /** {@code JOIN posts_tags AS p1 ON p1.post_id = p0.id}: the join table joined to the owner. */
  static void renderJoinTable(SqlWriter w, String joinType, Association<?, ?> association, String through,
      String owner) {
    ManyToManyAssociation.JoinTable join = ((ManyToManyAssociation<?, ?, ?, ?>) association).join();
    w.append(' ').append(joinType).append(' ').table(join.table()).append(" AS ").append(through).append(" ON ")
        .column(through, join.ownerColumn()).append(" = ").column(owner, association.ownerKey());
  }

  /**
   * The ON condition of a join through {@code association}: the related field equal to the owner's,
   * or, for a many-to-many, to the join table's column (see {@link #renderJoinTable}), and the
   * association's declared {@code where} (and a many-to-many's {@code joinWhere}, on its join table's
   * alias), each filter joined with {@code AND} as Ecto's {@code assoc} join adds them, so the join
   * finds only the rows that belong: {@code … AND c."deleted_at" IS NULL AND c."state" = ANY(?)}.
   */
  static void renderJoinCondition(SqlWriter w, Association<?, ?> association, String related, String ownerOrThrough) {
    if (association instanceof ManyToManyAssociation<?, ?, ?, ?> manyToMany) {
      w.column(related, association.relatedKey()).append(" = ")
          .column(ownerOrThrough, manyToMany.join().relatedColumn());
      renderFilters(w, association.where(), related);
      renderFilters(w, manyToMany.joinWhere(), ownerOrThrough);
    } else {
      w.column(related, association.relatedKey()).append(" = ").column(ownerOrThrough, association.ownerKey());
      renderFilters(w, association.where(), related);
    }
  }

  private static void renderFilters(SqlWriter w, List<? extends AssociationFilter<?>> filters, String alias) {
    for (AssociationFilter<?> filter : filters) {
      w.append(" AND ").operand(onAlias(filter, alias), Precedence.AND, true);
    }
  }

  private static <S> Condition onAlias(AssociationFilter<S> filter, String alias) {
    return filter.on(field -> new AliasedColumn<>(alias, field));
  }

  /**
   * A filtered field's column under the alias a join's rendering gave its table, {@code c1."text"}:
   * the ON of an association join is written while the aliases are being handed out, before any
   * {@link Alias} of that binding exists.
   */
  private record AliasedColumn<V>(String alias, Field<?, V> field) implements Expression<V>, Node {
    @Override
    public FieldType<V> type() {
      return field.type();
    }

    @Override
    public void render(SqlWriter w) {
      w.column(alias, field.column());
    }

    @Override
    public String toString() {
      return alias + "." + field.name();
    }
  }

  // ---------------------------------------------------------------- helpers

  private static void requireDirect(Association<?, ?> association) {
    if (association.isThrough() || association instanceof ManyToManyAssociation<?, ?, ?, ?>) {
      throw new IllegalArgumentException(association + " is " + association.kind()
          + (association.isThrough() ? " through " + association.throughPath() : "")
          + ": it does not link its rows directly by a key");
    }
  }

  private static <P, C, K, R> Condition throughJoinTable(ManyToManyAssociation<P, C, K, R> association,
      Expression<?> ownerKey) {
    Field<C, R> related = association.relatedField();
    ManyToManyAssociation.JoinTable join = association.join();
    Alias<Void> through = Alias.of(join.table(), "j");
    Query<R> linked = Query.from(through)
        .where(joinRowsOf(association, through.column(join.ownerColumn(), ownerKey.type())
            .eq(uncheckedExpression(ownerKey)), through))
        .select(through.column(join.relatedColumn(), related.type()));
    return related.in(linked);
  }

  /** {@code condition}, and the many-to-many's declared {@code joinWhere} on the join rows of {@code through}. */
  private static Condition joinRowsOf(ManyToManyAssociation<?, ?, ?, ?> association, Condition condition,
      Alias<Void> through) {
    Condition linked = condition;
    for (AssociationFilter<?> filter : association.joinWhere()) {
      linked = linked.and(onJoinTable(filter, through));
    }
    return linked;
  }

  /** A join-schema filter on the join table's alias, which has no schema of its own: by column and type. */
  private static <J> Condition onJoinTable(AssociationFilter<J> filter, Alias<Void> through) {
    return filter.on(field -> through.column(field.column(), field.type()));
  }

  @SuppressWarnings("unchecked")
  private static <K> Expression<K> uncheckedExpression(Expression<?> expression) {
    return (Expression<K>) expression;
  }

  private static <V> Condition equal(Field<?, V> field, Expression<?> value) {
    return field.eq(uncheckedExpression(value));
  }

  private static <S, K> Expression<K> value(Field<S, K> field, Object key) {
    return Functions.value(field.castValue(key), field.type());
  }

  private static <C, V> Condition anyOf(Field<C, V> field, Collection<?> keys) {
    List<V> typed = new ArrayList<>(keys.size());
    for (Object key : keys) {
      typed.add(field.castValue(key));
    }
    return field.in(typed);
  }

  private static <K> Param<List<K>> keys(FieldType<K> type, List<K> keys) {
    return new Param<>(Types.list(type), List.copyOf(keys));
  }
}
