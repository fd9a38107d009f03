package io.ecto4j.query;

import io.ecto4j.meta.Association;
import io.ecto4j.meta.Field;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One association filled from a joined alias of the same query, Ecto's
 * {@code preload: [author: a]}: the alias's columns follow the parent's in the row, and each row
 * gives the parent one child (or none, for a left join that found nothing).
 */
record JoinPreload<P, C>(Association<P, C> association, Alias<C> alias) {

  JoinPreload {
    Objects.requireNonNull(association, "association");
    Objects.requireNonNull(alias, "alias");
    if (association.where().isPresent()) {
      throw new IllegalArgumentException("cannot join-preload " + association + ": it declares a where filter that"
          + " the join does not apply; preload it with a separate query, query.preload(" + association + ")");
    }
    if (association.related().primaryKey().isEmpty()) {
      throw new IllegalArgumentException("cannot join-preload " + association + ": "
          + association.related().schemaName() + " has no primary key to tell its rows apart");
    }
  }

  int width() {
    return Rows.width(alias);
  }

  /** {@code parent} with the slot holding the child read from this row at {@code offset}. */
  @SuppressWarnings("unchecked")
  P readInto(P parent, ResultSet row, int offset) throws SQLException {
    C child = (C) Rows.reader(alias).read(row, offset);
    return association.put(parent, child == null ? List.of() : List.of(child));
  }

  /**
   * The same parent met again on a later row: a to-many slot gains the children it did not have
   * yet (a second to-many join repeats them), a to-one slot keeps the first.
   */
  P merge(P kept, P again) {
    if (association.kind().isToOne()) {
      return kept;
    }
    Field<C, ?> key = association.related().primaryKey().orElseThrow();
    List<C> children = new ArrayList<>(association.children(kept));
    Set<Object> seen = new HashSet<>();
    children.forEach(child -> seen.add(key.get(child)));
    for (C child : association.children(again)) {
      if (seen.add(key.get(child))) {
        children.add(child);
      }
    }
    return association.put(kept, children);
  }

  @Override
  public String toString() {
    return association + ": " + alias;
  }
}
