package io.ecto4j.processor.writing;

import static javax.lang.model.element.Modifier.PUBLIC;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import io.ecto4j.processor.RuntimeNames;
import io.ecto4j.processor.model.AssociationModel;
import io.ecto4j.processor.model.ColumnModel;
import io.ecto4j.processor.model.SchemaModel;
import java.util.List;

/**
 * The companion's {@code io.ecto4j.meta.FieldAccess}: a struct's values and association slots read
 * and copied by their position, the one home of a position (the columns in order, then the
 * associations). Each typed field constant is made from its position ({@code Field.at(…, SCHEMA, 2)})
 * and each association from its slot's ({@code .toManySlot(SCHEMA, 11)}) instead of method references
 * and lambdas, which javac resolved one by one at a fifth of the cost of compiling the generated code
 * (docs/benchmarks.md, "Fifth pass (#21)").
 */
final class FieldAccessMethods {
  private static final String STRUCT = "struct";
  private static final String POSITION = "position";
  private static final String VALUE = "value";

  private FieldAccessMethods() {}

  /** The interface the companion implements for them. */
  static TypeName superinterface(SchemaModel schema) {
    return ParameterizedTypeName.get(RuntimeNames.FIELD_ACCESS, schema.struct());
  }

  /** The position of {@code column}: its place among the struct's value components. */
  static int position(SchemaModel schema, ColumnModel column) {
    int position = schema.columns().indexOf(column);
    if (position < 0) {
      throw new IllegalArgumentException(column.name() + " is not a column of " + schema.schema());
    }
    return position;
  }

  /** The position of {@code association}'s slot: after the columns, in the associations' order. */
  static int position(SchemaModel schema, AssociationModel association) {
    int index = schema.associations().indexOf(association);
    if (index < 0) {
      throw new IllegalArgumentException(association.name() + " is not an association of " + schema.schema());
    }
    return schema.columns().size() + index;
  }

  /**
   * {@code value}, {@code withValue} and {@code isLoaded}: a case per column whose constant is made by
   * position (every one but an embed's) and per association slot.
   */
  static List<MethodSpec> all(SchemaModel schema) {
    List<ColumnModel> columns = schema.columns().stream().filter(column -> schema.embed(column).isEmpty()).toList();
    return List.of(value(schema, columns), withValue(schema, columns), isLoaded(schema));
  }

  private static MethodSpec value(SchemaModel schema, List<ColumnModel> columns) {
    CodeBlock.Builder cases = CodeBlock.builder();
    for (ColumnModel column : columns) {
      cases.add("case $L -> $N.$N();\n", position(schema, column), STRUCT, column.name());
    }
    for (AssociationModel association : schema.associations()) {
      cases.add("case $L -> $N.$N();\n", position(schema, association), STRUCT, association.name());
    }
    return method("value", ClassName.OBJECT, schema)
        .addJavadoc("The value at {@code position}, for the field and association constants above.\n")
        .addCode(returnSwitch(cases.build()))
        .build();
  }

  private static MethodSpec withValue(SchemaModel schema, List<ColumnModel> columns) {
    CodeBlock.Builder cases = CodeBlock.builder();
    boolean unchecked = false;
    for (ColumnModel column : columns) {
      TypeName type = column.mapping().javaType().box();
      unchecked |= type instanceof ParameterizedTypeName || type instanceof TypeVariableName;
      cases.add(withCase(position(schema, column), column.name(), type));
    }
    for (AssociationModel association : schema.associations()) {
      TypeName type = association.slotType();
      unchecked |= type instanceof ParameterizedTypeName;
      cases.add(withCase(position(schema, association), association.name(), type));
    }
    MethodSpec.Builder method = method("withValue", schema.struct(), schema)
        .addJavadoc("A copy with the value at {@code position} replaced, for the field and association constants above.\n")
        .addParameter(Object.class, VALUE)
        .addCode(returnSwitch(cases.build()));
    if (unchecked) { // a List<String> or a generic custom type: its cast cannot be checked at run time
      method.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "unchecked").build());
    }
    return method.build();
  }

  private static CodeBlock withCase(int position, String name, TypeName type) {
    return CodeBlock.of("case $L -> $N.$N(($T) $N);\n", position, STRUCT, StructGenerator.withMethod(name), type, VALUE);
  }

  private static MethodSpec isLoaded(SchemaModel schema) {
    CodeBlock.Builder cases = CodeBlock.builder();
    for (AssociationModel association : schema.associations()) {
      cases.add("case $L -> $T.$N($N);\n", position(schema, association), schema.struct(),
          Slots.loadedMethod(association), STRUCT);
    }
    return method("isLoaded", TypeName.BOOLEAN, schema)
        .addJavadoc("Whether the association slot at {@code position} holds loaded data, for the associations above.\n")
        .addCode(returnSwitch(cases.build()))
        .build();
  }

  private static MethodSpec.Builder method(String name, TypeName returns, SchemaModel schema) {
    return MethodSpec.methodBuilder(name)
        .addAnnotation(Override.class)
        .addModifiers(PUBLIC)
        .returns(returns)
        .addParameter(schema.struct(), STRUCT)
        .addParameter(TypeName.INT, POSITION);
  }

  /** {@code return switch (position) {…}}; a plain throw when there is no case, which a switch expression refuses. */
  private static CodeBlock returnSwitch(CodeBlock cases) {
    if (cases.isEmpty()) {
      return CodeBlock.of("throw $T.noField($N.getClass(), $N);\n", RuntimeNames.FIELD_ACCESS, STRUCT, POSITION);
    }
    return CodeBlock.builder()
        .add("return switch ($N) {\n$>", POSITION)
        .add(cases)
        .add("default -> throw $T.noField($N.getClass(), $N);\n", RuntimeNames.FIELD_ACCESS, STRUCT, POSITION)
        .add("$<};\n")
        .build();
  }
}
