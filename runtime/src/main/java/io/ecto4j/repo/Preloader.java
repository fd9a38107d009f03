package io.ecto4j.repo;

import io.ecto4j.internal.AssociationInternals;
import io.ecto4j.internal.Internals;
import io.ecto4j.internal.QueryInternals;
import io.ecto4j.meta.Association;
import io.ecto4j.meta.Field;
import io.ecto4j.meta.ManyToManyAssociation;
import io.ecto4j.meta.Preload;
import io.ecto4j.meta.Preloadable;
import io.ecto4j.meta.Table;
import io.ecto4j.query.Query;
import io.ecto4j.query.RowReader;
import io.ecto4j.type.FieldType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Ecto's separate-query preloading: one statement per association per level, keyed by
 * {@code = ANY(?)} over the distinct keys of all the parents at once, so that preloading never
 * runs a statement per parent. Children are stitched back onto immutable parents, in input order.
 */
final class Preloader {
  private static final QueryInternals SQL = Internals.query();
  private static final AssociationInternals SLOTS = Internals.association();

  private final Repo repo;
  private final Executor executor;

  Preloader(Repo repo, Executor executor) {
    this.repo = repo;
    this.executor = executor;
  }

  /**
   * The paths of a {@code repo.preload} call, each checked: a null path is a mistake worth naming,
   * where {@code List.of} would throw a bare NullPointerException.
   */
  @SafeVarargs
  static <P> List<Preloadable<P>> paths(Preloadable<P>... paths) {
    if (paths == null) {
      throw new IllegalArgumentException("repo.preload was given a null array of preload paths;"
          + " name the associations to load, e.g. repo.preload(posts, Posts.AUTHOR)");
    }
    for (int i = 0; i < paths.length; i++) {
      if (paths[i] == null) {
        throw new IllegalArgumentException("preload path " + (i + 1) + " of " + paths.length + " is null;"
            + " name an association, e.g. Posts.AUTHOR or Posts.COMMENTS.then(Comments.USER)");
      }
    }
    return List.of(paths);
  }

  /**
   * The parents with {@code paths} loaded, in order. Null parents stay null in their places, as
   * in Ecto, and are not looked at.
   */
  <P> List<P> preload(List<P> parents, List<? extends Preloadable<P>> paths) {
    List<P> present = new ArrayList<>(parents.size());
    for (P parent : parents) {
      if (parent != null) {
        present.add(parent);
      }
    }
    List<P> result = present;
    for (Preloadable<P> path : paths) {
      result = load(result, path.preload());
    }
    return present.size() == parents.size() ? result : withNulls(parents, result);
  }

  /** {@code loaded} (the non-null parents, loaded) put back in the places of {@code parents}. */
  private static <P> List<P> withNulls(List<P> parents, List<P> loaded) {
    List<P> result = new ArrayList<>(parents.size());
    Iterator<P> next = loaded.iterator();
    for (P parent : parents) {
      result.add(parent == null ? null : next.next());
    }
    return result;
  }

  private <P, C> List<P> load(List<P> parents, Preload<P, C> preload) {
    if (parents.isEmpty()) {
      return parents;
    }
    Association<P, C> association = preload.association();
    if (association.isThrough()) {
      return loadThrough(parents, preload);
    }
    boolean allLoaded = parents.stream().allMatch(association::isLoaded);
    if (allLoaded && !preload.isForced()) {
      return loadNestedOnly(parents, preload);
    }
    Map<Object, List<C>> children = association instanceof ManyToManyAssociation<P, C, ?, ?> manyToMany
        ? throughJoinTable(parents, manyToMany, preload)
        : byForeignKey(parents, preload);
    Field<P, ?> ownerKey = association.ownerField();
    List<P> result = new ArrayList<>(parents.size());
    for (P parent : parents) {
      Object key = ownerKey.get(parent);
      result.add(SLOTS.put(association, parent, key == null ? List.of() : children.getOrDefault(key, List.of())));
    }
    return result;
  }

  /**
   * A {@code through} association: preloads its path (which stays loaded on the structs, as in
   * Ecto), then gathers each parent's distinct structs at the end of the path into the slot.
   */
  private <P, C> List<P> loadThrough(List<P> parents, Preload<P, C> preload) {
    Association<P, C> association = preload.association();
    List<Association<?, ?>> path = association.throughPath();
    List<P> loaded = preload(parents, List.of(pathPreload(path, 0, preload.query())));
    List<P> result = new ArrayList<>(loaded.size());
    for (P parent : loaded) {
      List<Object> ends = new ArrayList<>(List.of(parent));
      for (Association<?, ?> link : path) {
        List<Object> next = new ArrayList<>();
        for (Object owner : ends) {
          next.addAll(childrenOf(link, owner));
        }
        ends = next;
      }
      result.add(SLOTS.put(association, parent, distinct(association.related(), ends)));
    }
    return preload.nested().isEmpty() ? result : loadNestedOnly(result, preload);
  }

