package io.ecto4j.processor.validation;

import io.ecto4j.processor.ErrorReporter;
import io.ecto4j.processor.Messages;
import io.ecto4j.processor.model.AssociationModel;
import io.ecto4j.processor.model.SchemaModel;
import io.ecto4j.processor.model.SchemaRef;

/**
 * Checks the keys of each association: the schemas they need have a primary key, a referenced
 * column exists, a {@code @HasMany}/{@code @HasOne} has its {@code @BelongsTo} on the other side.
 */
final class AssociationValidator {
  private final ErrorReporter reporter;

  AssociationValidator(ErrorReporter reporter) {
    this.reporter = reporter;
  }

  void validate(SchemaModel schema) {
    for (AssociationModel association : schema.associations()) {
      if (keysPresent(schema, association)) {
        switch (association.kind()) {
          case BELONGS_TO -> referencedColumn(association);
          case HAS_ONE, HAS_MANY -> inverse(schema, association);
          case MANY_TO_MANY -> joinKeys(association);
        }
      }
    }
  }

  /** Reports a missing key: a primary key the association defaults to on a schema without one. */
  private boolean keysPresent(SchemaModel schema, AssociationModel association) {
    if (association.ownerKey().isEmpty()) {
      missingKey(association, schema.schema().simpleName());
      return false;
    }
    if (association.relatedKey().isEmpty()) {
      missingKey(association, association.target().schema().simpleName());
      return false;
    }
    return true;
  }

  private void missingKey(AssociationModel association, String schema) {
    reporter.error(Messages.associationPrimaryKey(association.kind(), association.name(), schema),
        association.origin());
  }

  private void referencedColumn(AssociationModel association) {
    String column = association.relatedKey().orElseThrow();
    SchemaRef target = association.target();
    if (target.column(column).isEmpty()) {
      reporter.error(Messages.belongsToReferences(association.name(), column, target.schema().simpleName()),
          association.origin(), "references");
    }
  }

  private void inverse(SchemaModel schema, AssociationModel association) {
    String foreignKey = association.relatedKey().orElseThrow();
    boolean found = association.target().belongsTo().stream()
        .anyMatch(inverse -> inverse.target().equals(schema.schema()) && inverse.foreignKey().equals(foreignKey));
    if (!found) {
      reporter.error(Messages.missingInverse(association.kind(), association.name(), schema.schema().simpleName(),
          association.target().schema().simpleName(), foreignKey), association.origin());
    }
  }

  private void joinKeys(AssociationModel association) {
    association.joinTable()
        .filter(join -> join.ownerColumn().equals(join.relatedColumn()))
        .ifPresent(join -> reporter.error(Messages.joinKeys(association.name(), join.ownerColumn()),
            association.origin()));
  }
}
