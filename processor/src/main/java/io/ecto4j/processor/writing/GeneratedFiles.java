package io.ecto4j.processor.writing;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import io.ecto4j.processor.model.SchemaModel;
import java.io.IOException;
import java.io.Writer;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.JavaFileObject;

/** What every generated file has: the {@code @Generated} annotation and the same formatting. */
final class GeneratedFiles {
  /** The processor's name in {@code @Generated}; a test checks it against the class. */
  static final String GENERATOR = "io.ecto4j.processor.SchemaProcessor";
  /** One level of indentation in the generated files: two spaces. */
  static final String INDENT = "  ";

  private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

  private GeneratedFiles() {}

  static AnnotationSpec generated(SchemaModel schema) {
    return AnnotationSpec.builder(GENERATED)
        .addMember("value", "$L", JavaStrings.literal(GENERATOR))
        .addMember("comments", "$L", JavaStrings.literal("from " + schema.schema().canonicalName()))
        .build();
  }

  /** {@code value} on the line after the {@code =} of a field, indented as a continuation. */
  static CodeBlock onNextLine(CodeBlock value) {
    return CodeBlock.of("\n$>$>$L$<$<", value);
  }

  /**
   * Writes {@code file} without trailing whitespace (JavaPoet leaves a space after a {@code =} that
   * ends a line), with the originating elements so that incremental builds know the source.
   * JavaPoet writes straight into the file ({@link TrimmedLines}), with no copy of it as a string.
   */
  static void write(JavaFile file, Filer filer) throws IOException {
    TypeSpec type = file.typeSpec();
    String name = file.packageName().isEmpty() ? type.name() : file.packageName() + "." + type.name();
    JavaFileObject source = filer.createSourceFile(name, type.originatingElements().toArray(new Element[0]));
    try (Writer writer = source.openWriter()) {
      TrimmedLines lines = new TrimmedLines(writer);
      file.writeTo(lines);
      lines.finish();
    }
  }

  static JavaFile file(SchemaModel schema, TypeSpec type) {
    return JavaFile.builder(schema.struct().packageName(), type)
        .skipJavaLangImports(true)
        .indent(INDENT)
        .build();
  }
}
