package io.ecto4j.meta;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Ecto's {@code many_to_many}: a join table links the owner's {@link #ownerField()} to the related
 * row's {@link #relatedField()}: {@code Posts.TAGS}, through {@code posts_tags(post_id, tag_id)}.
 *
 * @param <K> the type of the owner's key
 * @param <R> the type of the related row's key
 */
public final class ManyToManyAssociation<P, C, K, R> extends Association<P, C> {
  /** The join table and its two columns; a join schema's table when there is one. */
  public record JoinTable(String table, String ownerColumn, String relatedColumn) {
    public JoinTable {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(ownerColumn, "ownerColumn");
      Objects.requireNonNull(relatedColumn, "relatedColumn");
    }
  }

  private final Field<P, K> ownerKey;
  private final Supplier<Field<C, R>> relatedKey;
  private final JoinTable join;

  ManyToManyAssociation(Declaration<P, C> declaration, Field<P, K> ownerKey, Supplier<Field<C, R>> relatedKey,
      JoinTable join) {
    super(declaration);
    this.ownerKey = ownerKey;
    this.relatedKey = relatedKey;
    this.join = join;
  }

  @Override
  public Kind kind() {
    return Kind.MANY_TO_MANY;
  }

  /** The join table and its columns. */
  public JoinTable join() {
    return join;
  }

  @Override
  public Field<P, K> ownerField() {
    return ownerKey;
  }

  /** The related key, e.g. {@code Tags.ID}; resolved lazily. */
  @Override
  public Field<C, R> relatedField() {
    return relatedKey.get();
  }

  @Override
  public Optional<String> joinTable() {
    return Optional.of(join.table());
  }

  @Override
  public Optional<String> joinOwnerKey() {
    return Optional.of(join.ownerColumn());
  }

  @Override
  public Optional<String> joinRelatedKey() {
    return Optional.of(join.relatedColumn());
  }
}
