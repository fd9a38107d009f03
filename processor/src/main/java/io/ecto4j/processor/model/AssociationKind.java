package io.ecto4j.processor.model;

/** The association annotations; the names match {@code io.ecto4j.meta.Association.Kind}. */
public enum AssociationKind {
  BELONGS_TO("BelongsTo"),
  HAS_ONE("HasOne"),
  HAS_MANY("HasMany"),
  MANY_TO_MANY("ManyToMany");

  private final String annotation;

  AssociationKind(String annotation) {
    this.annotation = annotation;
  }

  /** The simple name of the annotation, e.g. {@code BelongsTo}. */
  public String annotation() {
    return annotation;
  }

  /** Whether the slot holds one struct (or null) rather than a list. */
  public boolean isToOne() {
    return this == BELONGS_TO || this == HAS_ONE;
  }
}
