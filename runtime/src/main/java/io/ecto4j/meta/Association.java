package io.ecto4j.meta;

import io.ecto4j.internal.Internals;
import io.ecto4j.query.Order;
import io.ecto4j.query.Query;
import io.ecto4j.schema.AssocDefaults;
import io.ecto4j.schema.OnReplace;
import io.ecto4j.schema.ReferenceAction;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * An association between two schemas: {@code Posts.COMMENTS} is a {@link HasAssociation} of
 * {@code PostStruct} and {@code CommentStruct}. One sealed type per Ecto kind —
 * {@link BelongsToAssociation}, {@link HasAssociation} (has_one, has_many),
 * {@link ManyToManyAssociation} and {@link ThroughAssociation} — each holding its keys as typed
 * {@link Field}s generated as constants, so nothing resolves a column name at run time. How two
 * tables link is rendered in one place, {@code io.ecto4j.query.Links}; this type reads and fills the struct's slot
 * without reflection.
 *
 * <pre>{@code
 * boolean loaded = Posts.COMMENTS.isLoaded(post);
 * Table<CommentStruct> comments = Posts.COMMENTS.related();
 * }</pre>
 *
 * @param <P> the owning struct
 * @param <C> the related struct
 */
public abstract sealed class Association<P, C> implements Preloadable<P>
    permits BelongsToAssociation, HasAssociation, ManyToManyAssociation, ThroughAssociation {
  static {
    Internals.register(new Bridge());
  }

  /** Ecto's association kinds. */
  public enum Kind {
    BELONGS_TO,
    HAS_ONE,
    HAS_MANY,
    MANY_TO_MANY;

    /** Whether the slot holds one struct (or null) rather than a list. */
    public boolean isToOne() {
      return this == BELONGS_TO || this == HAS_ONE;
    }
  }

  /** One term of a declared {@code preloadOrder}: a related field, descending or not. */
  public record OrderTerm<C>(Supplier<Field<C, ?>> field, boolean descending) {
    public OrderTerm {
      Objects.requireNonNull(field, "field");
    }

    /** The term as a query's order. */
    public Order order() {
      return descending ? field.get().desc() : field.get().asc();
    }
  }

  /** A declared {@code where}: only related rows whose {@code field} holds {@code value} belong. */
  public record Filter<C, V>(Supplier<Field<C, V>> field, V value) {
    public Filter {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(value, "value");
    }

    /** The filter as a query condition. */
    public io.ecto4j.query.Condition condition() {
      return field.get().eq(value);
    }
  }

  private final Declaration<P, C> declaration;

  Association(Declaration<P, C> declaration) {
    this.declaration = declaration;
  }

  // ---------------------------------------------------------------- the kinds, for generated companions

  /** A {@code belongs_to}: the owner's {@code foreignKey} holds the related row's {@code references}. */
  public static <P, C, K> Builder<P, C, BelongsToAssociation<P, C, K>> belongsTo(Table<P> owner, String name,
      Supplier<Table<C>> related, Field<P, K> foreignKey, Supplier<Field<C, K>> references) {
    Objects.requireNonNull(foreignKey, "foreignKey");
    Objects.requireNonNull(references, "references");
    return new Builder<>(owner, name, related, d -> new BelongsToAssociation<>(d, foreignKey, references));
  }

  /** A {@code has_many}: each related row's {@code foreignKey} holds the owner's {@code references}. */
  public static <P, C, K> Builder<P, C, HasAssociation<P, C, K>> hasMany(Table<P> owner, String name,
      Supplier<Table<C>> related, Field<P, K> references, Supplier<Field<C, K>> foreignKey) {
    return has(true, owner, name, related, references, foreignKey);
  }

  /** A {@code has_one}: as {@link #hasMany}, with at most one related row. */
  public static <P, C, K> Builder<P, C, HasAssociation<P, C, K>> hasOne(Table<P> owner, String name,
      Supplier<Table<C>> related, Field<P, K> references, Supplier<Field<C, K>> foreignKey) {
    return has(false, owner, name, related, references, foreignKey);
  }

  private static <P, C, K> Builder<P, C, HasAssociation<P, C, K>> has(boolean many, Table<P> owner, String name,
      Supplier<Table<C>> related, Field<P, K> references, Supplier<Field<C, K>> foreignKey) {
    Objects.requireNonNull(references, "references");
    Objects.requireNonNull(foreignKey, "foreignKey");
    return new Builder<>(owner, name, related, d -> new HasAssociation<>(d, many, references, foreignKey));
  }

  /**
   * A {@code many_to_many}: the join table's {@code ownerColumn} holds the owner's {@code ownerKey}
   * and its {@code relatedColumn} the related row's {@code relatedKey}.
   */
  public static <P, C, K, R> Builder<P, C, ManyToManyAssociation<P, C, K, R>> manyToMany(Table<P> owner,
      String name, Supplier<Table<C>> related, Field<P, K> ownerKey, Supplier<Field<C, R>> relatedKey,
      String joinTable, String ownerColumn, String relatedColumn) {
    return manyToMany(owner, name, related, ownerKey, relatedKey, null, joinTable, ownerColumn, relatedColumn);
  }

  /**
   * A {@code many_to_many} through a join schema, Ecto's {@code join_through: PostTag}: as above, and
   * each join row is written as a new {@code joinSchema} struct, so its timestamps, defaults and
   * autogenerated fields are filled in and the owner changeset's constraints apply to it.
   */
  public static <P, C, K, R> Builder<P, C, ManyToManyAssociation<P, C, K, R>> manyToMany(Table<P> owner,
      String name, Supplier<Table<C>> related, Field<P, K> ownerKey, Supplier<Field<C, R>> relatedKey,
      Supplier<? extends Table<?>> joinSchema, String joinTable, String ownerColumn, String relatedColumn) {
    ManyToManyAssociation.JoinTable join = new ManyToManyAssociation.JoinTable(joinTable, ownerColumn, relatedColumn);
    Objects.requireNonNull(ownerKey, "ownerKey");
    Objects.requireNonNull(relatedKey, "relatedKey");
    return new Builder<>(owner, name, related,
        d -> new ManyToManyAssociation<>(d, ownerKey, relatedKey, join, joinSchema));
  }

  /** A {@code has_one}/{@code has_many} {@code through:} a path of other associations. */
  public static <P, C> Builder<P, C, ThroughAssociation<P, C>> through(Table<P> owner, String name,
      Supplier<Table<C>> related, boolean many, Supplier<List<Association<?, ?>>> path) {
    Objects.requireNonNull(path, "path");
    return new Builder<>(owner, name, related, d -> new ThroughAssociation<>(d, many, path));
  }

  // ---------------------------------------------------------------- what every kind answers

  public abstract Kind kind();

  /**
   * The owner's field whose value relates the rows: the foreign key of a {@code belongs_to}, the
   * referenced key (usually {@code id}) of the other kinds.
   */
  public abstract Field<P, ?> ownerField();

  /**
   * The related table's field that holds the owner's value: its referenced key for a
   * {@code belongs_to}, its foreign key for {@code has_one}/{@code has_many}, its key for a
   * {@code many_to_many} (reached through the join table).
   */
  public abstract Field<C, ?> relatedField();

  /** The column of {@link #ownerField()}, for messages and names. */
  public String ownerKey() {
    return ownerField().column();
  }

  /** The column of {@link #relatedField()}, for messages and names. */
  public String relatedKey() {
    return relatedField().column();
  }

  /** The join table of a {@code many_to_many}. */
  public Optional<String> joinTable() {
    return Optional.empty();
  }

  /** The join table's column pointing at the owner. */
  public Optional<String> joinOwnerKey() {
    return Optional.empty();
  }

  /** The join table's column pointing at the related schema. */
  public Optional<String> joinRelatedKey() {
    return Optional.empty();
  }

  /** Whether this association goes through a path of others ({@code through:}). */
  public boolean isThrough() {
    return false;
  }

  /** The path of a {@code through} association, from the owner's first association on; empty otherwise. */
  public List<Association<?, ?>> throughPath() {
    return List.of();
  }

  public Table<P> owner() {
    return declaration.owner();
  }

  /** The association's name, e.g. {@code comments}. */
  public String name() {
    return declaration.name();
  }

  /** The related schema; resolved lazily because companions refer to each other. */
  public Table<C> related() {
    return declaration.related().get();
  }

  /**
   * A new child for {@code owner}: a new struct of the related schema with the association's
   * declared {@code defaults} applied (Ecto's {@code defaults:}), as {@code castAssoc} and
   * {@code putAssoc} build one.
   */
  public C newChild(P owner) {
    return declaration.defaults().apply(related().newStruct(), owner);
  }

  public ReferenceAction onDelete() {
    return declaration.onDelete();
  }

  /** What every kind declares alike, for the kinds' own options. */
  Declaration<P, C> declaration() {
    return declaration;
  }

  /** What a changeset does with loaded children its new value leaves out, unless told otherwise. */
  public OnReplace onReplace() {
    return declaration.onReplace();
  }

  /**
   * Whether a change {@code castAssoc} makes to this association runs the owner's update even when
   * none of its fields changed (touching its {@code updated_at}), Ecto's
   * {@code force_update_on_change}; true unless declared otherwise, as Ecto's default.
   * {@code AssocOption.forceUpdateOnChange} overrides it for one call.
   */
  public boolean forcesUpdateOnChange() {
    return declaration.forceUpdateOnChange();
  }

  /**
   * The declared {@code preloadOrder}: preloads and {@link #of} sort by it, unless a preload's own
   * query orders the children.
   */
  public List<OrderTerm<C>> preloadOrder() {
    return declaration.preloadOrder();
  }

  /** The declared filter; empty when none. */
  public Optional<Filter<C, ?>> where() {
    return Optional.ofNullable(declaration.where());
  }

  /**
   * {@code query} narrowed by the declared {@link #where()} and sorted by the declared
   * {@link #preloadOrder()} first: what {@link #of} and a preload read.
   */
  Query<C> scoped(Query<C> query) {
    return ordered(filtered(query));
  }

  /**
   * {@code query} narrowed by the declared {@link #where()}, then refined by a preload's own query;
   * sorted by the declared {@link #preloadOrder()} only if the refinement did not order it, as Ecto's
   * custom query {@code order_by} overrides {@code preload_order}.
   */
  Query<C> scoped(Query<C> query, UnaryOperator<Query<C>> refine) {
    if (refine == null) {
      return scoped(query);
    }
    Query<C> refined = refine.apply(filtered(query));
    return refined == null || Internals.query().ordered(refined) ? refined : ordered(refined);
  }

  private Query<C> filtered(Query<C> query) {
    Filter<C, ?> where = declaration.where();
    return where == null ? query : query.where(where.condition());
  }

  private Query<C> ordered(Query<C> query) {
    List<OrderTerm<C>> terms = declaration.preloadOrder();
    if (terms.isEmpty()) {
      return query;
    }
    return query.orderBy(terms.stream().map(OrderTerm::order).toArray(Order[]::new));
  }

  /** Whether the slot of this association on {@code owner} holds loaded data. */
  public boolean isLoaded(P struct) {
    return declaration.loaded().test(struct);
  }

  /**
   * The loaded related structs of {@code struct}, typed as the related schema's struct:
   * {@code Posts.COMMENTS.structs(post)} is a {@code List<CommentStruct>}, where {@code post.comments()}
   * must be a {@code List<Comment>} of the interface (Java's overriding rules fix the struct's
   * accessor to the interface's type). Every child of a to-many association; the one parent or
   * child of a to-one, none when it is null. Throws {@link AssociationNotLoadedException} naming the
   * preload to add when the slot is not loaded.
   */
  public List<C> structs(P struct) {
    return children(struct);
  }

  /**
   * The loaded children of {@code struct}: the one parent or child of a to-one association (none
   * when it is null), every child of a to-many one. Throws if the slot is not loaded.
   */
  @SuppressWarnings("unchecked")
  List<C> children(P struct) {
    Object value = declaration.read().apply(struct);
    if (kind().isToOne()) {
      return value == null ? List.of() : List.of((C) value);
    }
    return List.copyOf((List<C>) value);
  }

  /** A copy of {@code struct} with the slot filled from {@code children} (first or null for to-one). */
  P put(P struct, List<C> children) {
    return declaration.put().apply(struct, children);
  }

  /**
   * The query for the related rows of {@code parent}, Ecto's {@code Ecto.assoc/2}: compose it
   * further before running it.
   *
   * <pre>{@code
   * List<CommentStruct> recent = repo.all(Posts.COMMENTS.of(post).orderBy(Comments.INSERTED_AT.desc()).limit(5));
   * }</pre>
   */
  public Query<C> of(P parent) {
    Object key = ownerField().get(parent);
    if (key == null) {
      throw new IllegalArgumentException("cannot query " + this + " of a " + owner().schemaName() + " whose "
          + ownerKey() + " is null");
    }
    return scoped(Query.from(related()).where(Internals.query().ownedBy(this, key)));
  }

  /**
   * A new child of {@code parent} with the foreign key set, Ecto's {@code Ecto.build_assoc/3}; for
   * {@code has_one} and {@code has_many}.
   */
  public C build(P parent) {
    throw new IllegalArgumentException("build works for has_one and has_many; " + this + " is " + kind());
  }

  /** This association as a {@link Preload}, to refine. */
  public Preload<P, C> preload() {
    return new Preload<>(this, null, List.of(), false);
  }

  /** Preloads this association and {@code paths} on its children: {@code Posts.COMMENTS.then(Comments.AUTHOR)}. */
  @SafeVarargs
  public final Preload<P, C> then(Preloadable<C>... paths) {
    return preload().then(paths);
  }

  /** Preloads this association with a refined query: {@code Posts.COMMENTS.query(q -> q.orderBy(…))}. */
  public Preload<P, C> query(UnaryOperator<Query<C>> refine) {
    return preload().query(refine);
  }

  /** Preloads only {@code fields} of the children, Ecto's {@code take}; see {@link Preload#take}. */
  @SafeVarargs
  public final Preload<P, C> take(Field<C, ?>... fields) {
    return preload().take(fields);
  }

  /** Preloads at most {@code count} children per parent; see {@link Preload#limitPerParent}. */
  public Preload<P, C> limitPerParent(int count) {
    return preload().limitPerParent(count);
  }

  /** Preloads this association even where it is already loaded. */
  public Preload<P, C> force() {
    return preload().force();
  }

  @Override
  public String toString() {
    return declaration.constant();
  }

  /** What every kind declares alike: where it sits, what it leads to, its options and its slot. */
  record Declaration<P, C>(Table<P> owner, String name, String constant, Supplier<Table<C>> related,
      ReferenceAction onDelete, OnReplace onReplace, List<OrderTerm<C>> preloadOrder, Filter<C, ?> where,
      Filter<?, ?> joinWhere, Predicate<P> loaded, Function<P, ?> read, BiFunction<P, List<C>, P> put, AssocDefaults<C, P> defaults,
      boolean forceUpdateOnChange, boolean unique) {}

  /**
   * Assembles an association of one kind; generated companions start it with {@link #belongsTo},
   * {@link #hasMany}, {@link #hasOne}, {@link #manyToMany} or {@link #through}.
   *
   * @param <A> the kind being built
   */
  public static final class Builder<P, C, A extends Association<P, C>> {
    private final Table<P> owner;
    private final String name;
    private final Supplier<Table<C>> related;
    private final Function<Declaration<P, C>, A> kind;
    private String constant;
    private ReferenceAction onDelete = ReferenceAction.NOTHING;
    private OnReplace onReplace = OnReplace.RAISE;
    private final java.util.ArrayList<OrderTerm<C>> preloadOrder = new java.util.ArrayList<>();
    private Filter<C, ?> where;
    private Filter<?, ?> joinWhere;
    private Predicate<P> loaded;
    private Function<P, ?> read;
    private BiFunction<P, List<C>, P> put;
    private AssocDefaults<C, P> defaults = (child, owner) -> child;
    private boolean forceUpdateOnChange = true;
    private boolean unique;

    private Builder(Table<P> owner, String name, Supplier<Table<C>> related, Function<Declaration<P, C>, A> kind) {
      this.owner = Objects.requireNonNull(owner, "owner");
      this.name = Objects.requireNonNull(name, "name");
      this.related = Objects.requireNonNull(related, "related");
      this.kind = kind;
      this.constant = owner.schemaName() + "." + name;
    }

    /** How user code names the constant, e.g. {@code Posts.COMMENTS}, for messages. */
    public Builder<P, C, A> constant(String constant) {
      this.constant = Objects.requireNonNull(constant, "constant");
      return this;
    }

    /** One more term of the declared {@code preloadOrder}: a related field, descending or not. */
    public Builder<P, C, A> preloadOrder(Supplier<Field<C, ?>> field, boolean descending) {
      preloadOrder.add(new OrderTerm<>(field, descending));
      return this;
    }

    /** The declared filter: only related rows whose {@code field} holds {@code value} belong. */
    public <V> Builder<P, C, A> where(Supplier<Field<C, V>> field, V value) {
      this.where = new Filter<>(field, value);
      return this;
    }

    /**
     * The declared filter on a many-to-many's join rows, Ecto's {@code join_where}: only join rows
     * whose {@code field} (of the join schema) holds {@code value} link the two sides.
     */
    public <J, V> Builder<P, C, A> joinWhere(Supplier<Field<J, V>> field, V value) {
      this.joinWhere = new Filter<>(field, value);
      return this;
    }

    public Builder<P, C, A> onDelete(ReferenceAction action) {
      this.onDelete = Objects.requireNonNull(action, "action");
      return this;
    }

    /** The declared {@code onReplace}; {@link OnReplace#RAISE} unless set. */
    public Builder<P, C, A> onReplace(OnReplace action) {
      this.onReplace = Objects.requireNonNull(action, "action");
      return this;
    }

    /** The declared {@code defaults}: what a new child starts with, Ecto's {@code defaults:}. */
    public Builder<P, C, A> defaults(AssocDefaults<C, P> defaults) {
      this.defaults = Objects.requireNonNull(defaults, "defaults");
      return this;
    }

    /** The declared {@code forceUpdateOnChange}; true unless set, as Ecto's default. */
    public Builder<P, C, A> forceUpdateOnChange(boolean force) {
      this.forceUpdateOnChange = force;
      return this;
    }

    /**
     * The declared {@code unique} of a {@code many_to_many}, Ecto's {@code unique: true}: a
     * {@code castAssoc} or {@code putAssoc} giving the same related row twice marks the second
     * {@code has already been taken} on its key, before anything is written.
     */
    public Builder<P, C, A> unique(boolean unique) {
      this.unique = unique;
      return this;
    }

    /** How to tell a loaded slot, how to read it (the struct's accessor), and how to fill it. */
    public Builder<P, C, A> slot(Predicate<P> isLoaded, Function<P, ?> read, BiFunction<P, List<C>, P> put) {
      this.loaded = Objects.requireNonNull(isLoaded, "isLoaded");
      this.read = Objects.requireNonNull(read, "read");
      this.put = Objects.requireNonNull(put, "put");
      return this;
    }

    public A build() {
      Objects.requireNonNull(loaded, "slot");
      return kind.apply(new Declaration<>(owner, name, constant, related, onDelete, onReplace,
          List.copyOf(preloadOrder), where, joinWhere, loaded, read, put, defaults, forceUpdateOnChange, unique));
    }
  }
}
