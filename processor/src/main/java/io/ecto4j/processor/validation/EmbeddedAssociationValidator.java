package io.ecto4j.processor.validation;

import io.ecto4j.processor.EmbedMessages;
import io.ecto4j.processor.ErrorReporter;
import io.ecto4j.processor.RuntimeNames;
import io.ecto4j.processor.model.AssociationKind;
import io.ecto4j.processor.model.Origin;
import io.ecto4j.processor.reading.Annotated;
import io.ecto4j.processor.reading.Annotations;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Checks an association of an {@code @Embedded} interface: a {@code @BelongsTo}, as Ecto's
 * embedded schemas declare, whose foreign key is a field of the embed's JSON; without the
 * attributes only a table (the constraint's {@code onDelete}) or a written association
 * ({@code castAssoc}/{@code putAssoc}) uses.
 */
final class EmbeddedAssociationValidator {
  /** The {@code @BelongsTo} attributes an embedded schema has no use for. */
  private static final List<String> TABLE_ONLY = List.of("onDelete", "onReplace", "defaults", "forceUpdateOnChange");

  private final ErrorReporter reporter;
  private final Annotations annotations;

  EmbeddedAssociationValidator(ErrorReporter reporter, Annotations annotations) {
    this.reporter = reporter;
    this.annotations = annotations;
  }

  /** Whether the association may be checked further: true for any association of a {@code @Schema}. */
  boolean validate(ExecutableElement method, Annotated association, TypeElement owner) {
    if (annotations.find(owner, RuntimeNames.SCHEMA).isPresent()) {
      return true;
    }
    String name = owner.getSimpleName().toString();
    String methodName = method.getSimpleName().toString();
    Origin origin = Origin.of(method, association.mirror());
    if (association.annotation().association().orElseThrow() != AssociationKind.BELONGS_TO) {
      reporter.error(EmbedMessages.embeddedAssociation(name, association.annotation().simpleName(), methodName),
          origin);
      return false;
    }
    boolean clean = true;
    for (String attribute : TABLE_ONLY) {
      if (annotations.isExplicit(association.mirror(), attribute)) {
        reporter.error(EmbedMessages.embeddedBelongsToOption(name, methodName, attribute), origin, attribute);
        clean = false;
      }
    }
    return clean;
  }
}
