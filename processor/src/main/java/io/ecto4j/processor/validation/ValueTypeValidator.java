package io.ecto4j.processor.validation;

import io.ecto4j.processor.ErrorReporter;
import io.ecto4j.processor.Messages;
import io.ecto4j.processor.model.ColumnModel;
import io.ecto4j.processor.model.ColumnType;
import io.ecto4j.processor.model.Names;
import io.ecto4j.processor.model.SchemaModel;
import io.ecto4j.processor.model.TypeMapping;
import io.ecto4j.processor.reading.EnumConstants;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Checks what a field's values are stored as: the {@code @EnumValue}s of an enum (all strings or all
 * numbers, none repeated), the column type of an integer enum, and that {@code precision} is given only
 * to a type with a time of day.
 */
final class ValueTypeValidator {
  private static final Pattern INTEGER_TYPES = Pattern.compile("(?i)smallint|integer|int|int2|int4|bigint|int8");

  private final ErrorReporter reporter;
  /** Each enum is checked once, however many fields hold it. */
  private final Set<String> checkedEnums = new HashSet<>();

  ValueTypeValidator(ErrorReporter reporter) {
    this.reporter = reporter;
  }

  void validate(SchemaModel schema) {
    for (ColumnModel column : schema.columns()) {
      column.origin().annotation().filter(ValueTypeValidator::asksForSeconds).ifPresent(annotation -> precision(column));
      TypeMapping value = column.mapping().element().orElse(column.mapping());
      if (value.columnType() == ColumnType.ENUM) {
        enumType(column).ifPresent(this::constants);
        if (value.enumIntegers() && !INTEGER_TYPES.matcher(value.sqlType()).matches()) {
          reporter.error(Messages.enumValueColumnType(column.name(), value.sqlType()), column.origin(), "type");
        }
      }
    }
  }

  private static boolean asksForSeconds(AnnotationMirror annotation) {
    return annotation.getElementValues().entrySet().stream()
        .anyMatch(entry -> entry.getKey().getSimpleName().contentEquals("precision")
            && entry.getValue().getValue().toString().equals("SECONDS"));
  }

  private void precision(ColumnModel column) {
    TypeMapping value = column.mapping().element().orElse(column.mapping());
    if (!value.columnType().hasTimeOfDay()) {
      reporter.error(Messages.timePrecision(column.name(), Names.display(column.mapping().javaType().toString())),
          column.origin(), "precision");
    }
  }

  /** The enum a field holds, itself or as its list's element. */
  private static Optional<TypeElement> enumType(ColumnModel column) {
    TypeMirror type = column.origin().element().asType();
    if (type.getKind() == TypeKind.EXECUTABLE) {
      type = ((javax.lang.model.type.ExecutableType) type).getReturnType();
    }
    if (type.getKind() != TypeKind.DECLARED) {
      return Optional.empty();
    }
    DeclaredType declared = (DeclaredType) type;
    if (!declared.getTypeArguments().isEmpty()) {
      declared = (DeclaredType) declared.getTypeArguments().get(0);
    }
    return Optional.of((TypeElement) declared.asElement());
  }

  private void constants(TypeElement enumType) {
    if (!checkedEnums.add(enumType.getQualifiedName().toString())) {
      return;
    }
    List<EnumConstants> constants = EnumConstants.of(enumType);
    String name = enumType.getSimpleName().toString();
    Optional<EnumConstants> numbered = constants.stream().filter(c -> c.number().isPresent()).findFirst();
    for (EnumConstants constant : constants) {
      if (constant.number().isPresent() && constant.string().isPresent()) {
        reporter.error(Messages.enumValueBoth(name, constant.name()), constant.element());
      } else if (numbered.isPresent() && constant.number().isEmpty()) {
        reporter.error(Messages.enumValueMixed(name, constant.name(), numbered.get().name()), constant.element());
      }
    }
    repeated(name, constants, EnumConstants.allNumbered(constants));
  }

  private void repeated(String enumType, List<EnumConstants> constants, boolean numbers) {
    Map<String, EnumConstants> seen = new HashMap<>();
    for (EnumConstants constant : constants) {
      String stored = numbers ? String.valueOf(constant.number().getAsInt()) : "\"" + constant.storedString() + "\"";
      EnumConstants earlier = seen.putIfAbsent(stored, constant);
      if (earlier != null) {
        reporter.error(Messages.enumValueRepeated(enumType, constant.name(), earlier.name(), stored), constant.element());
      }
    }
  }
}
