package io.ecto4j.query;

import io.ecto4j.internal.AssociationInternals;
import io.ecto4j.internal.Internals;
import io.ecto4j.meta.Association;
import io.ecto4j.meta.Field;
import io.ecto4j.meta.Preloadable;
import io.ecto4j.meta.PrimaryKeyValue;
import io.ecto4j.meta.Table;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One association filled from a joined alias of the same query, Ecto's {@code preload: [author: a]},
 * and the associations of its structs filled from further joined aliases, Ecto's
 * {@code preload: [comments: {c, user: u}]}. The alias's columns follow the parent's in the row,
 * then those of each nested join-preload, depth first; each row gives the parent one child (or none,
 * for a left join that found nothing).
 *
 * <pre>{@code
 * Alias<CommentStruct> c = Alias.of(Comments.SCHEMA, "c");
 * Alias<UserStruct> u = Alias.of(Users.SCHEMA, "u");
 * repo.all(Posts.query().leftJoin(Posts.COMMENTS, c).leftJoin(Comments.USER, u)
 *     .preload(Posts.COMMENTS, c, JoinPreload.of(Comments.USER, u)));
 * }</pre>
 *
 * @param <P> the struct whose slot is filled
 * @param <C> the joined struct
 */
public final class JoinPreload<P, C> {
  private static final AssociationInternals SLOTS = Internals.association();
  private static final Set<JoinType> PRELOADABLE =
      EnumSet.of(JoinType.INNER, JoinType.LEFT, JoinType.INNER_LATERAL, JoinType.LEFT_LATERAL);

  private final Association<P, C> association;
  private final Alias<C> alias;
  private final List<JoinPreload<C, ?>> nested;
  /** The fields read of the joined structs ({@link #take}); empty for whole structs. */
  private final List<Field<C, ?>> taken;
  /** Separate-query preloads of the joined structs ({@link #preload}), run after the statement. */
  private final List<Preloadable<C>> separate;

  private JoinPreload(Association<P, C> association, Alias<C> alias, List<JoinPreload<C, ?>> nested,
      List<Field<C, ?>> taken, List<Preloadable<C>> separate) {
    this.association = Objects.requireNonNull(association, "association");
    this.alias = Objects.requireNonNull(alias, "alias");
    this.nested = List.copyOf(nested);
    this.taken = List.copyOf(taken);
    this.separate = List.copyOf(separate);
    if (association.related().primaryKeys().isEmpty()) {
      throw new IllegalArgumentException("cannot join-preload " + association + ": "
          + association.related().schemaName() + " has no primary key to tell its rows apart");
    }
  }

  /** Fills {@code association} of the joined structs from {@code alias}, and theirs from {@code nested}. */
  @SafeVarargs
  public static <P, C> JoinPreload<P, C> of(Association<P, C> association, Alias<C> alias,
      JoinPreload<C, ?>... nested) {
    return new JoinPreload<>(association, alias, Arguments.list("JoinPreload.of(" + association + ", …)",
        "nested join-preloads", nested), List.of(), List.of());
  }

  /**
   * This join-preload reading only {@code fields} of the joined structs, Ecto's
   * {@code select: [:id, :title, comments: [:id, :body]]} over a join-preload: the other fields keep
   * a new struct's values. The primary key must be among them, since it tells a parent's children
   * apart on its rows (and tells a left join that found nothing from a child).
   *
   * <pre>{@code
   * repo.all(Posts.query().join(Posts.COMMENTS, c).selectFields(Posts.ID, Posts.TITLE)
   *     .preload(JoinPreload.of(Posts.COMMENTS, c).take(Comments.ID, Comments.BODY)));
   * }</pre>
   */
  @SafeVarargs
  public final JoinPreload<P, C> take(Field<C, ?>... fields) {
    List<Field<C, ?>> chosen = Arguments.list("take(…) of " + association, "fields", fields);
    if (!(alias.source() instanceof Source.OfTable)) {
      throw new IllegalArgumentException("take(…) of " + association + " reads fields of a schema's table; alias "
          + alias + " reads " + alias.source().label());
    }
    SelectClause.Partial.checkFields(association.related(), chosen);
    for (Field<C, ?> key : association.related().primaryKeys()) {
      if (!chosen.contains(key)) {
        throw new IllegalArgumentException("take(" + chosen + ") of " + association + " must read " + key
            + ": the rows of one parent are told apart by it");
      }
    }
    return new JoinPreload<>(association, alias, nested, chosen, separate);
  }

