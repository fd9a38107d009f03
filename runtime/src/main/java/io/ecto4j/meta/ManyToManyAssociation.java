package io.ecto4j.meta;

import io.ecto4j.query.Tuple2;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
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
  private final Supplier<? extends Table<?>> joinSchema;

  ManyToManyAssociation(Declaration<P, C> declaration, Field<P, K> ownerKey, Supplier<Field<C, R>> relatedKey,
      JoinTable join, Supplier<? extends Table<?>> joinSchema) {
    super(declaration);
    this.ownerKey = ownerKey;
    this.relatedKey = relatedKey;
    this.join = join;
    this.joinSchema = joinSchema;
  }

  /**
   * The join schema whose table {@link #join()} is, Ecto's {@code join_through: PostTag}; empty for a
   * join table named by itself. A join row is then written as a new struct of it, with its
   * timestamps and defaults; otherwise only the two key columns are.
   */
  public Optional<Table<?>> joinSchema() {
    return joinSchema == null ? Optional.empty() : Optional.of(joinSchema.get());
  }

  /**
   * Ecto's {@code unique: true}: whether the same related row given twice to {@code castAssoc} or
   * {@code putAssoc} marks the second {@code has already been taken} on its key.
   */
  public boolean unique() {
    return declaration().unique();
  }

  /**
   * The declared {@code joinWhere}, Ecto's {@code join_where: [deleted: false]}: only join rows that
   * pass every filter, on fields of the join schema, link the two sides, in joins, preloads and
   * {@code Association.of}. Join rows that {@code putAssoc}/{@code castAssoc} write do not get it.
   */
  public List<AssociationFilter<?>> joinWhere() {
    return declaration().joinWhere();
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

  /**
   * Preloads through the caller's function instead of a query, Ecto's
   * {@code preload: [tags: fn post_ids -> … end]}: it gets the distinct keys of the parents and
   * returns pairs of a parent's key and a related struct, as Ecto's function returns
   * {@code {post_id, tag}} (the related structs do not carry the parent's key; the join table does):
   *
   * <pre>{@code
   * Expression<Long> postId = Query.column("post_id", Types.LONG);
   * Alias<TagStruct> t = Alias.of(Tags.SCHEMA, "t");
   * repo.preload(posts, Posts.TAGS.loadWith(postIds -> repo.all(Query.from(t)
   *     .join(Alias.of("posts_tags", "pt"), …).where(…).select(Tuple2::new, postId, t))));
   * }</pre>
   */
  public Preload<P, C> loadWith(Function<List<K>, List<Tuple2<K, C>>> pairs) {
    return preload().loadedBy(Preload.byPairs(this, pairs));
  }

  /** As {@link #loadWith(Function)}, the function also given this association, Ecto's 2-arity preload function. */
  public Preload<P, C> loadWith(BiFunction<List<K>, ManyToManyAssociation<P, C, K, R>, List<Tuple2<K, C>>> pairs) {
    Objects.requireNonNull(pairs, "pairs");
    return loadWith(keys -> pairs.apply(keys, this));
  }
}
