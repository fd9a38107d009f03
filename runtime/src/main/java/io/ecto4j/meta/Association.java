package io.ecto4j.meta;

import io.ecto4j.query.Expression;
import io.ecto4j.query.Order;
import io.ecto4j.query.Query;
import io.ecto4j.schema.OnReplace;
import io.ecto4j.schema.ReferenceAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * An association between two schemas: {@code Posts.COMMENTS} is an
 * {@code Association<PostStruct, CommentStruct>}. It names the keys that relate the two tables and
 * knows how to read and fill the struct's slot, so that preloading needs no reflection.
 *
 * <pre>{@code
 * boolean loaded = Posts.COMMENTS.isLoaded(post);
 * Table<CommentStruct> comments = Posts.COMMENTS.related();
 * }</pre>
 *
 * @param <P> the owning struct
 * @param <C> the related struct
 */
public final class Association<P, C> implements Preloadable<P> {

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

  private final Kind kind;
  private final Table<P> owner;
  private final String name;
  private final String constant;
  private final Supplier<Table<C>> related;
  private final String ownerKey;
  private final String relatedKey;
  private final String joinTable;
  private final String joinOwnerKey;
  private final String joinRelatedKey;
  private final ReferenceAction onDelete;
  private final OnReplace onReplace;
  private final Supplier<List<Association<?, ?>>> through;
  private final List<Map.Entry<String, Boolean>> preloadOrder;
  private final Map.Entry<String, Object> where;
  private final Predicate<P> loaded;
  private final Function<P, ?> read;
  private final BiFunction<P, List<C>, P> put;

  private Association(Builder<P, C> b) {
    this.kind = b.kind;
    this.owner = b.owner;
    this.name = b.name;
    this.constant = b.constant;
    this.related = b.related;
    this.ownerKey = Objects.requireNonNull(b.ownerKey, "ownerKey");
    this.relatedKey = Objects.requireNonNull(b.relatedKey, "relatedKey");
    this.joinTable = b.joinTable;
    this.joinOwnerKey = b.joinOwnerKey;
    this.joinRelatedKey = b.joinRelatedKey;
    this.onDelete = b.onDelete;
    this.onReplace = b.onReplace;
    this.through = b.through;
    this.preloadOrder = List.copyOf(b.preloadOrder);
    this.where = b.where;
    this.loaded = Objects.requireNonNull(b.loaded, "loaded");
    this.read = Objects.requireNonNull(b.read, "read");
    this.put = Objects.requireNonNull(b.put, "put");
  }

  /** Starts describing an association; generated companions finish it with the builder. */
  public static <P, C> Builder<P, C> builder(Kind kind, Table<P> owner, String name, Supplier<Table<C>> related) {
    return new Builder<>(kind, owner, name, related);
  }

  public Kind kind() {
    return kind;
  }

  public Table<P> owner() {
    return owner;
  }

  /** The association's name, e.g. {@code comments}. */
  public String name() {
    return name;
  }

  /** The related schema; resolved lazily because companions refer to each other. */
  public Table<C> related() {
    return related.get();
  }

  /**
   * The owner's column that relates the rows: the foreign key for {@code belongs_to}, the
   * referenced key (usually {@code id}) for the other kinds.
   */
  public String ownerKey() {
    return ownerKey;
  }

  /**
   * The related table's column: its referenced key for {@code belongs_to}, its foreign key for
   * {@code has_one}/{@code has_many}, its key for {@code many_to_many}.
   */
  public String relatedKey() {
    return relatedKey;
  }

  /** The join table of a {@code many_to_many}. */
  public Optional<String> joinTable() {
    return Optional.ofNullable(joinTable);
  }

  /** The join table's column pointing at the owner. */
  public Optional<String> joinOwnerKey() {
    return Optional.ofNullable(joinOwnerKey);
  }

  /** The join table's column pointing at the related schema. */
  public Optional<String> joinRelatedKey() {
    return Optional.ofNullable(joinRelatedKey);
  }

  public ReferenceAction onDelete() {
    return onDelete;
  }

  /** Whether this association goes through a path of others ({@code through:}). */
  public boolean isThrough() {
    return through != null;
  }

  /** The path of a {@code through} association, from the owner's first association on; empty otherwise. */
  public List<Association<?, ?>> throughPath() {
    return through == null ? List.of() : through.get();
  }

