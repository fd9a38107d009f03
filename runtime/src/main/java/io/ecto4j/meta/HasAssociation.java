package io.ecto4j.meta;

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
}
