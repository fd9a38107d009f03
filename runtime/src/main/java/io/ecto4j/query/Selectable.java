package io.ecto4j.query;

/**
 * Something a query can select: any {@link Expression} (one column), or an {@link Alias} of a
 * joined schema (its whole struct). {@code query.select(Posts.TITLE)} is a {@code Query<String>};
 * {@code query.select(Tuple2::new, post, comment)} selects two structs per row.
 *
 * @param <V> what the selection reads from each row
 */
public interface Selectable<V> {}
