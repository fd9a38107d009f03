package io.ecto4j.meta;

/**
 * Implemented by every generated struct, so that the repo finds a struct's schema without
 * reflection: {@code repo.insert(post)} asks {@code post.schema()}.
 *
 * @param <S> the struct type itself
 */
public interface Struct<S extends Struct<S>> {
  /** The companion describing this struct's table, e.g. {@code Posts.SCHEMA}. */
  Table<S> schema();
}
