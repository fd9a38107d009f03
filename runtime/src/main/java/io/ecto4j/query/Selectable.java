package io.ecto4j.query;

import java.util.Map;

/**
 * Something a query can select: any {@link Expression} (one column), or an {@link Alias} of a
 * joined schema (its whole struct). {@code query.select(Posts.TITLE)} is a {@code Query<String>};
 * {@code query.select(Tuple2::new, post, comment)} selects two structs per row.
 *
 * @param <V> what the selection reads from each row
 */
public interface Selectable<V> {

  /**
   * A map of selected values to nest in a selection, Ecto's {@code select: %{fields: %{title: p.title}}}:
   * each value is a column of the one select list, and each row holds a map of them under the outer
   * key. Maps nest to any depth; a {@link SelectedAs} belongs at the root of the select only.
   *
   * <pre>{@code
   * Query<Map<String, Object>> rows = Posts.query().select(Map.of(
   *     "id", Posts.ID,
   *     "fields", Selectable.map(Map.of("title", Posts.TITLE))));   // {id=1, fields={title=Hello}}
   * }</pre>
   */
  static Selectable<Map<String, Object>> map(Map<String, ? extends Selectable<?>> entries) {
    return NestedMap.of(entries);
  }
}
