package io.ecto4j.meta;

/**
 * Something {@code repo.preload} (and {@code query.preload}) can load onto structs of type
 * {@code P}: an association ({@code Posts.COMMENTS}), a refined {@link Preload}
 * ({@code Posts.COMMENTS.then(Comments.AUTHOR)}), or a path through an embed to the associations
 * of the embedded structs ({@link EmbedPreload}, {@code Orders.ITEMS.then(Items.USER)}). An embed
 * alone is none of these: preloading it would load nothing, so {@code repo.preload(orders, Orders.ITEMS)}
 * does not compile (Ecto raises "cannot preload embedded field … without also preloading one of its
 * associations").
 *
 * @param <P> the struct the path starts from
 */
public sealed interface Preloadable<P> permits Association, Preload, EmbedPreload {}
