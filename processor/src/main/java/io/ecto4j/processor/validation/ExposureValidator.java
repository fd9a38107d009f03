package io.ecto4j.processor.validation;

import io.ecto4j.processor.ErrorReporter;
import io.ecto4j.processor.Messages;
import io.ecto4j.processor.model.ColumnKind;
import io.ecto4j.processor.model.ColumnModel;
import io.ecto4j.processor.model.MethodRef;
import io.ecto4j.processor.model.Names;
import io.ecto4j.processor.model.SchemaModel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks abstract methods without annotation: each must expose a generated component (the primary
 * key, a timestamp or a foreign key) with exactly its type, which the struct then implements.
 */
final class ExposureValidator {
  private final ErrorReporter reporter;

  ExposureValidator(ErrorReporter reporter) {
    this.reporter = reporter;
  }

  void validate(SchemaModel schema) {
    Map<String, ColumnModel> exposable = exposable(schema);
    for (MethodRef method : schema.exposures()) {
      ColumnModel column = exposable.get(method.name());
      if (column == null || method.parameterCount() > 0 || !method.element().getTypeParameters().isEmpty()) {
        reporter.error(Messages.unmappedMethod(method.name() + "()", schema.schema().simpleName(),
            describe(exposable)), method.element());
      } else if (!method.returnType().withoutAnnotations().equals(column.mapping().javaType())) {
        reporter.error(Messages.exposureType(method.name(), what(column), display(column),
            Names.display(method.returnType().withoutAnnotations().toString())), method.element());
      }
    }
  }

  private static Map<String, ColumnModel> exposable(SchemaModel schema) {
    Map<String, ColumnModel> exposable = new LinkedHashMap<>();
    for (ColumnModel column : schema.columns()) {
      if (column.kind() != ColumnKind.COLUMN && column.kind() != ColumnKind.VIRTUAL) {
        exposable.putIfAbsent(column.name(), column);
      }
    }
    return exposable;
  }

  private static String describe(Map<String, ColumnModel> exposable) {
    return exposable.isEmpty()
        ? "this schema exposes none"
        : "those are " + exposable.values().stream()
            .map(column -> display(column) + " " + column.name() + "()")
            .collect(Collectors.joining(", "));
  }

  private static String what(ColumnModel column) {
    return switch (column.kind()) {
      case PRIMARY_KEY -> "the primary key";
      case FOREIGN_KEY -> "a foreign key";
      default -> "a timestamp";
    };
  }

  private static String display(ColumnModel column) {
    return Names.display(column.mapping().javaType().toString());
  }
}
