package io.ecto4j.processor.validation;

import io.ecto4j.processor.ErrorReporter;
import io.ecto4j.processor.Messages;
import io.ecto4j.processor.model.ColumnModel;
import io.ecto4j.processor.model.SchemaModel;
import java.util.HashMap;
import java.util.Map;

/** Checks that the table has columns and that no two components share one. */
final class ColumnValidator {
  private final ErrorReporter reporter;

  ColumnValidator(ErrorReporter reporter) {
    this.reporter = reporter;
  }

  void validate(SchemaModel schema) {
    if (schema.persistedColumns().isEmpty()) {
      reporter.error(Messages.schemaEmpty(schema.schema().simpleName()), schema.origin());
    }
    Map<String, ColumnModel> byColumn = new HashMap<>();
    for (ColumnModel column : schema.persistedColumns()) {
      ColumnModel first = byColumn.putIfAbsent(column.column(), column);
      // Equal names are reported as a name clash, which is the root of the problem.
      if (first != null && !first.name().equals(column.name())) {
        reporter.error(Messages.duplicateColumn(column.column(), Describe.column(column), Describe.column(first)),
            column.origin(), column.kind().attribute());
      }
    }
  }
}
