package io.ecto4j.processor.reading;

import com.palantir.javapoet.ClassName;
import io.ecto4j.processor.RuntimeNames;
import io.ecto4j.processor.model.AssociationKind;
import java.util.Optional;

/** The annotations that give a schema method its meaning. */
public enum MemberAnnotation {
  FIELD(RuntimeNames.FIELD_ANNOTATION, null),
  BELONGS_TO(RuntimeNames.BELONGS_TO, AssociationKind.BELONGS_TO),
  HAS_ONE(RuntimeNames.HAS_ONE, AssociationKind.HAS_ONE),
  HAS_MANY(RuntimeNames.HAS_MANY, AssociationKind.HAS_MANY),
  MANY_TO_MANY(RuntimeNames.MANY_TO_MANY, AssociationKind.MANY_TO_MANY),
  EMBEDS_ONE(RuntimeNames.EMBEDS_ONE, null),
  EMBEDS_MANY(RuntimeNames.EMBEDS_MANY, null);

  private final ClassName type;
  private final AssociationKind association;

  MemberAnnotation(ClassName type, AssociationKind association) {
    this.type = type;
    this.association = association;
  }

  public ClassName type() {
    return type;
  }

  /** The simple name, as messages show it after an {@code @}. */
  public String simpleName() {
    return type.simpleName();
  }

  /** Whether this is {@code @EmbedsOne} or {@code @EmbedsMany}. */
  public boolean isEmbed() {
    return this == EMBEDS_ONE || this == EMBEDS_MANY;
  }

  /** The association kind, unless this is {@code @Field} or an embed. */
  public Optional<AssociationKind> association() {
    return Optional.ofNullable(association);
  }
}
