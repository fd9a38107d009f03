package io.ecto4j.schema;

/**
 * The values a new child of an association starts with, Ecto's association {@code defaults:}
 * option: named by {@code defaults = …} on {@link BelongsTo}, {@link HasOne}, {@link HasMany} or
 * {@link ManyToMany}, and applied to every child that {@code castAssoc} or {@code putAssoc} builds
 * from params or attributes, before they are cast onto it.
 *
 * <pre>{@code
 * public final class DraftPosts implements AssocDefaults<PostStruct, AuthorStruct> {
 *   public PostStruct apply(PostStruct post, AuthorStruct author) {
 *     return post.withTitle("default").withPublished(false);
 *   }
 * }
 *
 * @HasMany(defaults = DraftPosts.class) List<Post> posts();
 * }</pre>
 *
 * <p>The class needs a public no-argument constructor; the companion holds one instance.
 *
 * @param <C> the child's struct
 * @param <P> the owner's struct
 */
@FunctionalInterface
public interface AssocDefaults<C, P> {
  /** {@code child}, a new struct of the related schema, with the defaults set; {@code owner} is the parent's data. */
  C apply(C child, P owner);
}
