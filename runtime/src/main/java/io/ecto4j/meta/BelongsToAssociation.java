package io.ecto4j.meta;

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
}
