package io.ecto4j.processor.writing;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import io.ecto4j.processor.model.ColumnModel;
import io.ecto4j.processor.model.ColumnType;
import io.ecto4j.processor.model.DefaultValues;
import io.ecto4j.processor.model.TypeMapping;
import java.math.BigDecimal;
import java.util.Optional;

/** Default values as Java expressions (for new structs) and SQL literals (for DDL). */
final class Literals {
  private Literals() {}

  /** The value of {@code column} in a new struct: its default, else zero or null. */
  static CodeBlock initial(ColumnModel column) {
    if (column.mapping().columnType() == ColumnType.EMBED_MANY) {
      return CodeBlock.of("$T.of()", CompanionNames.LIST); // Ecto's embeds_many default, []
    }
    return column.defaultValue()
        .map(text -> java(column.mapping(), parsed(column.mapping(), text)))
        .orElseGet(() -> zero(column.mapping().javaType()));
  }

  /** {@code 0}, {@code false} for primitives; {@code null} otherwise. */
  static CodeBlock zero(TypeName type) {
    if (type.equals(TypeName.BOOLEAN)) {
      return CodeBlock.of("false");
    }
    if (type.equals(TypeName.SHORT)) {
      return CodeBlock.of("(short) 0");
    }
    if (type.equals(TypeName.LONG)) {
      return CodeBlock.of("0L");
    }
    if (type.equals(TypeName.DOUBLE)) {
      return CodeBlock.of("0.0");
    }
    return CodeBlock.of(type.isPrimitive() ? "0" : "null");
  }

  /**
   * The SQL {@code DEFAULT} of {@code column}, for the DDL and the schema resource alike: its declared
   * default, or {@code '[]'::jsonb} for an embeds_many, which is an empty list until set (Ecto's {@code []}).
   */
  static Optional<String> defaultSql(ColumnModel column) {
    if (column.mapping().columnType() == ColumnType.EMBED_MANY) {
      return Optional.of("'[]'::jsonb");
    }
    return column.defaultValue().map(value -> sql(column.mapping(), value));
  }

  /** The {@code DEFAULT} literal of a column, e.g. {@code false}, {@code 0} or {@code 'draft'}. */
  static String sql(TypeMapping mapping, String text) {
    String value = parsed(mapping, text);
    return switch (mapping.columnType()) {
      case BOOLEAN, SHORT, INTEGER, LONG, DOUBLE, DECIMAL -> value;
      case DURATION -> quoted(value) + "::interval";
      case ENUM -> mapping.enumIntegers() ? mapping.enumStoredOf(value) : quoted(mapping.enumStoredOf(value));
      default -> quoted(value);
    };
  }

  private static String quoted(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  /** A validated literal {@code text} of {@code mapping}'s type as a Java expression, e.g. {@code true}. */
  static CodeBlock value(TypeMapping mapping, String text) {
    return java(mapping, parsed(mapping, text));
  }

  private static CodeBlock java(TypeMapping mapping, String value) {
    return switch (mapping.columnType()) {
      case BOOLEAN, INTEGER, DOUBLE -> CodeBlock.of("$L", value);
      case SHORT -> CodeBlock.of("(short) $L", value);
      case LONG -> CodeBlock.of("$LL", value);
      case DECIMAL -> CodeBlock.of("new $T($S)", BigDecimal.class, value);
      case UUID -> CodeBlock.of("$T.fromString($S)", java.util.UUID.class, value);
      case INSTANT, OFFSET_DATE_TIME, LOCAL_DATE_TIME, LOCAL_DATE, LOCAL_TIME,
          INSTANT_SECONDS, OFFSET_DATE_TIME_SECONDS, LOCAL_DATE_TIME_SECONDS, LOCAL_TIME_SECONDS, DURATION ->
          CodeBlock.of("$T.parse($S)", mapping.javaType(), value);
      case ENUM -> CodeBlock.of("$T.$L", mapping.javaType(), value);
      default -> CodeBlock.of("$S", value);
    };
  }

  private static String parsed(TypeMapping mapping, String text) {
    return DefaultValues.parse(mapping, text)
        .orElseThrow(() -> new IllegalStateException("unvalidated default " + text));
  }
}
