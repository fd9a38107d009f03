package io.ecto4j.query;

import io.ecto4j.internal.QueryInternals;
import io.ecto4j.meta.Association;
import io.ecto4j.meta.Field;
import io.ecto4j.meta.ManyToManyAssociation;
import io.ecto4j.meta.Preloadable;
import io.ecto4j.meta.Table;
import io.ecto4j.type.FieldType;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The repo's way into this package ({@link io.ecto4j.internal}); each method delegates to its home. */
final class Bridge implements QueryInternals {
  @Override
  public <T> List<Preloadable<T>> preloads(Query<T> query) {
    return query.preloads();
  }

  @Override
  public <T> List<T> assemble(Query<T> query, List<T> rows) {
    return query.assemble(rows);
  }

  @Override
  public <T> RowReader<T> reader(Query<T> query) {
    return query.reader();
  }

  @Override
  public String combination(Query<?> query) {
    return Statements.combination(query);
  }

  @Override
  public boolean joinPreloads(Query<?> query) {
    return Statements.joinPreloads(query);
  }

  @Override
  public String prefix(Query<?> query) {
    return query.from.prefix();
  }

  @Override
  public boolean ordered(Query<?> query) {
    return !query.clauses.orderBy().isEmpty();
  }

  @Override
  public String customSource(Query<?> query) {
    return Rows.customSource(query.selection());
  }

  @Override
  public boolean selectsWholeStructs(Query<?> query) {
    return query.selection() instanceof SelectClause.WholeRow<?>;
  }

  @Override
  public Sql aggregate(Query<?> query, Aggregate<?> aggregate) {
    return Statements.aggregate(query, aggregate);
  }

  @Override
  public Sql exists(Query<?> query) {
    return Statements.exists(query);
  }

  @Override
  public Sql updateAll(Query<?> query, List<Update> updates, boolean returning) {
    return Statements.updateAll(query, updates, returning);
  }

  @Override
  public Sql deleteAll(Query<?> query, boolean returning) {
    return Statements.deleteAll(query, returning);
  }

  @Override
  public <S> Sql insertAll(Table<S> table, List<Field<S, ?>> columns, List<S> rows, OnConflict onConflict,
      List<Field<S, ?>> returning) {
    return Statements.insertAll(table, columns, rows, onConflict, returning);
  }

  @Override
  public <S> Sql insertInto(String source, Table<S> table, List<Field<S, ?>> columns, List<S> rows,
      OnConflict onConflict, List<Field<S, ?>> returning) {
    return Statements.insertInto(source, table, columns, rows, onConflict, returning);
  }

  @Override
  public Sql insertRows(String table, List<? extends Map<String, ?>> rows, Map<String, Expression<?>> placeholders,
      OnConflict onConflict, List<String> returning) {
    return Statements.insertRows(table, rows, placeholders, onConflict, returning);
  }

  @Override
  public <S> Sql insertSelect(Table<S> table, Query<?> query, OnConflict onConflict, List<Field<S, ?>> returning) {
    return Statements.insertSelect(table, query, onConflict, returning);
  }

  @Override
  public Sql insertSelect(String table, Query<?> query, OnConflict onConflict, List<String> returning) {
    return Statements.insertSelect(table, query, onConflict, returning);
  }

  @Override
  public boolean onConflictMaySkip(OnConflict onConflict) {
    return onConflict.maySkip();
  }

  @Override
  public boolean onConflictSkipsQuietly(OnConflict onConflict) {
    return onConflict.skipsQuietly();
  }

  @Override
  public Sql explain(Sql statement, Explain options) {
    return Statements.explain(statement, options);
  }

  @Override
  public List<String> explainGeneric(Sql statement, Explain options, String name) {
    return Statements.explainGeneric(statement, options, name);
  }

  @Override
  public String insert(Table<?> table, String source, String prefix) {
    return TableStatements.insert(table, source, prefix);
  }

  @Override
  public String insertAllColumns(Table<?> table, String source, String prefix) {
    return TableStatements.insertAllColumns(table, source, prefix);
  }

  @Override
  public String get(Table<?> table, String prefix) {
    return TableStatements.get(table, prefix);
  }

  @Override
  public String update(Table<?> table, String source, List<? extends Field<?, ?>> changed,
      List<? extends Field<?, ?>> primaryKey, List<? extends Field<?, ?>> filters, List<? extends Field<?, ?>> returning,
      String prefix) {
    return TableStatements.update(table, source, changed, primaryKey, filters, returning, prefix);
  }

  @Override
  public String delete(Table<?> table, String source, List<? extends Field<?, ?>> primaryKey,
      List<? extends Field<?, ?>> filters, List<? extends Field<?, ?>> returning, String prefix) {
    return TableStatements.delete(table, source, primaryKey, filters, returning, prefix);
  }

  @Override
  public <P, C> Condition ownedBy(Association<P, C> association, Object ownerKey) {
    return Links.ownedBy(association, ownerKey);
  }

  @Override
  public <P, C, K> Condition ownedBy(Association<P, C> association, Expression<K> ownerKey) {
    return Links.ownedBy(association, ownerKey);
  }

  @Override
  public <P, C> Condition ownedByAny(Association<P, C> association, Collection<?> ownerKeys) {
    return Links.ownedByAny(association, ownerKeys);
  }

  @Override
  public <P, C, K> Query<Tuple2<C, K>> joinedRows(ManyToManyAssociation<P, C, K, ?> association, List<K> ownerKeys) {
    return Links.joinedRows(association, ownerKeys);
  }

  @Override
  public <K, R> Query<Tuple2<K, R>> joinRows(ManyToManyAssociation<?, ?, K, R> association, List<K> ownerKeys) {
    return Links.joinRows(association, ownerKeys);
  }

  @Override
  public Sql insertJoinRow(ManyToManyAssociation<?, ?, ?, ?> association, Object ownerKey, Object relatedKey) {
    return Links.insertJoinRow(association, ownerKey, relatedKey);
  }

  @Override
  public Sql deleteJoinRows(ManyToManyAssociation<?, ?, ?, ?> association, Object ownerKey, List<?> relatedKeys) {
    return Links.deleteJoinRows(association, ownerKey, relatedKeys);
  }

  @Override
  public <C, K> Sql lateralWithParentKey(Query<C> perParent, FieldType<K> keyType, List<K> keys) {
    return PerParent.lateralWithParentKey(perParent, keyType, keys);
  }

  @Override
  public <K> Expression<K> parentKey(FieldType<K> keyType) {
    return PerParent.parentKey(keyType);
  }
}
