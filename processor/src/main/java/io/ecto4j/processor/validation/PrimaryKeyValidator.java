package io.ecto4j.processor.validation;

import io.ecto4j.processor.ErrorReporter;
import io.ecto4j.processor.Messages;
import io.ecto4j.processor.model.AssociationKind;
import io.ecto4j.processor.model.AssociationModel;
import io.ecto4j.processor.model.ColumnKind;
import io.ecto4j.processor.model.ColumnModel;
import io.ecto4j.processor.model.Origin;
import io.ecto4j.processor.model.SchemaModel;
import javax.lang.model.element.AnnotationMirror;

/**
 * Checks a key declared on members, Ecto's {@code @primary_key false} with {@code primary_key: true}
 * fields: the members so marked must be the whole key (the schema declares
 * {@code PrimaryKey.Type.NONE}), persisted, and in a schema with a table.
 */
final class PrimaryKeyValidator {
  private final ErrorReporter reporter;

  PrimaryKeyValidator(ErrorReporter reporter) {
    this.reporter = reporter;
  }

  void validate(SchemaModel schema) {
    for (ColumnModel column : schema.columns()) {
      if (column.keyPart()) {
        keyPart(schema, column);
      }
    }
    for (AssociationModel association : schema.associations()) {
      if (association.kind() == AssociationKind.BELONGS_TO && declaresKey(association.origin())
          && schema.columns().stream().noneMatch(c -> c.keyPart() && c.origin().equals(association.origin()))) {
        reporter.error(Messages.keyPartUndefinedField(association.name()), association.origin(), "primaryKey");
      }
    }
  }

  private void keyPart(SchemaModel schema, ColumnModel column) {
    String annotation = column.kind() == ColumnKind.FOREIGN_KEY ? "BelongsTo" : "Field";
    if (schema.isEmbedded()) {
      reporter.error(Messages.keyPartEmbedded(column.name()), column.origin(), "primaryKey");
    } else if (column.kind() == ColumnKind.VIRTUAL) {
      reporter.error(Messages.keyPartVirtual(column.name()), column.origin(), "primaryKey");
    } else if (!schema.hasDeclaredKey()) {
      String key = schema.keyColumns().isEmpty() ? "id" : schema.keyColumns().get(0).name();
      reporter.error(Messages.keyPartWithGeneratedKey(annotation, column.name(), schema.schema().simpleName(), key),
          column.origin(), "primaryKey");
    }
  }

  /** Whether the member's annotation sets {@code primaryKey = true}. */
  private static boolean declaresKey(Origin origin) {
    return origin.annotation().map(PrimaryKeyValidator::declaresKey).orElse(false);
  }

  private static boolean declaresKey(AnnotationMirror annotation) {
    return annotation.getElementValues().entrySet().stream()
        .anyMatch(e -> e.getKey().getSimpleName().contentEquals("primaryKey")
            && Boolean.TRUE.equals(e.getValue().getValue()));
  }
}
