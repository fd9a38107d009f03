package io.ecto4j.processor.writing;

import com.palantir.javapoet.CodeBlock;
import io.ecto4j.processor.RuntimeNames;
import io.ecto4j.processor.model.ColumnType;
import io.ecto4j.processor.model.TypeMapping;
import java.util.Optional;

/** The {@code io.ecto4j.type.FieldType} expression of a mapping: {@code Types.STRING}, {@code Types.list(…)}. */
final class TypeCode {
  private TypeCode() {}

  static CodeBlock fieldType(TypeMapping mapping) {
    return switch (mapping.columnType()) {
      case ENUM -> CodeBlock.of("$T.enumType($T.class, $T.values())", RuntimeNames.TYPES, mapping.javaType(),
          mapping.javaType());
      case LIST -> CodeBlock.of("$T.list($L)", RuntimeNames.TYPES, fieldType(mapping.element().orElseThrow()));
      default -> CodeBlock.of("$T.$L", RuntimeNames.TYPES, mapping.columnType().typesConstant());
    };
  }

  /**
   * The name of the {@code io.ecto4j.type.Reads} and {@code Binds} methods for a column of this
   * mapping, when they have one: generated row mapping and insert binding call them rather than
   * {@code Types.X.read}/{@code bind}, so the JIT can inline them.
   */
  static Optional<String> direct(TypeMapping mapping) {
    return Optional.ofNullable(switch (mapping.columnType()) {
      case STRING, TEXT -> "string";
      case BOOLEAN -> "booleanOrNull";
      case SHORT -> "shortOrNull";
      case INTEGER -> "integerOrNull";
      case LONG -> "longOrNull";
      case DOUBLE -> "doubleOrNull";
      case DECIMAL -> "decimal";
      case UUID -> "uuid";
      case INSTANT -> "instant";
      case BYTES -> "bytes";
      default -> null;
    });
  }

  /** Whether {@link #fieldType} builds a new object, which row mapping should not do per row. */
  static boolean isBuilt(TypeMapping mapping) {
    return mapping.columnType() == ColumnType.ENUM || mapping.columnType() == ColumnType.LIST
        || mapping.columnType().isEmbed();
  }
}
