package io.ecto4j.meta;

import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Ecto's {@code has_one} and {@code has_many}: each related row's {@link #foreignKey()} holds the
 * owner's {@link #references()} (usually its {@code id}): {@code Posts.COMMENTS}, where
 * {@code comments.post_id} holds {@code posts.id}.
 *
 * @param <K> the type of the key both fields hold
 */
public final class HasAssociation<P, C, K> extends Association<P, C> {
  private final boolean many;
  private final Field<P, K> references;
  private final Supplier<Field<C, K>> foreignKey;

  HasAssociation(Declaration<P, C> declaration, boolean many, Field<P, K> references,
      Supplier<Field<C, K>> foreignKey) {
    super(declaration);
    this.many = many;
    this.references = references;
    this.foreignKey = foreignKey;
  }

  @Override
  public Kind kind() {
    return many ? Kind.HAS_MANY : Kind.HAS_ONE;
  }

  /** The owner's field the children point at, e.g. {@code Posts.ID}. */
  public Field<P, K> references() {
    return references;
  }

  /** The children's foreign key, e.g. {@code Comments.POST_ID}; resolved lazily. */
  public Field<C, K> foreignKey() {
    return foreignKey.get();
  }

  @Override
  public Field<P, K> ownerField() {
    return references;
  }

  @Override
  public Field<C, K> relatedField() {
    return foreignKey();
  }

  /** A new child of {@code parent} with its foreign key set, Ecto's {@code Ecto.build_assoc/3}. */
  @Override
  public C build(P parent) {
    return foreignKey().set(related().newStruct(), references.get(parent));
  }

  /**
   * Preloads through the caller's function instead of a query, Ecto's
   * {@code preload: [comments: fn post_ids -> … end]}: it gets the distinct keys of the parents
   * ({@link #references()} values) and returns the children, each carrying its parent's key in
   * {@link #foreignKey()}; they are grouped by it, in the order returned. The declared {@code where}
   * and {@code preloadOrder} are the function's to apply.
   *
   * <pre>{@code
   * repo.preload(posts, Posts.COMMENTS.loadWith(postIds -> repo.all(Comments.query()
   *     .where(Comments.POST_ID.in(postIds)).orderBy(Comments.ID.asc()))));
   * }</pre>
   */
  public Preload<P, C> loadWith(Function<List<K>, List<C>> children) {
    return preload().loadedBy(Preload.byRelatedKey(this, foreignKey, children));
  }

  /** As {@link #loadWith(Function)}, the function also given this association, Ecto's 2-arity preload function. */
  public Preload<P, C> loadWith(BiFunction<List<K>, HasAssociation<P, C, K>, List<C>> children) {
    Objects.requireNonNull(children, "children");
    return loadWith(keys -> children.apply(keys, this));
  }
}
