package io.ecto4j.internal;

import java.lang.invoke.MethodHandles;
import java.util.function.Supplier;

/**
 * The registry of the bridges between ecto4j's packages. Each owning class registers its bridge in
 * its static initializer; a lookup before that initializes the owner, so that the order in which
 * classes load never matters.
 */
public final class Internals {
  private static volatile QueryInternals query;
  private static volatile ChangesetInternals changeset;
  private static volatile MultiInternals multi;
  private static volatile AssociationInternals association;

  private Internals() {}

  /** What the repo asks of queries: their statements, readers, and the SQL of association links. */
  public static QueryInternals query() {
    QueryInternals bridge = query;
    return bridge != null ? bridge : initialized(io.ecto4j.query.Query.class, () -> query);
  }

  /** What the repo asks of changesets: their association changes and constraint errors. */
  public static ChangesetInternals changeset() {
    ChangesetInternals bridge = changeset;
    return bridge != null ? bridge : initialized(io.ecto4j.changeset.Changeset.class, () -> changeset);
  }

  /** How the repo runs a Multi. */
  public static MultiInternals multi() {
    MultiInternals bridge = multi;
    return bridge != null ? bridge : initialized(io.ecto4j.multi.Multi.class, () -> multi);
  }

  /** How the repo and changesets read and fill an association's slot on a struct. */
  public static AssociationInternals association() {
    AssociationInternals bridge = association;
    return bridge != null ? bridge : initialized(io.ecto4j.meta.Association.class, () -> association);
  }

  public static void register(QueryInternals bridge) {
    query = once(query, bridge);
  }

  public static void register(ChangesetInternals bridge) {
    changeset = once(changeset, bridge);
  }

  public static void register(MultiInternals bridge) {
    multi = once(multi, bridge);
  }

  public static void register(AssociationInternals bridge) {
    association = once(association, bridge);
  }

  private static <B> B once(B current, B bridge) {
    if (current != null) {
      throw new IllegalStateException("the bridge " + current.getClass().getName() + " is already registered");
    }
    return bridge;
  }

  /** Initializes {@code owner} (whose static initializer registers the bridge) and returns the bridge. */
  private static <B> B initialized(Class<?> owner, Supplier<B> registered) {
    try {
      MethodHandles.lookup().ensureInitialized(owner);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("ecto4j's runtime cannot initialize " + owner.getName(), e);
    }
    B bridge = registered.get();
    if (bridge == null) {
      throw new IllegalStateException(owner.getName() + " did not register its bridge when it was initialized");
    }
    return bridge;
  }
}
