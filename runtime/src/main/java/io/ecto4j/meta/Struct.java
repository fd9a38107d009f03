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

  /**
   * Where this struct came from, Ecto's {@code __meta__}: built, loaded or deleted, its table
   * and its prefix. {@code new PostStruct()} and the builder give {@link Meta.State#BUILT}.
   * Generated structs carry it; a shape that is never stored (a schemaless changeset's data, see
   * {@code io.ecto4j.changeset.Schemaless}) is always built, as this default says.
   */
  default Meta meta() {
    return Meta.built(schema().schemaName(), null); // no table: its shape's name stands for the source
  }

  /**
   * A copy of this struct with {@code meta} in place of its metadata, Ecto's {@code put_meta}.
   * Generated structs override it; a shape that is never stored has no metadata to change, so
   * this default returns it as it is.
   */
  @SuppressWarnings("unchecked")
  default S withMeta(Meta meta) {
    return (S) this;
  }
}
