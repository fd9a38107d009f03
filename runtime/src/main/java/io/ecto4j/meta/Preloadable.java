package io.ecto4j.meta;

/**
 * Something {@code repo.preload} can load onto structs of type {@code P}: an association
 * ({@code Posts.COMMENTS}) or a refined {@link Preload} ({@code Posts.COMMENTS.then(Comments.AUTHOR)}).
 *
 * @param <P> the struct the association belongs to
 */
public interface Preloadable<P> {
  /** This path as a {@link Preload}. */
  Preload<P, ?> preload();
}
