package io.ecto4j.repo;

import io.ecto4j.meta.Meta;
import io.ecto4j.meta.Struct;
import java.util.ArrayList;
import java.util.List;

/**
 * What Ecto's loader does to {@code __meta__}: a struct the repo reads is {@link Meta.State#LOADED},
 * in the prefix it was read from. Generated row mappers already make loaded structs in their
 * schema's own prefix, so only a read in another prefix (the query's or the repo's) and
 * {@code Repo.load} of values make copies here.
 */
final class LoadedStructs {
  private LoadedStructs() {}

  /** {@code rows}, each struct among them marked loaded in {@code prefix}; as they are without a prefix. */
  static <T> List<T> inPrefix(List<T> rows, String prefix) {
    if (prefix == null || rows.isEmpty() || !(rows.get(0) instanceof Struct<?>)) {
      return rows;
    }
    List<T> marked = new ArrayList<>(rows.size());
    for (T row : rows) {
      marked.add(loaded(row, prefix));
    }
    return marked;
  }

  /**
   * {@code rows} written and read back, each struct marked loaded in {@code prefix}: a
   * {@code returning} of some fields fills a new (built) struct, which the row now stands for.
   */
  static <T> List<T> written(List<T> rows, String prefix) {
    List<T> marked = new ArrayList<>(rows.size());
    for (T row : rows) {
      marked.add(loaded(row, prefix));
    }
    return marked;
  }

  /**
   * {@code value} marked loaded if it is a struct, in {@code prefix} (null: none) unless its schema
   * has a prefix of its own, which a read does not override.
   */
  @SuppressWarnings("unchecked")
  static <T> T loaded(T value, String prefix) {
    if (!(value instanceof Struct<?> struct)) {
      return value;
    }
    Meta meta = struct.meta().withState(Meta.State.LOADED);
    if (prefix != null && struct.schema().prefix().isEmpty()) {
      meta = meta.withPrefix(prefix);
    }
    return meta == struct.meta() ? value : (T) struct.withMeta(meta);
  }
}