  /** The path from link {@code from} on as nested preloads; a custom query refines the last link. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static <P> Preloadable<P> pathPreload(List<Association<?, ?>> path, int from, UnaryOperator<?> refine) {
    Association link = path.get(from);
    if (from < path.size() - 1) {
      return link.then(pathPreload(path, from + 1, refine));
    }
    return refine == null ? link : link.query((UnaryOperator) refine);
  }

  @SuppressWarnings("unchecked")
  private static <O> List<?> childrenOf(Association<O, ?> link, Object owner) {
    return SLOTS.children(link, (O) owner);
  }

  @SuppressWarnings("unchecked")
  private static <C> List<C> distinct(Table<C> table, List<Object> structs) {
    Map<Object, C> byKey = new LinkedHashMap<>();
    Field<C, ?> key = table.primaryKey().orElse(null);
    for (Object struct : structs) {
      C typed = (C) struct;
      byKey.putIfAbsent(key == null ? typed : key.get(typed), typed);
    }
    return new ArrayList<>(byKey.values());
  }

  /** Where every parent has the slot loaded: only the nested paths need loading, on those children. */
  private <P, C> List<P> loadNestedOnly(List<P> parents, Preload<P, C> preload) {
    if (preload.nested().isEmpty()) {
      return parents;
    }
    Association<P, C> association = preload.association();
    List<C> all = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    for (P parent : parents) {
      List<C> children = SLOTS.children(association, parent);
      all.addAll(children);
      sizes.add(children.size());
    }
    List<C> loaded = preload(all, preload.nested());
    List<P> result = new ArrayList<>(parents.size());
    int offset = 0;
    for (int i = 0; i < parents.size(); i++) {
      result.add(SLOTS.put(association, parents.get(i), loaded.subList(offset, offset + sizes.get(i))));
      offset += sizes.get(i);
    }
    return result;
  }

  /** Children grouped by the related field's value; one query for all parents. */
  private <P, C> Map<Object, List<C>> byForeignKey(List<P> parents, Preload<P, C> preload) {
    Association<P, C> association = preload.association();
    Set<Object> keys = distinctKeys(parents, association.ownerField());
    if (keys.isEmpty()) {
      return Map.of();
    }
    Field<C, ?> relatedKey = association.relatedField();
    List<C> children = preload(preload.limitPerParent() > 0
        ? perParent(preload, relatedKey.type(), keys)
        : repo.all(refined(preload, Query.from(association.related()).where(SQL.ownedByAny(association, keys)))),
        preload.nested());
    Map<Object, List<C>> grouped = new LinkedHashMap<>();
    for (C child : children) {
      grouped.computeIfAbsent(relatedKey.get(child), k -> new ArrayList<>()).add(child);
    }
    return grouped;
  }

  /**
   * The children's query with the association's scope and the preload's own refinement. A
   * to-many association's refinement may not combine queries ({@code union} and its siblings):
   * the parents' keys filter only its first operand, as in Ecto, which refuses it with these words.
   */
  private static <C> Query<C> refined(Preload<?, C> preload, Query<C> query) {
    Query<C> ordered = SLOTS.scoped(preload.association(), query);
    if (preload.query() == null) {
      return ordered;
    }
    Query<C> refined = preload.query().apply(ordered);
    String kind = refined == null ? null : SQL.combination(refined);
    if (kind != null && !preload.association().kind().isToOne()) {
      throw new IllegalArgumentException("`" + kind + "` queries must be wrapped inside of a subquery when"
          + " preloading a `has_many` or `many_to_many` association (" + preload.association() + "), e.g."
          + " q -> Query.from(q." + javaName(kind) + "(other)). You must also ensure that all members of the `"
          + kind + "` query select the parent's foreign key; in query:\n\n" + refined);
    }
    return refined;
  }

  /** {@code union_all} as its Query method, {@code unionAll}. */
  private static String javaName(String kind) {
    int underscore = kind.indexOf('_');
    return underscore < 0 ? kind
        : kind.substring(0, underscore) + Character.toUpperCase(kind.charAt(underscore + 1)) + kind.substring(underscore + 2);
  }

  /** The first children of each parent, in the refined order: one LATERAL statement over the keys. */
  private <P, C, K> List<C> perParent(Preload<P, C> preload, FieldType<K> keyType, Set<Object> keys) {
    Query<C> each = oneParentsChildren(preload, keyType);
    return executor.read(SQL.lateral(each, keyType, typed(keyType, keys)), SQL.reader(each));
  }

