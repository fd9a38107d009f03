package io.ecto4j.processor.writing;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import io.ecto4j.processor.model.AssociationModel;
import io.ecto4j.processor.model.ColumnModel;
import io.ecto4j.processor.model.SchemaModel;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The struct's {@code toString()}: like a record's, but redacted fields show {@code **redacted**}
 * and unloaded slots {@code #NotLoaded<name>}, as Ecto's inspect does.
 */
final class StructToString {
  private StructToString() {}

  static MethodSpec method(SchemaModel schema) {
    List<CodeBlock> parts = new ArrayList<>();
    String prefix = schema.struct().simpleName() + "[";
    for (ColumnModel column : schema.columns()) {
      parts.add(column.redacted()
          ? CodeBlock.of("$L", JavaStrings.literal(prefix + column.name() + "=**redacted**"))
          : CodeBlock.of("$L + $N", JavaStrings.literal(prefix + column.name() + "="), column.name()));
      prefix = ", ";
    }
    for (AssociationModel association : schema.associations()) {
      parts.add(CodeBlock.of("$L + ($L ? $L : $N)", JavaStrings.literal(prefix + association.name() + "="),
          Slots.isNotLoaded(association, CodeBlock.of("$N", association.name())),
          JavaStrings.literal("#NotLoaded<" + association.name() + ">"), association.name()));
      prefix = ", ";
    }
    parts.add(CodeBlock.of("$L", JavaStrings.literal(parts.isEmpty() ? prefix + "]" : "]")));
    return MethodSpec.methodBuilder("toString")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(String.class)
        .addStatement("return $L", CodeBlock.join(parts, "\n+ "))
        .build();
  }
}
