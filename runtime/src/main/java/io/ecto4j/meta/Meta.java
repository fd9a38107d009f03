package io.ecto4j.meta;

import java.util.Objects;

/**
 * What a struct knows of where it came from, Ecto's {@code __meta__}: whether it was built in
 * memory, loaded from the database or deleted there, the table it belongs to, and the PostgreSQL
 * schema (prefix) it was read from or is to be written to.
 *
 * <pre>{@code
 * PostStruct post = repo.getOrThrow(Posts.query().prefix("tenant_a"), 1L);
 * post.meta().state();                                  // LOADED
 * post.meta().prefix();                                 // "tenant_a"
 * PostStruct elsewhere = post.withMeta(post.meta().withPrefix("tenant_b"));   // Ecto.put_meta
 * repo.getOrThrow(Query.from("archived_posts", Posts.SCHEMA), 1L).meta().source();   // "archived_posts"
 * }</pre>
 *
 * <p>The repo keeps it: reads mark structs {@link State#LOADED} (with the prefix and the table they
 * were read from), a delete marks the struct {@link State#DELETED}, and writes of a struct go to its
 * table and prefix unless the call names another prefix. {@code repo.insertOrUpdate} and
 * {@code putAssoc}/{@code castAssoc} decide insert or update by {@link #state()}, as Ecto does. Generated structs leave it out of
 * {@code equals}, {@code hashCode} and {@code toString}: two structs with the same values are equal
 * whether built or loaded (see docs/ecto-differences.md).
 *
 * @param state built, loaded or deleted
 * @param source the table, e.g. {@code posts}: the schema's own, or another of its columns (Ecto's custom source)
 * @param prefix the PostgreSQL schema, e.g. {@code tenant_a}; null for the connection's {@code search_path}
 */
public record Meta(State state, String source, String prefix) {

  /** Ecto's {@code :built}, {@code :loaded} and {@code :deleted}. */
  public enum State {
    /** Made in memory ({@code new PostStruct()}, the builder), not known to be in the database. */
    BUILT,
    /** Read from the database, or written to it. */
    LOADED,
    /** Its row was deleted by the repo. */
    DELETED
  }

  /** Checks the state and the source (empty for an embedded schema: it has no table); the prefix may be null. */
  public Meta {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(source, "source");
  }

  /** A struct's metadata before it is stored: {@code Meta.built("posts", null)}. */
  public static Meta built(String source, String prefix) {
    return new Meta(State.BUILT, source, prefix);
  }

  /** A struct's metadata once read: {@code Meta.loaded("posts", "tenant_a")}. */
  public static Meta loaded(String source, String prefix) {
    return new Meta(State.LOADED, source, prefix);
  }

  /** This metadata with another state, as {@code Ecto.put_meta(struct, state: :loaded)}. */
  public Meta withState(State state) {
    return state == this.state ? this : new Meta(state, source, prefix);
  }

  /** This metadata with another prefix (null: none), as {@code Ecto.put_meta(struct, prefix: "p")}. */
  public Meta withPrefix(String prefix) {
    return Objects.equals(prefix, this.prefix) ? this : new Meta(state, source, prefix);
  }

  /**
   * This metadata with another source table, as {@code Ecto.put_meta(struct, source: "s")}: the
   * repo then inserts, updates, deletes and reloads the struct in that table (one of the schema's
   * columns), as it reads structs of {@code Query.from("other_posts", Posts.SCHEMA)} with it.
   *
   * <pre>{@code
   * PostStruct archived = repo.insertOrThrow(post.withMeta(post.meta().withSource("archived_posts")));
   * }</pre>
   *
   * @throws IllegalArgumentException when {@code source} is null or blank
   */
  public Meta withSource(String source) {
    if (source == null || source.isBlank()) {
      throw new IllegalArgumentException("a struct's source is the table it is read from and written to, e.g."
          + " meta.withSource(\"other_posts\"); got " + (source == null ? "null" : "\"" + source + "\""));
    }
    return source.equals(this.source) ? this : new Meta(state, source, prefix);
  }

  /** Whether the struct was read from (or written to) the database and not deleted since. */
  public boolean isLoaded() {
    return state == State.LOADED;
  }

  /**
   * Whether an insert-or-update of the struct is an update (it is loaded) rather than an insert (it
   * is built), Ecto's {@code insert_or_update}: the one rule of {@code Repo.insertOrUpdate} and
   * {@code Multi.insertOrUpdate}.
   *
   * @throws IllegalArgumentException for a deleted struct, naming {@code call}, as Ecto refuses it
   */
  public boolean updatesOnInsertOrUpdate(String call) {
    return switch (state) {
      case BUILT -> false;
      case LOADED -> true;
      case DELETED -> throw new IllegalArgumentException("the changeset has an invalid state for " + call
          + ": deleted; its " + source + " row was deleted: insert a new struct, or reload the row if it was "
          + "inserted again");
    };
  }

  /** As Ecto inspects it: {@code #Meta<loaded, "tenant_a"."posts">}. */
  @Override
  public String toString() {
    return "#Meta<" + state.name().toLowerCase(java.util.Locale.ROOT) + ", "
        + (prefix == null ? "" : "\"" + prefix + "\".") + "\"" + source + "\">";
  }
}
