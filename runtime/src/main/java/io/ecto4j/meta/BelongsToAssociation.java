package io.ecto4j.meta;

import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Ecto's {@code belongs_to}: the owner's {@link #foreignKey()} holds the related row's
 * {@link #references()} (usually its {@code id}): {@code Posts.AUTHOR}, where {@code posts.author_id}
 * holds {@code users.id}.
 *
 * @param <K> the type of the key both fields hold
 */
public final class BelongsToAssociation<P, C, K> extends Association<P, C> {
  private final Field<P, K> foreignKey;
  private final Supplier<Field<C, K>> references;

  BelongsToAssociation(Declaration<P, C> declaration, Field<P, K> foreignKey, Supplier<Field<C, K>> references) {
    super(declaration);
    this.foreignKey = foreignKey;
    this.references = references;
  }

  @Override
  public Kind kind() {
    return Kind.BELONGS_TO;
  }

  /** The owner's foreign key field, e.g. {@code Posts.AUTHOR_ID}. */
  public Field<P, K> foreignKey() {
    return foreignKey;
  }

  /** The related field it references, e.g. {@code Users.ID}; resolved lazily, as companions refer to each other. */
  public Field<C, K> references() {
    return references.get();
  }

  @Override
  public Field<P, K> ownerField() {
    return foreignKey;
  }

  @Override
  public Field<C, K> relatedField() {
    return references();
  }

  /**
   * Preloads through the caller's function instead of a query, Ecto's
   * {@code preload: [author: fn author_ids -> … end]}: it gets the distinct non-null foreign keys of
   * the parents and returns the related structs, matched to the parents by {@link #references()}.
   *
   * <pre>{@code
   * repo.preload(posts, Posts.AUTHOR.loadWith(ids -> repo.all(Users.query().where(Users.ID.in(ids)))));
   * }</pre>
   */
  public Preload<P, C> loadWith(Function<List<K>, List<C>> related) {
    return preload().loadedBy(Preload.byRelatedKey(this, references, related));
  }

  /** As {@link #loadWith(Function)}, the function also given this association, Ecto's 2-arity preload function. */
  public Preload<P, C> loadWith(BiFunction<List<K>, BelongsToAssociation<P, C, K>, List<C>> related) {
    Objects.requireNonNull(related, "related");
    return loadWith(keys -> related.apply(keys, this));
  }
}
