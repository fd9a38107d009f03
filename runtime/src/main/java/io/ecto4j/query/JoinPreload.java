package io.ecto4j.query;

import io.ecto4j.internal.AssociationInternals;
import io.ecto4j.internal.Internals;
import io.ecto4j.meta.Association;
import io.ecto4j.meta.Field;
import io.ecto4j.meta.PrimaryKeyValue;
import io.ecto4j.meta.Table;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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

  private final Association<P, C> association;
  private final Alias<C> alias;
  private final List<JoinPreload<C, ?>> nested;
  /** The fields read of the joined structs ({@link #take}); empty for whole structs. */
  private final List<Field<C, ?>> taken;

  private JoinPreload(Association<P, C> association, Alias<C> alias, List<JoinPreload<C, ?>> nested,
      List<Field<C, ?>> taken) {
    this.association = Objects.requireNonNull(association, "association");
    this.alias = Objects.requireNonNull(alias, "alias");
    this.nested = List.copyOf(nested);
    this.taken = List.copyOf(taken);
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
        "nested join-preloads", nested), List.of());
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
    return new JoinPreload<>(association, alias, nested, chosen);
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
    return association + ": " + (nested.isEmpty() ? read : "{" + read + ", " + Rows.joined(nested) + "}");
  }

  private List<String> names() {
    return taken.stream().map(Field::name).toList();
  }
}
