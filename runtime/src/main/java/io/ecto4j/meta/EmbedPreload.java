package io.ecto4j.meta;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A preload through an embed to associations of the embedded structs, Ecto's
 * {@code preload(orders, items: :user)}: {@code Orders.ITEMS.then(Items.USER)}. The embedded structs
 * of all the parents are loaded together, one query per association below however many parents
 * and embedded structs there are, and put back in their places; a parent whose embed is null or
 * empty is left as it was.
 *
 * <pre>{@code
 * List<OrderStruct> orders = repo.preload(repo.all(Orders.query()), Orders.ITEMS.then(Items.USER));
 * UserStruct buyer = Orders.ITEMS.structs(orders.get(0)).get(0).user();
 * }</pre>
 *
 * @param <P> the struct holding the embed
 * @param <E> the embedded struct
 */
public final class EmbedPreload<P, E extends Struct<E>> implements Preloadable<P> {
  private final Embed<P, ?, E> embed;
  private final List<Preloadable<E>> nested;

  EmbedPreload(Embed<P, ?, E> embed, List<Preloadable<E>> nested) {
    this.embed = Objects.requireNonNull(embed, "embed");
    int position = nested.indexOf(null);
    if (position >= 0) {
      throw new IllegalArgumentException("preload path " + (position + 1) + " of " + nested.size() + " below "
          + embed.constant() + " is null; name an association of " + embed.related().schemaName());
    }
    this.nested = List.copyOf(nested); // never empty: Embed.then takes a first path
  }

  /** The embed whose structs the nested paths load onto. */
  public Embed<P, ?, E> embed() {
    return embed;
  }

  /** What to preload on the embedded structs; at least one path. */
  public List<Preloadable<E>> nested() {
    return nested;
  }

  /** Also preloads {@code paths} on the embedded structs. */
  @SafeVarargs
  public final EmbedPreload<P, E> then(Preloadable<E>... paths) {
    List<Preloadable<E>> combined = new ArrayList<>(nested);
    combined.addAll(Arrays.asList(paths));
    return new EmbedPreload<>(embed, combined);
  }

  @Override
  public String toString() {
    return embed.constant() + ".then" + nested;
  }
}
