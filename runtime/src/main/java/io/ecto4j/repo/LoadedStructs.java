package io.ecto4j.repo;

import io.ecto4j.meta.Meta;
import io.ecto4j.meta.Struct;
import java.util.ArrayList;
import java.util.List;

/**
 * What Ecto's loader does to {@code __meta__}: a struct the repo reads is {@link Meta.State#LOADED},
 * in the prefix and from the table (source) it was read from. Generated row mappers already make
 * loaded structs of their schema's own table and prefix, so only a read in another prefix (the
 * query's or the repo's), from another table ({@code Query.from("other_posts", Posts.SCHEMA)}) and
 * {@code Repo.load} of values make copies here.
 */
final class LoadedStructs {
  private LoadedStructs() {}

  /**
   * {@code rows}, each struct among them marked loaded from {@code source} (null: their schema's
   * table) in {@code prefix}; as they are without either.
   */
  static <T> List<T> readFrom(List<T> rows, String source, String prefix) {
    if (prefix == null && source == null || rows.isEmpty() || !(rows.get(0) instanceof Struct<?>)) {
      return rows;
    }
    List<T> marked = new ArrayList<>(rows.size());
    for (T row : rows) {
      marked.add(loaded(row, source, prefix));
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
  static <T> T loaded(T value, String prefix) {
    return loaded(value, null, prefix);
  }

  /** {@link #loaded(Object, String)}, read from the table {@code source} when not null, Ecto's custom source. */
  @SuppressWarnings("unchecked")
  static <T> T loaded(T value, String source, String prefix) {
    if (!(value instanceof Struct<?> struct)) {
      return value;
    }
    Meta meta = struct.meta().withState(Meta.State.LOADED);
    if (source != null) {
      meta = meta.withSource(source);
    }
    if (prefix != null && struct.schema().prefix().isEmpty()) {
      meta = meta.withPrefix(prefix);
    }
    return meta == struct.meta() ? value : (T) struct.withMeta(meta);
  }
}
