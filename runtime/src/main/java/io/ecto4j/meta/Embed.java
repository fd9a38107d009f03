package io.ecto4j.meta;

import io.ecto4j.query.Expression;
import io.ecto4j.schema.OnReplace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * An {@code @EmbedsOne} or {@code @EmbedsMany} of a schema, Ecto's {@code %Ecto.Embedded{}}: a
 * {@link Field} whose column is {@code jsonb} and whose value is an embedded struct
 * ({@code Embed<PostStruct, AddressStruct, AddressStruct>}) or a list of them
 * ({@code Embed<OrderStruct, List<LineItem>, LineItemStruct>}). Being a field, it is read, set,
 * written and queried as one ({@code Functions.jsonText(Orders.ADDRESS, "city")}); changesets change
 * it with {@code castEmbed} and {@code putEmbed}.
 *
 * <pre>{@code
 * AddressStruct address = Orders.ADDRESS.get(order);
 * List<LineItemStruct> items = Orders.ITEMS.structs(order);
 * }</pre>
 *
 * @param <S> the owner struct
 * @param <V> the field's value: the embedded struct, or a list of the embedded interface
 * @param <E> the embedded struct
 */
public final class Embed<S, V, E extends Struct<E>> extends Field<S, V> {

  /** Ecto's {@code cardinality}. */
  public enum Cardinality {
    /** {@code embeds_one}: one struct, or null. */
    ONE,
    /** {@code embeds_many}: a list of structs, empty by default. */
    MANY
  }

  private final Supplier<EmbeddedTable<E>> related;
  private final Cardinality cardinality;
  private final OnReplace onReplace;

  private Embed(Field<S, V> field, Supplier<EmbeddedTable<E>> related, Cardinality cardinality, OnReplace onReplace) {
    super(field);
    this.related = related;
    this.cardinality = cardinality;
    this.onReplace = Objects.requireNonNull(onReplace, "onReplace");
  }

  /**
   * An {@code embeds_one}, as a generated companion declares it.
   *
   * @param constant how user code names the constant, e.g. {@code Orders.ADDRESS}
   */
  public static <S, E extends Struct<E>> Embed<S, E, E> one(Table<S> owner, String name, String column,
      Class<E> struct, Supplier<EmbeddedTable<E>> related, Function<S, E> getter, BiFunction<S, E, S> setter,
      OnReplace onReplace, String constant) {
    EmbedType<E, E> type = new EmbedType<>(related, struct, false);
    Field<S, E> field = Field.of(owner, name, column, type, Kind.COLUMN, getter, setter).constant(constant);
    return new Embed<>(field, related, Cardinality.ONE, onReplace);
  }

  /**
   * An {@code embeds_many}, as a generated companion declares it: {@code V} is the list of the
   * embedded interface the schema declares ({@code List<LineItem>}), whose elements are {@code E}s.
   */
  @SuppressWarnings("unchecked")
  public static <S, V extends List<?>, E extends Struct<E>> Embed<S, V, E> many(Table<S> owner, String name,
      String column, Supplier<EmbeddedTable<E>> related, Function<S, V> getter, BiFunction<S, V, S> setter,
      OnReplace onReplace, String constant) {
    EmbedType<V, E> type = new EmbedType<>(related, (Class<V>) (Class<?>) List.class, true);
    Field<S, V> field = Field.of(owner, name, column, type, Kind.COLUMN, getter, setter).notNull().constant(constant);
    return new Embed<>(field, related, Cardinality.MANY, onReplace);
  }

  /** The embedded schema's companion, e.g. {@code Addresses.SCHEMA}. */
  public EmbeddedTable<E> related() {
    return related.get();
  }

  public Cardinality cardinality() {
    return cardinality;
  }

  /** Whether this is an {@code embeds_many}. */
  public boolean isMany() {
    return cardinality == Cardinality.MANY;
  }

  /** The declared {@code onReplace}; a {@code castEmbed}/{@code putEmbed} call may override it. */
  public OnReplace onReplace() {
    return onReplace;
  }

  /**
   * Preloads {@code first} (and {@code more}) on the embedded structs, Ecto's
   * {@code preload(orders, items: :user)}: {@code repo.preload(orders, Orders.ITEMS.then(Items.USER))}.
   * At least one path is required, so that an embed is never preloaded for nothing: an embed alone
   * is not {@link Preloadable}, and {@code repo.preload(orders, Orders.ITEMS)} does not compile.
   */
  @SafeVarargs
  public final EmbedPreload<S, E> then(Preloadable<E> first, Preloadable<E>... more) {
    List<Preloadable<E>> paths = new ArrayList<>();
    paths.add(first);
    paths.addAll(Arrays.asList(more));
    return new EmbedPreload<>(this, paths);
  }

  /**
   * This embed's column as a JSON document, for the JSON path functions of queries:
   * {@code Functions.jsonText(Orders.DETAILS.json(), "note")}, {@code jsonValue(Orders.LINES.json(), 0, "title")}.
   */
  @SuppressWarnings("unchecked")
  public Expression<Map<String, Object>> json() {
    return (Expression<Map<String, Object>>) (Expression<?>) this; // the same column, read as its JSON
  }

  /** The embedded structs on {@code owner}: none, one or many. */
  public List<E> structs(S owner) {
    return structsOf(get(owner));
  }

  /** The embedded structs of a value of this field: none for null, the one struct, or the list's. */
  @SuppressWarnings("unchecked")
  public List<E> structsOf(V value) {
    if (value == null) {
      return List.of();
    }
    return isMany() ? (List<E>) List.copyOf((List<?>) value) : List.of((E) value);
  }

  /** The value of this field holding {@code structs}: the first or null for one, the list for many. */
  @SuppressWarnings("unchecked")
  public V valueOf(List<E> structs) {
    if (isMany()) {
      return (V) List.copyOf(structs);
    }
    return structs.isEmpty() ? null : (V) structs.get(0);
  }
}
