package io.ecto4j.query;

import io.ecto4j.type.FieldType;
import io.ecto4j.type.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The top rows per parent in one statement: a {@code LATERAL} subquery run once per key of an
 * {@code unnest(?)} array, so that "the 3 newest comments of each post" is one round trip and each
 * post's limit applies to its own comments — what a plain {@code LIMIT} cannot do.
 *
 * <pre>{@code
 * SELECT ecto4j_child.*, ecto4j_parent.parent_key FROM unnest(?) AS ecto4j_parent(parent_key)
 * CROSS JOIN LATERAL (SELECT … FROM comments AS c0 WHERE c0.post_id = ecto4j_parent.parent_key
 *                     ORDER BY c0.inserted_at DESC LIMIT 3) AS ecto4j_child
 * }</pre>
 */
final class PerParent {
  /** How the correlated query names the current parent's key. */
  static final String PARENT_KEY = "ecto4j_parent.parent_key";

  private PerParent() {}

  /**
   * The statement running {@code perParent} once per key, with the parent's key as the last column
   * of each row, for children that do not carry it (the related rows of a many-to-many, a select
   * or {@code take} without the foreign key); {@code perParent} compares its link with
   * {@link #parentKey}, and carries its own order and limit.
   */
  static <C, K> Sql lateralWithParentKey(Query<C> perParent, FieldType<K> keyType, List<K> keys) {
    Objects.requireNonNull(perParent, "perParent");
    Param<List<K>> keysParam = new Param<>(Types.list(keyType), List.copyOf(keys));
    return render(perParent, keysParam, null);
  }

  /** The current parent's key inside the correlated query. */
  static <K> Expression<K> parentKey(FieldType<K> keyType) {
    return Functions.fragment(keyType, PARENT_KEY);
  }

  private static <C, K> Sql render(Query<C> perParent, Param<List<K>> keys, String prefix) {
    Sql inner = perParent.toSql(prefix);
    List<BoundValue> params = new ArrayList<>();
    params.add(keys);
    params.addAll(inner.params());
    String text = "SELECT ecto4j_child.*, " + PARENT_KEY
        + " FROM unnest(?) AS ecto4j_parent(parent_key) CROSS JOIN LATERAL (" + inner.text() + ") AS ecto4j_child";
    return new Sql(text, List.copyOf(params), prefix, p -> render(perParent, keys, p));
  }
}
