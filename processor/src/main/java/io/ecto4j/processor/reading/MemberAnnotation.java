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
  MANY_TO_MANY(RuntimeNames.MANY_TO_MANY, AssociationKind.MANY_TO_MANY);

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

  /** The association kind, unless this is {@code @Field}. */
  public Optional<AssociationKind> association() {
    return Optional.ofNullable(association);
  }
}
