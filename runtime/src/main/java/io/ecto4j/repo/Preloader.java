package io.ecto4j.repo;

import io.ecto4j.meta.Association;
import io.ecto4j.meta.Field;
import io.ecto4j.meta.Preload;
import io.ecto4j.meta.Preloadable;
import io.ecto4j.meta.Table;
import io.ecto4j.query.PerParent;
import io.ecto4j.query.Query;
import io.ecto4j.query.RowReader;
import io.ecto4j.type.Types;
import java.util.ArrayList;
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
  private final Repo repo;
  private final Executor executor;

  Preloader(Repo repo, Executor executor) {
    this.repo = repo;
    this.executor = executor;
  }

  <P> List<P> preload(List<P> parents, List<? extends Preloadable<P>> paths) {
    List<P> result = parents;
    for (Preloadable<P> path : paths) {
      result = load(result, path.preload());
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
    Map<Object, List<C>> children = switch (association.kind()) {
      case BELONGS_TO, HAS_ONE, HAS_MANY -> byForeignKey(parents, preload);
      case MANY_TO_MANY -> throughJoinTable(parents, preload);
    };
    Field<P, ?> ownerKey = association.owner().fieldForColumn(association.ownerKey());
    List<P> result = new ArrayList<>(parents.size());
    for (P parent : parents) {
      Object key = ownerKey.get(parent);
      result.add(association.put(parent, key == null ? List.of() : children.getOrDefault(key, List.of())));
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
      result.add(association.put(parent, distinct(association.related(), ends)));
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
    return link.children((O) owner);
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
      List<C> children = association.children(parent);
      all.addAll(children);
      sizes.add(children.size());
    }
    List<C> loaded = preload(all, preload.nested());
    List<P> result = new ArrayList<>(parents.size());
    int offset = 0;
    for (int i = 0; i < parents.size(); i++) {
      result.add(association.put(parents.get(i), loaded.subList(offset, offset + sizes.get(i))));
      offset += sizes.get(i);
    }
    return result;
  }

  /** Children grouped by the related column's value; one query for all parents. */
  private <P, C> Map<Object, List<C>> byForeignKey(List<P> parents, Preload<P, C> preload) {
    Association<P, C> association = preload.association();
    Set<Object> keys = distinctKeys(parents, association.owner().fieldForColumn(association.ownerKey()));
    if (keys.isEmpty()) {
      return Map.of();
    }
    Table<C> related = association.related();
    Field<C, ?> relatedKey = related.fieldForColumn(association.relatedKey());
    List<C> children = preload(preload.limitPerParent() > 0
        ? perParent(preload, relatedKey, keys)
        : repo.all(refined(preload, Query.from(related).where(in(relatedKey, keys)))), preload.nested());
    Map<Object, List<C>> grouped = new LinkedHashMap<>();
    for (C child : children) {
      grouped.computeIfAbsent(relatedKey.get(child), k -> new ArrayList<>()).add(child);
    }
    return grouped;
  }

  private static <C> Query<C> refined(Preload<?, C> preload, Query<C> query) {
    Query<C> ordered = preload.association().ordered(preload.association().filtered(query));
    return preload.query() == null ? ordered : preload.query().apply(ordered);
  }

  /** The first children of each parent, in the refined order: one LATERAL statement over the keys. */
  private <P, C, V> List<C> perParent(Preload<P, C> preload, Field<C, V> relatedKey, Set<Object> keys) {
    Query<C> each = refined(preload, Query.from(preload.association().related())
        .where(relatedKey.eq(PerParent.parentKey(relatedKey.type())))).limit(preload.limitPerParent());
    List<V> typed = new ArrayList<>(keys.size());
    keys.forEach(key -> typed.add(relatedKey.castValue(key)));
    return executor.read(PerParent.lateral(each, relatedKey.type(), typed), each.reader());
  }

  /**
   * The related rows through the join table, in one statement: each related row with the owner key
   * of the join row that reached it. A refined query takes two: the join rows, then the rows.
   */
  private <P, C> Map<Object, List<C>> throughJoinTable(List<P> parents, Preload<P, C> preload) {
    Association<P, C> association = preload.association();
    Field<P, ?> ownerKey = association.owner().fieldForColumn(association.ownerKey());
    Set<Object> keys = distinctKeys(parents, ownerKey);
    if (keys.isEmpty()) {
      return Map.of();
    }
    Table<C> related = association.related();
    Field<C, ?> relatedKey = related.fieldForColumn(association.relatedKey());
    List<Map.Entry<Object, C>> pairs = preload.limitPerParent() > 0
        ? perParentJoined(preload, ownerKey, keys)
        : preload.query() == null
            ? joinedRows(association, ownerKey, keys)
            : refinedJoinedRows(association, preload, ownerKey, relatedKey, keys);
    List<C> children = preload(pairs.stream().map(Map.Entry::getValue).toList(), preload.nested());
    Map<Object, List<C>> grouped = new LinkedHashMap<>();
    for (int i = 0; i < pairs.size(); i++) {
      grouped.computeIfAbsent(pairs.get(i).getKey(), k -> new ArrayList<>()).add(children.get(i));
    }
    return grouped;
  }

  private <P, C> List<Map.Entry<Object, C>> joinedRows(Association<P, C> association, Field<P, ?> ownerKey,
      Set<Object> keys) {
    Table<C> related = association.related();
    String join = quote(association.joinTable().orElseThrow());
    StringBuilder sql = new StringBuilder("SELECT ");
    for (Field<C, ?> field : related.fields()) {
      sql.append("r.").append(quote(field.column())).append(", ");
    }
    sql.append("j.").append(quote(association.joinOwnerKey().orElseThrow()))
        .append(" FROM ").append(quote(related.name())).append(" AS r JOIN ").append(join).append(" AS j ON j.")
        .append(quote(association.joinRelatedKey().orElseThrow())).append(" = r.").append(quote(association.relatedKey()))
        .append(" WHERE j.").append(quote(association.joinOwnerKey().orElseThrow())).append(" = ANY(?)");
    String by = " ORDER BY ";
    for (Map.Entry<String, Boolean> term : association.preloadOrder()) {
      sql.append(by).append("r.").append(quote(term.getKey())).append(term.getValue() ? " DESC" : " ASC");
      by = ", ";
    }
    int ownerColumn = related.fields().size() + 1;
    return executor.read(sql.toString(), statement -> bindKeys(statement, ownerKey, keys),
        row -> Map.entry(ownerKey.type().read(row, ownerColumn), related.fromRow(row, 0)));
  }

  private <P, C> List<Map.Entry<Object, C>> refinedJoinedRows(Association<P, C> association, Preload<P, C> preload,
      Field<P, ?> ownerKey, Field<C, ?> relatedKey, Set<Object> keys) {
    String sql = "SELECT " + quote(association.joinOwnerKey().orElseThrow()) + ", "
        + quote(association.joinRelatedKey().orElseThrow()) + " FROM " + quote(association.joinTable().orElseThrow())
        + " WHERE " + quote(association.joinOwnerKey().orElseThrow()) + " = ANY(?)";
    List<Map.Entry<Object, Object>> links = executor.read(sql, statement -> bindKeys(statement, ownerKey, keys),
        row -> Map.entry(ownerKey.type().read(row, 1), relatedKey.type().read(row, 2)));
    if (links.isEmpty()) {
      return List.of();
    }
    Set<Object> relatedKeys = new LinkedHashSet<>();
    links.forEach(link -> relatedKeys.add(link.getValue()));
    List<C> rows = repo.all(refined(preload, Query.from(association.related()).where(in(relatedKey, relatedKeys))));
    List<Map.Entry<Object, C>> pairs = new ArrayList<>();
    for (C row : rows) {
      Object key = relatedKey.get(row);
      for (Map.Entry<Object, Object> link : links) {
        if (link.getValue().equals(key)) {
          pairs.add(Map.entry(link.getKey(), row));
        }
      }
    }
    return pairs;
  }

  /**
   * The first related rows of each owner through the join table, in the refined order: one LATERAL
   * statement whose rows end with the owner's key.
   */
  private <P, C, K> List<Map.Entry<Object, C>> perParentJoined(Preload<P, C> preload, Field<P, K> ownerKey,
      Set<Object> keys) {
    Association<P, C> association = preload.association();
    Query<C> each = refined(preload, Query.from(association.related())
        .where(association.linkedTo(PerParent.parentKey(ownerKey.type())))).limit(preload.limitPerParent());
    List<K> typed = new ArrayList<>(keys.size());
    keys.forEach(key -> typed.add(ownerKey.castValue(key)));
    RowReader<C> child = each.reader();
    return executor.read(PerParent.lateralWithParentKey(each, ownerKey.type(), typed),
        row -> Map.entry(ownerKey.type().read(row, row.getMetaData().getColumnCount()), child.read(row)));
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

  private static <C, V> io.ecto4j.query.Condition in(Field<C, V> field, Set<Object> keys) {
    List<V> typed = new ArrayList<>(keys.size());
    for (Object key : keys) {
      typed.add(field.castValue(key));
    }
    return field.in(typed);
  }

  private static <P, V> void bindKeys(java.sql.PreparedStatement statement, Field<P, V> key, Set<Object> keys)
      throws java.sql.SQLException {
    List<V> typed = new ArrayList<>(keys.size());
    for (Object value : keys) {
      typed.add(key.castValue(value));
    }
    Types.list(key.type()).bind(statement, 1, typed);
  }

  private static String quote(String identifier) {
    return '"' + identifier + '"';
  }
}