  /** The refined, limited query of one parent's children, correlated to the lateral's parent key. */
  private static <P, C, K> Query<C> oneParentsChildren(Preload<P, C> preload, FieldType<K> keyType) {
    Association<P, C> association = preload.association();
    return refined(preload, Query.from(association.related())
        .where(SQL.ownedBy(association, SQL.parentKey(keyType)))).limit(preload.limitPerParent());
  }

  /** A related row and the owner key of the join row that reached it. */
  private record Linked<C>(Object ownerKey, C row) {}

  /**
   * The related rows through the join table, in one statement: each related row with the owner key
   * of the join row that reached it. A refined query takes two: the join rows, then the rows.
   */
  private <P, C, K> Map<Object, List<C>> throughJoinTable(List<P> parents, ManyToManyAssociation<P, C, K, ?> association,
      Preload<P, C> preload) {
    Field<P, K> ownerKey = association.ownerField();
    Set<Object> keys = distinctKeys(parents, ownerKey);
    if (keys.isEmpty()) {
      return Map.of();
    }
    List<K> typedKeys = typed(ownerKey.type(), keys);
    List<Linked<C>> linked = preload.limitPerParent() > 0
        ? perParentJoined(preload, ownerKey.type(), typedKeys)
        : preload.query() == null
            ? joinedRows(association, typedKeys)
            : refinedJoinedRows(association, preload, typedKeys);
    List<C> children = preload(linked.stream().map(Linked::row).toList(), preload.nested());
    Map<Object, List<C>> grouped = new LinkedHashMap<>();
    for (int i = 0; i < linked.size(); i++) {
      grouped.computeIfAbsent(linked.get(i).ownerKey(), k -> new ArrayList<>()).add(children.get(i));
    }
    return grouped;
  }

  private <P, C, K> List<Linked<C>> joinedRows(ManyToManyAssociation<P, C, K, ?> association, List<K> keys) {
    Table<C> related = association.related();
    FieldType<K> keyType = association.ownerField().type();
    int ownerColumn = related.fields().size() + 1;
    return executor.read(SQL.joinedRows(association, keys),
        row -> new Linked<>(keyType.read(row, ownerColumn), related.fromRow(row, 0)));
  }

  private <P, C, K, R> List<Linked<C>> refinedJoinedRows(ManyToManyAssociation<P, C, K, R> association,
      Preload<P, C> preload, List<K> keys) {
    FieldType<K> ownerType = association.ownerField().type();
    Field<C, R> relatedKey = association.relatedField();
    List<Linked<R>> links = executor.read(SQL.joinRows(association, keys),
        row -> new Linked<>(ownerType.read(row, 1), relatedKey.type().read(row, 2)));
    if (links.isEmpty()) {
      return List.of();
    }
    Set<R> relatedKeys = new LinkedHashSet<>();
    links.forEach(link -> relatedKeys.add(link.row()));
    List<C> rows = repo.all(refined(preload, Query.from(association.related()).where(relatedKey.in(relatedKeys))));
    List<Linked<C>> pairs = new ArrayList<>();
    for (C row : rows) {
      R key = relatedKey.get(row);
      for (Linked<R> link : links) {
        if (link.row().equals(key)) {
          pairs.add(new Linked<>(link.ownerKey(), row));
        }
      }
    }
    return pairs;
  }

  /**
   * The first related rows of each owner through the join table, in the refined order: one LATERAL
   * statement whose rows end with the owner's key.
   */
  private <P, C, K> List<Linked<C>> perParentJoined(Preload<P, C> preload, FieldType<K> keyType, List<K> keys) {
    Query<C> each = oneParentsChildren(preload, keyType);
    RowReader<C> child = SQL.reader(each);
    return executor.read(SQL.lateralWithParentKey(each, keyType, keys),
        row -> new Linked<>(keyType.read(row, row.getMetaData().getColumnCount()), child.read(row)));
  }

  private static <P> Set<Object> distinctKeys(List<P> parents, Field<P, ?> key) {
    Set<Object> keys = new LinkedHashSet<>();
    for (P parent : parents) {
      Object value = key.get(parent);
      if (value != null) {
        keys.add(value);
      }
    }
    return keys;
  }

  /** The keys as values of the key's type, for binding as one array. */
  private static <K> List<K> typed(FieldType<K> type, Set<Object> keys) {
    List<K> typed = new ArrayList<>(keys.size());
    for (Object key : keys) {
      typed.add(type.javaType().cast(key));
    }
    return typed;
  }
}
