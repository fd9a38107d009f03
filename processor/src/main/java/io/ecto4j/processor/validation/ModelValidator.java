package io.ecto4j.processor.validation;

import io.ecto4j.processor.ErrorReporter;
import io.ecto4j.processor.model.SchemaModel;

/**
 * Checks a schema's model: names that must be valid SQL, defaults, columns, generated member
 * names, exposed accessors and associations.
 */
public final class ModelValidator {
  private final IdentifierValidator identifiers;
  private final FieldValidator fields;
  private final ColumnValidator columns;
  private final NameValidator names;
  private final ExposureValidator exposures;
  private final AssociationValidator associations;
  private final ValueTypeValidator values;
  private final PrimaryKeyValidator keys;

  public ModelValidator(ErrorReporter reporter) {
    this.identifiers = new IdentifierValidator(reporter);
    this.fields = new FieldValidator(reporter);
    this.columns = new ColumnValidator(reporter);
    this.names = new NameValidator(reporter);
    this.exposures = new ExposureValidator(reporter);
    this.associations = new AssociationValidator(reporter);
    this.values = new ValueTypeValidator(reporter);
    this.keys = new PrimaryKeyValidator(reporter);
  }

  /**
   * Checks {@code schema}. When methods were skipped for errors ({@code complete} is false), a
   * method exposing one of their components would look unmapped, so exposures are checked only on
   * complete models.
   */
  public void validate(SchemaModel schema, boolean complete) {
    identifiers.validate(schema);
    fields.validate(schema);
    keys.validate(schema);
    values.validate(schema);
    columns.validate(schema);
    names.validate(schema);
    if (complete) {
      exposures.validate(schema);
    }
    associations.validate(schema);
  }
}