  /** What a changeset does with loaded children its new value leaves out, unless told otherwise. */
  public OnReplace onReplace() {
    return onReplace;
  }

  /**
   * The declared {@code preloadOrder}: related columns, each with {@code true} for descending.
   * Preloads and {@link #of} sort by it before any order of their own.
   */
  public List<Map.Entry<String, Boolean>> preloadOrder() {
    return preloadOrder;
  }

  /** The declared filter: a related column and the value it must hold; empty when none. */
  public Optional<Map.Entry<String, Object>> where() {
    return Optional.ofNullable(where);
  }

  /** {@code query} narrowed by the declared {@link #where()}, if any. */
  public Query<C> filtered(Query<C> query) {
    return where == null ? query : query.where(equalTo(related().fieldForColumn(where.getKey()), where.getValue()));
  }

  /** {@code query} sorted by the declared {@link #preloadOrder()} first. */
  public Query<C> ordered(Query<C> query) {
    if (preloadOrder.isEmpty()) {
      return query;
    }
    Table<C> table = related();
    Order[] terms = new Order[preloadOrder.size()];
    for (int i = 0; i < terms.length; i++) {
      Field<C, ?> field = table.fieldForColumn(preloadOrder.get(i).getKey());
      terms[i] = preloadOrder.get(i).getValue() ? field.desc() : field.asc();
    }
    return query.orderBy(terms);
  }

  /** Whether the slot of this association on {@code owner} holds loaded data. */
  public boolean isLoaded(P struct) {
    return loaded.test(struct);
  }

  /**
   * The loaded children of {@code struct}: the one parent or child of a to-one association (none
   * when it is null), every child of a to-many one. Throws if the slot is not loaded.
   */
  @SuppressWarnings("unchecked")
  public List<C> children(P struct) {
    Object value = read.apply(struct);
    if (kind.isToOne()) {
      return value == null ? List.of() : List.of((C) value);
    }
    return List.copyOf((List<C>) value);
  }

  /** A copy of {@code struct} with the slot filled from {@code children} (first or null for to-one). */
  public P put(P struct, List<C> children) {
    return put.apply(struct, children);
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
    if (isThrough()) {
      throw new UnsupportedOperationException(constant + " goes through " + throughPath()
          + ": preload it with repo.preload(struct, " + constant + "), or query the path's last association");
    }
    Object key = owner.fieldForColumn(ownerKey).get(parent);
    if (key == null) {
      throw new IllegalArgumentException("cannot query " + constant + " of a " + owner.schemaName() + " whose "
          + ownerKey + " is null");
    }
    Table<C> table = related();
    if (kind == Kind.MANY_TO_MANY) {
      return ordered(Query.from(table).where(linkedTo(ownerKeyValue(owner.fieldForColumn(ownerKey), key))));
    }
    return ordered(filtered(Query.from(table).where(equalTo(table.fieldForColumn(relatedKey), key))));
  }

  private static <K> Expression<K> ownerKeyValue(Field<?, K> ownerField, Object key) {
    return io.ecto4j.query.Functions.value(ownerField.castValue(key), ownerField.type());
  }

  /**
   * For a many-to-many, the related rows the join table links to the owner key {@code owner}:
   * {@code r.id IN (SELECT tag_id FROM posts_tags WHERE post_id = owner)}. {@code owner} is a value,
   * or an expression of an enclosing query, such as the parent key of a per-parent lateral preload.
   */
  public <K> io.ecto4j.query.Condition linkedTo(Expression<K> owner) {
    if (kind != Kind.MANY_TO_MANY) {
      throw new IllegalStateException(constant + " is " + kind + ", not many_to_many: it has no join table");
    }
    return linkedTo(related().fieldForColumn(relatedKey), owner);
  }

  private <V, K> io.ecto4j.query.Condition linkedTo(Field<C, V> relatedField, Expression<K> owner) {
    Query<V> linked = Query.from(joinTable)
        .where(Query.column(joinOwnerKey, owner.type()).eq(owner))
        .select(Query.column(joinRelatedKey, relatedField.type()));
    return relatedField.in(linked);
  }

