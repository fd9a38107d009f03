package io.ecto4j.internal;

import io.ecto4j.meta.Association;
import io.ecto4j.meta.Field;
import io.ecto4j.meta.ManyToManyAssociation;
import io.ecto4j.meta.Preloadable;
import io.ecto4j.meta.Table;
import io.ecto4j.query.Aggregate;
import io.ecto4j.query.Condition;
import io.ecto4j.query.Explain;
import io.ecto4j.query.Expression;
import io.ecto4j.query.OnConflict;
import io.ecto4j.query.Query;
import io.ecto4j.query.RowReader;
import io.ecto4j.query.Sql;
import io.ecto4j.query.Tuple2;
import io.ecto4j.query.Update;
import io.ecto4j.type.FieldType;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What the repo asks of the {@code query} package, the only package that writes SQL: how a query's
 * rows are read and stitched, the statements of each repo operation, the CRUD statements of a
 * table, and how an association's rows meet its owner's. Each method is documented where it is
 * implemented, in {@code io.ecto4j.query}.
 */
public interface QueryInternals {
  // ---------------------------------------------------------------- a query's rows

  /** The separate-query preloads, in order; the repo runs them after the main statement. */
  <T> List<Preloadable<T>> preloads(Query<T> query);

  /** The rows as read, folded to one struct per parent if the query join-preloads. */
  <T> List<T> assemble(Query<T> query, List<T> rows);

  /** How the query's rows are read, by column position. */
  <T> RowReader<T> reader(Query<T> query);

  /** Ecto's name of the query's first combination ({@code union}, {@code except_all}, …), or null. */
  String combination(Query<?> query);

  /** Whether the query join-preloads, folding each parent's rows into one struct. */
  boolean joinPreloads(Query<?> query);

  /** The query's own prefix ({@code query.prefix(…)}), or null: the prefix its structs are loaded in. */
  String prefix(Query<?> query);

  /**
   * The table the query's structs are read from when it is not their schema's own
   * ({@code Query.from("other_posts", Posts.SCHEMA)}), or null: the source they are loaded with.
   */
  String customSource(Query<?> query);

  /** Whether the query has an {@code order_by} of its own. */
  boolean ordered(Query<?> query);

  /**
   * Whether the query selects whole rows of its first source (its default select, with any
   * {@code selectMerge}), rather than a select of the caller's.
   */
  boolean selectsWholeStructs(Query<?> query);

  // ---------------------------------------------------------------- a query's statements

  Sql aggregate(Query<?> query, Aggregate<?> aggregate);

  Sql exists(Query<?> query);

  Sql updateAll(Query<?> query, List<Update> updates, boolean returning);

  Sql deleteAll(Query<?> query, boolean returning);

  <S> Sql insertAll(Table<S> table, List<Field<S, ?>> columns, List<S> rows, OnConflict onConflict,
      List<Field<S, ?>> returning);

  /** {@link #insertAll} into {@code source}, a struct's {@code meta().source()}: its schema's table, or another. */
  <S> Sql insertInto(String source, Table<S> table, List<Field<S, ?>> columns, List<S> rows, OnConflict onConflict,
      List<Field<S, ?>> returning);

  Sql insertRows(String table, List<? extends Map<String, ?>> rows, Map<String, Expression<?>> placeholders,
      OnConflict onConflict, List<String> returning);

  /** {@code INSERT INTO table (columns the query selects) (SELECT …)}, Ecto's {@code insert_all(Post, query)}. */
  <S> Sql insertSelect(Table<S> table, Query<?> query, OnConflict onConflict, List<Field<S, ?>> returning);

  /** {@code INSERT INTO "table" (…) (SELECT …)} into a table named by the caller. */
  Sql insertSelect(String table, Query<?> query, OnConflict onConflict, List<String> returning);

  /** Whether an insert with this conflict handling may come back without its row. */
  boolean onConflictMaySkip(OnConflict onConflict);

  /** Whether a row it skips is what was asked for ({@code DO NOTHING}) rather than a stale entry. */
  boolean onConflictSkipsQuietly(OnConflict onConflict);

  Sql explain(Sql statement, Explain options);

  List<String> explainGeneric(Sql statement, Explain options, String name);

  // ---------------------------------------------------------------- a table's statements

  /** The insert of a struct whose {@code meta().source()} is {@code source} (its schema's table, or another). */
  String insert(Table<?> table, String source, String prefix);

  String insertAllColumns(Table<?> table, String source, String prefix);

  String get(Table<?> table, String prefix);

  String update(Table<?> table, String source, List<? extends Field<?, ?>> changed,
      List<? extends Field<?, ?>> primaryKey, List<? extends Field<?, ?>> filters, List<? extends Field<?, ?>> returning,
      String prefix);

  String delete(Table<?> table, String source, List<? extends Field<?, ?>> primaryKey,
      List<? extends Field<?, ?>> filters, List<? extends Field<?, ?>> returning, String prefix);

  // ---------------------------------------------------------------- association links

  <P, C> Condition ownedBy(Association<P, C> association, Object ownerKey);

  <P, C, K> Condition ownedBy(Association<P, C> association, Expression<K> ownerKey);

  <P, C> Condition ownedByAny(Association<P, C> association, Collection<?> ownerKeys);

  /** The related rows of a many-to-many preload with the owner key of each, as a query the repo runs. */
  <P, C, K> Query<Tuple2<C, K>> joinedRows(ManyToManyAssociation<P, C, K, ?> association, List<K> ownerKeys);

  /** The join rows of a many-to-many preload with a query of its own: owner and related keys. */
  <K, R> Query<Tuple2<K, R>> joinRows(ManyToManyAssociation<?, ?, K, R> association, List<K> ownerKeys);

  /** {@code INSERT INTO posts_tags (post_id, tag_id) VALUES (?, ?)}: a many-to-many's join row. */
  Sql insertJoinRow(ManyToManyAssociation<?, ?, ?, ?> association, Object ownerKey, Object relatedKey);

  /** {@code DELETE FROM posts_tags WHERE post_id = ? AND tag_id = ANY(?)}: a many-to-many's replaced join rows. */
  Sql deleteJoinRows(ManyToManyAssociation<?, ?, ?, ?> association, Object ownerKey, List<?> relatedKeys);

  <C, K> Sql lateralWithParentKey(Query<C> perParent, FieldType<K> keyType, List<K> keys);

  <K> Expression<K> parentKey(FieldType<K> keyType);
}
