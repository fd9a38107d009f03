package io.ecto4j.processor.validation;

import io.ecto4j.processor.ErrorReporter;
import io.ecto4j.processor.Messages;
import io.ecto4j.processor.model.ColumnKind;
import io.ecto4j.processor.model.ColumnModel;
import io.ecto4j.processor.model.DefaultValues;
import io.ecto4j.processor.model.Names;
import io.ecto4j.processor.model.SchemaModel;
import java.util.regex.Pattern;

/** Checks the {@code type}, {@code defaultValue} and {@code unique} of each {@code @Field}. */
final class FieldValidator {
  /** Conservative on purpose: the type goes into DDL verbatim. */
  private static final Pattern SQL_TYPE = Pattern.compile("[A-Za-z][A-Za-z0-9_ ]*(\\([0-9, ]+\\))?(\\[\\])?");

  private final ErrorReporter reporter;

  FieldValidator(ErrorReporter reporter) {
    this.reporter = reporter;
  }

  void validate(SchemaModel schema) {
    for (ColumnModel column : schema.columns()) {
      if (column.kind() == ColumnKind.COLUMN || column.kind() == ColumnKind.VIRTUAL) {
        sqlType(column);
        column.defaultValue().ifPresent(value -> defaultValue(column, value));
      }
      if (column.unique() && column.kind() == ColumnKind.VIRTUAL) {
        reporter.error(Messages.uniqueVirtual(column.name()), column.origin(), "unique");
      }
    }
  }

  private void sqlType(ColumnModel column) {
    if (!SQL_TYPE.matcher(column.mapping().sqlType()).matches()) {
      reporter.error(Messages.sqlType(column.name(), column.mapping().sqlType()), column.origin(), "type");
    }
  }

  private void defaultValue(ColumnModel column, String value) {
    if (!column.mapping().columnType().acceptsDefault()) {
      reporter.error(Messages.defaultNotSupported(column.name(), Names.display(column.mapping().javaType().toString())),
          column.origin(), "defaultValue");
    } else if (DefaultValues.parse(column.mapping(), value).isEmpty()) {
      reporter.error(Messages.defaultValue(column.name(), value, DefaultValues.describe(column.mapping()),
          DefaultValues.example(column.mapping())), column.origin(), "defaultValue");
    }
  }
}
