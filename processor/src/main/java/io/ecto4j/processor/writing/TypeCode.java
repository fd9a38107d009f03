package io.ecto4j.processor.writing;

import com.palantir.javapoet.CodeBlock;
import io.ecto4j.processor.RuntimeNames;
import io.ecto4j.processor.model.ColumnType;
import io.ecto4j.processor.model.CustomTypeModel;
import io.ecto4j.processor.model.TypeMapping;
import java.util.Optional;

/** The {@code io.ecto4j.type.FieldType} expression of a mapping: {@code Types.STRING}, {@code Types.list(…)}. */
final class TypeCode {
  private TypeCode() {}

  static CodeBlock fieldType(TypeMapping mapping) {
    return switch (mapping.columnType()) {
      case ENUM -> enumType(mapping);
      case LIST -> CodeBlock.of("$T.list($L)", RuntimeNames.TYPES, fieldType(mapping.element().orElseThrow()));
      case MAP -> CodeBlock.of("$T.map($L)", RuntimeNames.TYPES, fieldType(mapping.element().orElseThrow()));
      case CUSTOM -> customType(mapping.custom().orElseThrow());
      default -> CodeBlock.of("$T.$L", RuntimeNames.TYPES, mapping.columnType().typesConstant());
    };
  }

  /** {@code new Email.Type()}, or {@code new Money.Type(TypeParams.of("currency", "EUR"))} for a parameterized one. */
  private static CodeBlock customType(CustomTypeModel custom) {
    if (!custom.takesParams()) {
      return CodeBlock.of("new $T()", custom.typeClass());
    }
    CodeBlock params = custom.params().stream().map(text -> CodeBlock.of("$S", text)).collect(CodeBlock.joining(", "));
    return CodeBlock.of("new $T($T.of($L))", custom.typeClass(), RuntimeNames.TYPE_PARAMS, params);
  }

  /**
   * {@code Types.enumType(Status.class, Status.values())}, with the stored strings or numbers of
   * {@code @EnumValue} after them, and {@code .inDatabaseType("mood")} for a PostgreSQL enum type.
   */
  private static CodeBlock enumType(TypeMapping mapping) {
    CodeBlock.Builder code = CodeBlock.builder().add("$T.$L($T.class, $T.values()", RuntimeNames.TYPES,
        mapping.enumIntegers() ? "integerEnum" : "enumType", mapping.javaType(), mapping.javaType());
    if (mapping.enumRemapped()) {
      for (String stored : mapping.enumStored()) {
        code.add(mapping.enumIntegers() ? ", $L" : ", $S", stored);
      }
    }
    code.add(")");
    mapping.enumDatabaseType().ifPresent(type -> code.add(".inDatabaseType($S)", type));
    return code.build();
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

  /**
   * As {@link #direct}, for reading only: the date and time types that have a static
   * {@code io.ecto4j.type.Reads} method but are bound through their field type (insert binding
   * keeps its precision checks there).
   */
  static Optional<String> directRead(TypeMapping mapping) {
    return direct(mapping).or(() -> Optional.ofNullable(switch (mapping.columnType()) {
      case OFFSET_DATE_TIME -> "offsetDateTime";
      case LOCAL_DATE_TIME -> "localDateTime";
      case LOCAL_DATE -> "localDate";
      default -> null;
    }));
  }

  /** Whether {@link #fieldType} builds a new object, which row mapping should not do per row. */
  static boolean isBuilt(TypeMapping mapping) {
    return mapping.columnType() == ColumnType.ENUM || mapping.columnType() == ColumnType.LIST
        || mapping.columnType() == ColumnType.MAP || mapping.columnType() == ColumnType.CUSTOM
        || mapping.columnType().isEmbed();
  }
}