  /**
   * This join-preload, and associations of the joined structs loaded by separate queries after the
   * statement, Ecto's {@code preload: [post_permalink: {pp, [:post, user: u]}]}: the joined structs
   * come from the one statement, {@code paths} from one query each, as {@code repo.preload} runs them.
   *
   * <pre>{@code
   * repo.all(Comments.query().join(Comments.POST_PERMALINK, pp).join(Permalinks.USER, u)
   *     .preload(JoinPreload.of(Comments.POST_PERMALINK, pp, JoinPreload.of(Permalinks.USER, u))
   *         .preload(Permalinks.POST)));
   * }</pre>
   */
  @SafeVarargs
  public final JoinPreload<P, C> preload(Preloadable<C>... paths) {
    List<Preloadable<C>> all = new ArrayList<>(separate);
    all.addAll(Arguments.list("preload(…) of " + association, "paths", paths));
    return new JoinPreload<>(association, alias, nested, taken, all);
  }

  /**
   * The separate-query preloads under this join-preload and its nested ones, as one path from the
   * parents ({@code association} then them); empty when there are none. The repo finds the joined
   * slots loaded and loads only the paths below them.
   */
  @SuppressWarnings("unchecked")
  Optional<Preloadable<P>> separatePreloads() {
    List<Preloadable<C>> below = new ArrayList<>(separate);
    nested.forEach(join -> join.separatePreloads().ifPresent(below::add));
    return below.isEmpty() ? Optional.empty()
        : Optional.of(association.preload().then(below.toArray(Preloadable[]::new)));
  }

  Association<P, C> association() {
    return association;
  }

  /** The columns this join-preload reads: its alias's (or those taken), then its nested ones'. */
  int width() {
    return ownWidth() + nested.stream().mapToInt(JoinPreload::width).sum();
  }

  private int ownWidth() {
    return taken.isEmpty() ? Rows.width(alias) : taken.size();
  }

  /** Appends {@code , <alias columns>} for this alias and each nested one, in reading order. */
  void render(SqlWriter writer) {
    writer.append(", ");
    String sqlAlias = alias.bindingIn(writer).alias();
    if (taken.isEmpty()) {
      Rows.whole(writer, sqlAlias, alias.source(), List.of());
    } else {
      writer.list(taken, (w, field) -> w.column(sqlAlias, field.column()));
    }
    nested.forEach(join -> join.render(writer));
  }

  /**
   * Ecto's planner check: the alias must be an inner, left or lateral join of {@code joins}; a
   * right, full or cross join would give rows without a parent, which have no struct to fill.
   */
  void requireJoinKind(List<JoinClause> joins, Query<?> query) {
    for (JoinClause join : joins) {
      if (join.key() == alias && !PRELOADABLE.contains(join.type())) {
        throw new IllegalArgumentException("association `" + association + "` in preload requires an inner, left or"
            + " lateral join, got " + join.type().name().toLowerCase().replace('_', ' ') + " join in query: " + query);
      }
    }
    nested.forEach(join -> join.requireJoinKind(joins, query));
  }

  /** {@code parent} with the slot holding the child read from this row at {@code offset}. */
  @SuppressWarnings("unchecked")
  P readInto(P parent, ResultSet row, int offset) throws SQLException {
    C child = taken.isEmpty() ? (C) Rows.reader(alias).read(row, offset)
        : SelectClause.Partial.readPresent(association.related(), taken, row, offset);
    if (child == null) {
      return SLOTS.put(association, parent, List.of());
    }
    int at = offset + ownWidth();
    for (JoinPreload<C, ?> join : nested) {
      child = join.readInto(child, row, at);
      at += join.width();
    }
    return SLOTS.put(association, parent, List.of(child));
  }

  /**
   * The same parent met again on a later row: a to-many slot gains the children it did not have
   * yet (a second to-many join repeats them), a to-one slot keeps its child; a child met again
   * gathers what its own nested join-preloads read on the later row.
   */
  P merge(P kept, P again) {
    Table<C> related = association.related();
    Map<PrimaryKeyValue<C>, C> children = new LinkedHashMap<>();
    SLOTS.children(association, kept).forEach(child -> children.put(PrimaryKeyValue.from(related, child), child));
    for (C child : SLOTS.children(association, again)) {
      PrimaryKeyValue<C> key = PrimaryKeyValue.from(related, child);
      if (association.kind().isToOne() && !children.isEmpty() && !children.containsKey(key)) {
        continue;
      }
      children.merge(key, child, this::mergeNested);
    }
    return SLOTS.put(association, kept, new ArrayList<>(children.values()));
  }

  private C mergeNested(C kept, C again) {
    C merged = kept;
    for (JoinPreload<C, ?> join : nested) {
      merged = join.merge(merged, again);
    }
    return merged;
  }

  @Override
  public String toString() {
    String read = taken.isEmpty() ? alias.toString() : "struct(" + alias + ", " + names() + ")";
    List<Object> inside = new ArrayList<>(separate);
    inside.addAll(nested);
    return association + ": " + (inside.isEmpty() ? read : "{" + read + ", " + Rows.joined(inside) + "}");
  }

  private List<String> names() {
    return taken.stream().map(Field::name).toList();
  }
}