  /**
   * A new child of {@code parent} with the foreign key set, Ecto's {@code Ecto.build_assoc/3}; for
   * {@code has_one} and {@code has_many}.
   */
  public C build(P parent) {
    if (kind != Kind.HAS_MANY && kind != Kind.HAS_ONE) {
      throw new IllegalArgumentException("build works for has_one and has_many; " + constant + " is " + kind);
    }
    Object key = owner.fieldForColumn(ownerKey).get(parent);
    Table<C> table = related();
    return setUnchecked(table.fieldForColumn(relatedKey), table.newStruct(), key);
  }

  private static <S, V> io.ecto4j.query.Condition equalTo(Field<S, V> field, Object value) {
    return field.eq(field.castValue(value));
  }

  private static <S, V> S setUnchecked(Field<S, V> field, S struct, Object value) {
    return field.set(struct, field.castValue(value));
  }

  @Override
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
    return constant;
  }

  /** Assembles an {@link Association}; used by generated companions. */
  public static final class Builder<P, C> {
    private final Kind kind;
    private final Table<P> owner;
    private final String name;
    private final Supplier<Table<C>> related;
    private String constant;
    private String ownerKey;
    private String relatedKey;
    private String joinTable;
    private String joinOwnerKey;
    private String joinRelatedKey;
    private ReferenceAction onDelete = ReferenceAction.NOTHING;
    private OnReplace onReplace = OnReplace.RAISE;
    private Supplier<List<Association<?, ?>>> through;
    private final List<Map.Entry<String, Boolean>> preloadOrder = new ArrayList<>();
    private Map.Entry<String, Object> where;
    private Predicate<P> loaded;
    private Function<P, ?> read;
    private BiFunction<P, List<C>, P> put;

    private Builder(Kind kind, Table<P> owner, String name, Supplier<Table<C>> related) {
      this.kind = Objects.requireNonNull(kind, "kind");
      this.owner = Objects.requireNonNull(owner, "owner");
      this.name = Objects.requireNonNull(name, "name");
      this.related = Objects.requireNonNull(related, "related");
      this.constant = owner.schemaName() + "." + name;
    }

    /** How user code names the constant, e.g. {@code Posts.COMMENTS}, for messages. */
    public Builder<P, C> constant(String constant) {
      this.constant = constant;
      return this;
    }

    /** The owner's column and the related table's column that hold equal values. */
    public Builder<P, C> keys(String ownerKey, String relatedKey) {
      this.ownerKey = ownerKey;
      this.relatedKey = relatedKey;
      return this;
    }

    /** The join table of a {@code many_to_many} and its two columns. */
    public Builder<P, C> joinThrough(String table, String ownerColumn, String relatedColumn) {
      this.joinTable = table;
      this.joinOwnerKey = ownerColumn;
      this.joinRelatedKey = relatedColumn;
      return this;
    }

    /** One more term of the declared {@code preloadOrder}: a related column, descending or not. */
    public Builder<P, C> preloadOrder(String column, boolean descending) {
      preloadOrder.add(Map.entry(Objects.requireNonNull(column, "column"), descending));
      return this;
    }

    /** The declared filter: only related rows whose {@code column} holds {@code value} belong. */
    public Builder<P, C> where(String column, Object value) {
      this.where = Map.entry(Objects.requireNonNull(column, "column"), Objects.requireNonNull(value, "value"));
      return this;
    }

    public Builder<P, C> onDelete(ReferenceAction action) {
      this.onDelete = Objects.requireNonNull(action, "action");
      return this;
    }

    /** The path of a {@code through} association; lazy, because companions refer to each other. */
    public Builder<P, C> through(Supplier<List<Association<?, ?>>> path) {
      this.through = Objects.requireNonNull(path, "path");
      return this;
    }

    /** The declared {@code onReplace}; {@link OnReplace#RAISE} unless set. */
    public Builder<P, C> onReplace(OnReplace action) {
      this.onReplace = Objects.requireNonNull(action, "action");
      return this;
    }

    /** How to tell a loaded slot, how to read it (the struct's accessor), and how to fill it. */
    public Builder<P, C> slot(Predicate<P> isLoaded, Function<P, ?> read, BiFunction<P, List<C>, P> put) {
      this.loaded = isLoaded;
      this.read = read;
      this.put = put;
      return this;
    }

    public Association<P, C> build() {
      return new Association<>(this);
    }
  }
}
