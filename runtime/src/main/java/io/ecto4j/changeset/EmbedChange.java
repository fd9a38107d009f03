package io.ecto4j.changeset;

import io.ecto4j.meta.Embed;
import io.ecto4j.meta.Struct;
import java.util.List;
import java.util.function.Function;

/**
 * The new value of an embed in a changeset, Ecto's embed changesets in {@code changes}: one child
 * changeset per embedded struct, marked {@code INSERT} (new), {@code UPDATE} (a current one changed)
 * or {@code REPLACE} (a current one left out, with {@code onReplace} {@code DELETE}). Its applied
 * value is also the plain change of the embed's field, which the repo writes as the whole
 * {@code jsonb} value.
 *
 * @param <E> the embedded struct
 */
final class EmbedChange<E extends Struct<E>> {
  private final boolean many;
  private final List<Changeset<E>> children;

  EmbedChange(Embed<?, ?, E> embed, List<Changeset<E>> children) {
    this.many = embed.isMany();
    this.children = List.copyOf(children);
  }

  /** Every child, the replaced ones too, as Ecto's {@code get_embed(…, :changeset)} lists them. */
  List<Changeset<E>> children() {
    return children;
  }

  /** The children that stay: all but the replaced ones. */
  List<Changeset<E>> kept() {
    return AssocChange.keptOf(children);
  }

  boolean isValid() {
    return kept().stream().allMatch(Changeset::isValid);
  }

  /** The structs that stay, with their changes applied (and their own embeds' changes, nested). */
  List<E> applied() {
    return AssocChange.appliedOf(kept());
  }

  /** Ecto's nested errors: a list of maps (many) or a map (one); null when no child has errors. */
  Object traverseErrors(Function<ChangesetError, String> render) {
    return AssocChange.nested(kept(), !many, child -> child.traverseErrors(render));
  }

  /** Ecto's nested {@code traverse_validations}, shaped as {@link #traverseErrors}. */
  <R> Object traverseValidations(Function<Validation, R> render) {
    return AssocChange.nested(kept(), !many, child -> child.traverseValidations(render));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EmbedChange<?> other && many == other.many && children.equals(other.children);
  }

  @Override
  public int hashCode() {
    return children.hashCode();
  }

  @Override
  public String toString() {
    return children.toString();
  }
}
