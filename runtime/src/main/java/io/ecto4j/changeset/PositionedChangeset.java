package io.ecto4j.changeset;

import io.ecto4j.meta.Struct;
import java.util.Map;

/**
 * A {@code castAssoc} child changeset function that also gets the child's position in the cast
 * list (after {@link AssocOption#sortParam} and {@link AssocOption#dropParam}), Ecto's arity-3
 * {@code with:} function, so that a position column can follow the order a form gives:
 *
 * <pre>{@code
 * cs.castAssoc(Posts.COMMENTS, (comment, params, position) ->
 *     Comment.changeset(comment, params).putChange(Comments.POSITION, position),
 *     AssocOption.sortParam("comments_sort"));
 * }</pre>
 *
 * @param <C> the child struct
 */
@FunctionalInterface
public interface PositionedChangeset<C extends Struct<C>> {
  /** The changeset of {@code child} (a loaded one or a new struct) from its params, at {@code position} (0-based). */
  Changeset<C> apply(C child, Map<String, ?> params, int position);
}
