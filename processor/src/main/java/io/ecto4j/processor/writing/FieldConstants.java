package io.ecto4j.processor.writing;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PUBLIC;
import static javax.lang.model.element.Modifier.STATIC;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.TypeName;
import io.ecto4j.processor.RuntimeNames;
import io.ecto4j.processor.model.ColumnKind;
import io.ecto4j.processor.model.ColumnModel;
import io.ecto4j.processor.model.FieldOptions;
import io.ecto4j.processor.model.Names;
import io.ecto4j.processor.model.SchemaModel;

/** The companion's typed field constants, e.g. {@code Posts.TITLE}, one per struct value component. */
final class FieldConstants {
  private FieldConstants() {}

  static FieldSpec constant(SchemaModel schema, ColumnModel column) {
    boolean number = CompanionNames.isNumber(column.mapping().javaType());
    // Explicit type arguments, and the value reached by position through the companion's
    // FieldAccess: javac resolving two method references per field was a fifth of compiling the
    // generated code (docs/benchmarks.md, "Fifth pass (#21)").
    CodeBlock.Builder initializer = CodeBlock.builder()
        .add("$T.<$T, $T>$L(SCHEMA,$W$L,$W$L,$W$L,$W$T.$L,$WSCHEMA,$W$L)", RuntimeNames.FIELD, schema.struct(),
            column.mapping().javaType().box(), number ? "numberAt" : "at", JavaStrings.literal(column.name()),
            JavaStrings.literal(column.column()),
            TypeCode.fieldType(column.mapping()), RuntimeNames.FIELD_KIND, column.kind().name(),
            FieldAccessMethods.position(schema, column));
    if (column.mapping().isPrimitive()) {
      initializer.add(".primitive()");
    } else if (!column.nullable()) {
      initializer.add(".notNull()");
    }
    if (column.redacted()) {
      initializer.add(".redacted()");
    }
    options(initializer, column);
    initializer.add(".constant($L)", JavaStrings.literal(Slots.constant(schema, column)));
    TypeName type = number ? CompanionNames.numberField(schema, column.mapping().javaType())
        : CompanionNames.field(schema, column.mapping().javaType());
    return FieldSpec.builder(type, Names.constantCase(column.name()), PUBLIC, STATIC, FINAL)
        .addJavadoc(javadoc(column))
        .initializer(GeneratedFiles.onNextLine(initializer.build()))
        .build();
  }

  /** The calls that declare Ecto's write and read options; none for a field that declares none. */
  private static void options(CodeBlock.Builder initializer, ColumnModel column) {
    FieldOptions options = column.options();
    if (!options.writable().equals("ALWAYS")) {
      initializer.add(".writable($T.$L,$W$T.$L)", RuntimeNames.WRITABLE, options.writable(),
          RuntimeNames.WRITABLE_VIOLATION, options.onViolation());
    }
    if (options.readAfterWrites()) {
      initializer.add(".readAfterWrites()");
    }
    if (!options.loadInQuery()) {
      initializer.add(".notLoadedInQuery()");
    }
    if (column.kind() == ColumnKind.COLUMN) { // the timestamps' generator is the companion's TIMESTAMPS'
      options.autogenerate().ifPresent(generator -> initializer.add(".autogenerate(new $T())", generator));
    }
  }

  private static CodeBlock javadoc(ColumnModel column) {
    String sql = column.mapping().sqlType();
    return switch (column.kind()) {
      case PRIMARY_KEY -> CodeBlock.of("The primary key {@code $L}.\n", column.column());
      case COLUMN -> CodeBlock.of("{@code $L()}: column {@code $L}, {@code $L}.\n", column.name(), column.column(), sql);
      case VIRTUAL -> CodeBlock.of("{@code $L()}: a virtual field, kept in structs and changesets only.\n",
          column.name());
      case FOREIGN_KEY -> CodeBlock.of("The foreign key {@code $L}, referencing {@code $L.$L}.\n", column.column(),
          column.foreignKey().orElseThrow().table(), column.foreignKey().orElseThrow().column());
      case INSERTED_AT -> CodeBlock.of("When the row was inserted: column {@code $L}, set by the repo.\n",
          column.column());
      case UPDATED_AT -> CodeBlock.of("When the row was last updated: column {@code $L}, set by the repo.\n",
          column.column());
    };
  }
}
