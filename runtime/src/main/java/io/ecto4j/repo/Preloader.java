package io.ecto4j.repo;

import io.ecto4j.internal.AssociationInternals;
import io.ecto4j.internal.Internals;
import io.ecto4j.internal.QueryInternals;
import io.ecto4j.meta.Association;
import io.ecto4j.meta.Embed;
import io.ecto4j.meta.EmbedPreload;
import io.ecto4j.meta.Field;
import io.ecto4j.meta.PrimaryKeyValue;
import io.ecto4j.meta.ManyToManyAssociation;
import io.ecto4j.meta.Preload;
import io.ecto4j.meta.Preloadable;
import io.ecto4j.meta.Struct;
import io.ecto4j.meta.Table;
import io.ecto4j.query.Query;
import io.ecto4j.query.RowReader;
import io.ecto4j.query.Tuple2;
import io.ecto4j.type.FieldType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ecto's separate-query preloading: one statement per association per level, keyed by
 * {@code = ANY(?)} over the distinct keys of all the parents at once, so that preloading never
 * runs a statement per parent. Children are stitched back onto immutable parents, in input order.
 */
final class Preloader {
  private static final QueryInternals SQL = Internals.query();
  private static final AssociationInternals SLOTS = Internals.association();
  private static final Logger LOG = LoggerFactory.getLogger(Preloader.class);

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
    // Ecto's preload_prefix: children are read in the prefix the (first) parent came from.
    return preloadIn(prefixOf(parents), parents, paths);
  }

  /**
   * {@link #preload} with the children read in {@code prefix} (null: this preloader's), Ecto's
   * {@code prefix:} option of {@code Repo.preload/3}, which wins over the parents' own prefix.
   */
  <P> List<P> preloadIn(String prefix, List<P> parents, List<? extends Preloadable<P>> paths) {
    // One connection for all the call's statements, as JDBC code would take (see ReadSession).
    return executor.readSession(() -> {
      if (prefix != null && !prefix.equals(executor.prefix())) {
        return repo.withPrefix(prefix).preloader().preloadHere(parents, paths);
      }
      return preloadHere(parents, paths);
    });
  }

  private <P> List<P> preloadHere(List<P> parents, List<? extends Preloadable<P>> paths) {
    List<P> present = new ArrayList<>(parents.size());
    for (P parent : parents) {
      if (parent != null) {
        present.add(parent);
      }
    }
    List<P> result = present;
    for (Preloadable<P> path : paths) {
      result = loadPath(result, path);
    }
    return present.size() == parents.size() ? result : withNulls(parents, result);
  }

  /** The prefix of the first parent that is a struct, from its metadata; null for none. */
  private static String prefixOf(List<?> parents) {
    for (Object parent : parents) {
      if (parent != null) {
        return parent instanceof Struct<?> struct ? struct.meta().prefix() : null;
      }
    }
    return null;
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

  /** One path: an association (bare or refined), or a path through an embed. */
  private <P> List<P> loadPath(List<P> parents, Preloadable<P> path) {
    if (path instanceof EmbedPreload<P, ?> embedded) {
      return loadEmbedded(parents, embedded);
    }
    Preload<P, ?> preload = path instanceof Association<P, ?> association
        ? association.preload() : (Preload<P, ?>) path;
    return load(parents, preload);
  }

  /**
   * Ecto's {@code preload_embeds}: the paths below the embed loaded onto the embedded structs of
   * all the parents at once, so one query per association whatever the number of parents; each
   * parent gets its structs back, and one without any keeps its null or empty value.
   */
  private <P, E extends Struct<E>> List<P> loadEmbedded(List<P> parents, EmbedPreload<P, E> path) {
    Embed<P, ?, E> embed = path.embed();
    return loadBelow(parents, embed::structs, path.nested(), (parent, structs) -> withStructs(embed, parent, structs));
  }

  private static <P, V, E extends Struct<E>> P withStructs(Embed<P, V, E> embed, P parent, List<E> structs) {
    return embed.set(parent, embed.valueOf(structs));
  }

  private <P, C> List<P> load(List<P> parents, Preload<P, C> preload) {
    if (parents.isEmpty()) {
      return parents;
    }
    Association<P, C> association = preload.association();
    boolean force = preload.isForced();
    if (association.isThrough()) {
      // Loaded slots are not loaded again, as for the other kinds: the path stays as it was.
      return !force && parents.stream().allMatch(association::isLoaded) ? loadNestedOnly(parents, preload)
          : loadThrough(parents, preload);
    }
    if (!force) {
      warnOfLoadedWithoutKey(parents, association);
    }
    List<P> unloaded = force ? parents : parents.stream().filter(p -> !association.isLoaded(p)).toList();
    if (unloaded.isEmpty()) {
      return loadNestedOnly(parents, preload);
    }
    Map<Object, List<C>> children = fetch(unloaded, preload);
    Field<P, ?> ownerKey = association.ownerField();
    List<P> result = new ArrayList<>(parents.size());
    for (P parent : parents) {
      if (!force && association.isLoaded(parent)) {
        result.add(parent);
        continue;
      }
      Object key = ownerKey.get(parent);
      result.add(SLOTS.put(association, parent, key == null ? List.of() : children.getOrDefault(key, List.of())));
    }
    return loadNestedOnly(result, preload);
  }

  /**
   * Ecto's warning for structs whose slot holds a value but whose key is null: the value is kept
   * (loaded slots are skipped), which is rarely what was meant. Once per preload, not per struct.
   */
  private static <P> void warnOfLoadedWithoutKey(List<P> parents, Association<P, ?> association) {
    int count = 0;
    for (P parent : parents) {
      if (association.isLoaded(parent) && association.ownerField().get(parent) == null
          && !SLOTS.children(association, parent).isEmpty()) {
        count++;
      }
    }
    if (count > 0 && LOG.isWarnEnabled()) {
      String owner = association.owner().schemaName();
      LOG.warn("association `{}` for `{}` has a loaded value but its association key `{}` is null ({} of {}"
          + " structs). This usually means one of:\n\n  * `{}` was not selected in a query\n  * the struct was"
          + " set with default values for `{}` which now you want to override\n\nIf this is intentional,"
          + " preload {}.force() to disable this warning", association.name(), owner, association.ownerKey(), count,
          parents.size(), association.ownerKey(), association.name(), association);
    }
  }

  /**
   * A {@code through} association: preloads its path (which stays loaded on the structs, as in
   * Ecto), then gathers each parent's distinct structs at the end of the path into the slot.
   */
  private <P, C> List<P> loadThrough(List<P> parents, Preload<P, C> preload) {
    Association<P, C> association = preload.association();
    List<Association<?, ?>> path = association.throughPath();
    List<P> loaded = preload(parents, List.of(pathPreload(path, 0, preload)));
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
      result.add(SLOTS.put(association, parent, distinct(association, ends)));
    }
    return preload.nested().isEmpty() ? result : loadNestedOnly(result, preload);
  }

  /**
   * The path from link {@code from} on as nested preloads; the through preload's custom query and
   * {@code take} refine the last link.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static <P> Preloadable<P> pathPreload(List<Association<?, ?>> path, int from, Preload<?, ?> through) {
    Association link = path.get(from);
    if (from < path.size() - 1) {
      return link.then(pathPreload(path, from + 1, through));
    }
    Preload last = link.preload();
    if (through.query() != null) {
      last = last.query((UnaryOperator) through.query());
    }
    List<Field<?, ?>> taken = (List) SLOTS.taken(through);
    return taken.isEmpty() ? last : last.take(taken.toArray(Field[]::new));
  }

  @SuppressWarnings("unchecked")
  private static <O> List<?> childrenOf(Association<O, ?> link, Object owner) {
    return SLOTS.children(link, (O) owner);
  }

  /**
   * The structs at the end of a through path, each once by its primary key; Ecto's error when a
   * select or {@code take} left the key out, as they cannot be told apart then.
   */
  @SuppressWarnings("unchecked")
  private static <C> List<C> distinct(Association<?, C> association, List<Object> structs) {
    Map<Object, C> byKey = new LinkedHashMap<>();
    Table<C> related = association.related();
    for (Object struct : structs) {
      C typed = (C) struct;
      PrimaryKeyValue<C> key = PrimaryKeyValue.from(related, typed);
      Object id = key.values().isEmpty() ? typed : key;
      Optional<Field<C, ?>> missing = key.missing();
      if (missing.isPresent()) {
        throw new IllegalArgumentException("cannot gather " + association + " through " + association.throughPath()
            + ": Ecto expected a map/struct with the key `" + missing.get().column() + "` but got: " + typed
            + "; a take(…) or select of the path's last link must keep " + missing.get());
      }
      byKey.putIfAbsent(id, typed);
    }
    return new ArrayList<>(byKey.values());
  }

  /** Where every parent has the slot loaded: only the nested paths need loading, on those children. */
  private <P, C> List<P> loadNestedOnly(List<P> parents, Preload<P, C> preload) {
    if (preload.nested().isEmpty()) {
      return parents;
    }
    Association<P, C> association = preload.association();
    return loadBelow(parents, parent -> SLOTS.children(association, parent), preload.nested(),
        (parent, children) -> SLOTS.put(association, parent, children));
  }

  /**
   * {@code nested} loaded onto the children of all the parents together (a slot's or an embed's),
   * each parent then given its own back through {@code put}; a parent without children is kept.
   */
  private <P, C> List<P> loadBelow(List<P> parents, Function<P, List<C>> children, List<Preloadable<C>> nested,
      BiFunction<P, List<C>, P> put) {
    List<C> all = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>(parents.size());
    for (P parent : parents) {
      List<C> own = children.apply(parent);
      all.addAll(own);
      sizes.add(own.size());
    }
    if (all.isEmpty()) {
      return parents;
    }
    List<C> loaded = preload(all, nested);
    List<P> result = new ArrayList<>(parents.size());
    int offset = 0;
    for (int i = 0; i < parents.size(); i++) {
      int size = sizes.get(i);
      result.add(size == 0 ? parents.get(i) : put.apply(parents.get(i), loaded.subList(offset, offset + size)));
      offset += size;
    }
    return result;
  }

  /** A child and the key of the parent it belongs to. */
  private record Linked<C>(Object ownerKey, C row) {}

  /**
   * The children of {@code parents} grouped by their parent's key, in one statement (two for a
   * many-to-many with a custom query), or through the caller's function.
   */
  private <P, C> Map<Object, List<C>> fetch(List<P> parents, Preload<P, C> preload) {
    Association<P, C> association = preload.association();
    Set<Object> keys = distinctKeys(parents, association.ownerField());
    if (keys.isEmpty()) {
      return Map.of();
    }
    Function<List<?>, List<Tuple2<Object, C>>> loader = SLOTS.loader(preload);
    List<Linked<C>> linked;
    if (loader != null) {
      linked = loader.apply(List.copyOf(keys)).stream().map(e -> new Linked<>(e.first(), e.second())).toList();
    } else if (preload.limitPerParent() > 0 || selectsOwnColumns(preload)) {
      linked = perParent(preload, association.ownerField().type(), keys);
    } else if (association instanceof ManyToManyAssociation<P, C, ?, ?> manyToMany) {
      linked = throughJoinTable(manyToMany, preload, keys);
    } else {
      Field<C, ?> relatedKey = association.relatedField();
      List<C> children = repo.all(refined(preload, Query.from(association.related())
          .where(SQL.ownedByAny(association, keys))));
      linked = children.stream().map(child -> new Linked<>(relatedKey.get(child), child)).toList();
    }
    Map<Object, List<C>> grouped = new LinkedHashMap<>();
    for (Linked<C> link : linked) {
      grouped.computeIfAbsent(link.ownerKey(), k -> new ArrayList<>()).add(link.row());
    }
    return grouped;
  }

  /**
   * Whether the preload reads other columns than its children's whole rows ({@code take}, or a
   * select of its custom query), which need not hold the parent's key: then it runs per parent
   * key, which the rows carry beside the selection, as Ecto selects {@code {parent_key, select}}.
   */
  private static <C> boolean selectsOwnColumns(Preload<?, C> preload) {
    if (!SLOTS.taken(preload).isEmpty()) {
      return true;
    }
    return preload.query() != null
        && !SQL.selectsWholeStructs(refined(preload, Query.from(preload.association().related())));
  }

  /**
   * The children's query with the association's scope and the preload's own refinement. A
   * to-many association's refinement may not combine queries ({@code union} and its siblings):
   * the parents' keys filter only its first operand, as in Ecto, which refuses it with these words.
   */
  private static <C> Query<C> refined(Preload<?, C> preload, Query<C> query) {
    Query<C> refined = SLOTS.scoped(preload, query);
    if (preload.query() == null) {
      return refined;
    }
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

  /**
   * The children of each parent key in one LATERAL statement whose rows end with the parent's key:
   * the first few per parent ({@code limitPerParent}), or children read without their foreign key
   * ({@code take}, a custom select).
   */
  private <P, C, K> List<Linked<C>> perParent(Preload<P, C> preload, FieldType<K> keyType, Set<Object> keys) {
    Association<P, C> association = preload.association();
    Query<C> each = refined(preload, Query.from(association.related())
        .where(SQL.ownedBy(association, SQL.parentKey(keyType))));
    if (preload.limitPerParent() > 0) {
      each = each.limit(preload.limitPerParent());
    }
    List<Field<C, ?>> taken = SLOTS.taken(preload);
    if (taken.isEmpty()) {
      return lateral(each, keyType, typed(keyType, keys));
    }
    if (!SQL.selectsWholeStructs(each)) {
      throw new IllegalArgumentException("take(…) of " + association + " cannot be combined with a select of its"
          + " custom query; select the fields in the query, or take them, not both");
    }
    Map<String, Field<C, ?>> columns = new LinkedHashMap<>();
    taken.forEach(field -> columns.put(field.name(), field));
    Table<C> table = association.related();
    return lateral(each.select(columns), keyType, typed(keyType, keys)).stream()
        .map(link -> new Linked<>(link.ownerKey(), partial(table, taken, link.row()))).toList();
  }

  private <X, K> List<Linked<X>> lateral(Query<X> each, FieldType<K> keyType, List<K> keys) {
    RowReader<X> child = SQL.reader(each);
    return executor.read(SQL.lateralWithParentKey(each, keyType, keys),
        row -> new Linked<>(keyType.read(row, row.getMetaData().getColumnCount()), child.read(row)));
  }

  /** A new struct holding the taken fields of one row. */
  private static <C> C partial(Table<C> table, List<Field<C, ?>> taken, Map<String, Object> row) {
    C struct = table.newStruct();
    for (Field<C, ?> field : taken) {
      struct = withValue(struct, field, row.get(field.name()));
    }
    return struct;
  }

  @SuppressWarnings("unchecked")
  private static <C, V> C withValue(C struct, Field<C, V> field, Object value) {
    return field.set(struct, (V) value);
  }

  /**
   * The related rows through the join table, in one statement: each related row with the owner key
   * of the join row that reached it. A refined query takes two: the join rows, then the rows.
   */
  private <P, C, K> List<Linked<C>> throughJoinTable(ManyToManyAssociation<P, C, K, ?> association,
      Preload<P, C> preload, Set<Object> keys) {
    List<K> typedKeys = typed(association.ownerField().type(), keys);
    return preload.query() == null
        ? joinedRows(association, typedKeys)
        : refinedJoinedRows(association, preload, typedKeys);
  }

  /**
   * Through the repo, as Ecto's preloader runs its queries: the {@code prepareQuery} hook sees the
   * query of the related schema joined to the join table, as {@code ALL}.
   */
  private <P, C, K> List<Linked<C>> joinedRows(ManyToManyAssociation<P, C, K, ?> association, List<K> keys) {
    List<Linked<C>> pairs = new ArrayList<>();
    for (Tuple2<C, K> row : repo.all(SQL.joinedRows(association, keys))) {
      pairs.add(new Linked<>(row.second(), row.first()));
    }
    return pairs;
  }

  /** The join rows (a query of the join table by name, which the hook sees too), then the refined query. */
  private <P, C, K, R> List<Linked<C>> refinedJoinedRows(ManyToManyAssociation<P, C, K, R> association,
      Preload<P, C> preload, List<K> keys) {
    Field<C, R> relatedKey = association.relatedField();
    List<Linked<R>> links = new ArrayList<>();
    for (Tuple2<K, R> row : repo.all(SQL.joinRows(association, keys))) {
      links.add(new Linked<>(row.first(), row.second()));
    }
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
