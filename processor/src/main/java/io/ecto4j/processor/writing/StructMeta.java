package io.ecto4j.processor.writing;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PUBLIC;
import static javax.lang.model.element.Modifier.STATIC;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import io.ecto4j.processor.RuntimeNames;
import io.ecto4j.processor.model.Names;
import io.ecto4j.processor.model.SchemaModel;
import io.ecto4j.processor.writing.StructGenerator.Component;
import java.util.List;
import java.util.Objects;

/**
 * The struct's metadata, Ecto's {@code __meta__}: the {@code meta} component (last), the shared
 * built and loaded values, the constructor without it (the one written before structs carried
 * metadata, which makes a built struct), and {@code equals}/{@code hashCode} over every other
 * component, so that a built and a loaded struct with the same values are equal.
 */
final class StructMeta {
  static final String COMPONENT = "meta";
  static final String BUILT = "BUILT_META";
  static final String LOADED = "LOADED_META";

  private StructMeta() {}

  /** {@code static final Meta BUILT_META = Meta.built("posts", null)}, shared by every built struct. */
  static FieldSpec constant(SchemaModel schema, String name) {
    String factory = name.equals(BUILT) ? "built" : "loaded";
    return FieldSpec.builder(RuntimeNames.META, name, STATIC, FINAL)
        .addJavadoc("The metadata of a $L $L, in the schema's own prefix.\n", factory,
            Names.words(schema.schema().simpleName()))
        .initializer("$T.$L($L, $L)", RuntimeNames.META, factory, JavaStrings.literal(schema.table()),
            JavaStrings.literal(schema.prefix().orElse(null)))
        .build();
  }

  /** The constructor of every component but {@code meta}: a built struct, like {@code %Post{…}}. */
  static MethodSpec builtConstructor(SchemaModel schema, List<Component> components) {
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
        .addModifiers(PUBLIC)
        .addJavadoc("A built $L of these values, Ecto's {@code %$L{…}}: its {@link #meta()} is built, in the"
            + " schema's prefix.\n", Names.words(schema.schema().simpleName()), schema.schema().simpleName());
    List<CodeBlock> arguments = new java.util.ArrayList<>();
    for (Component component : components) {
      if (!component.isMeta()) {
        constructor.addParameter(ParameterSpec.builder(component.type(), component.name()).build());
      }
      arguments.add(CodeBlock.of("$N", component.isMeta() ? BUILT : component.name()));
    }
    return constructor.addStatement("this($L)", CodeBlock.join(arguments, ",$W")).build();
  }

  /** Equal when every component but {@code meta} is, compared as a record compares them. */
  static MethodSpec equalsMethod(SchemaModel schema, List<Component> components) {
    List<CodeBlock> comparisons = new java.util.ArrayList<>();
    for (Component component : components) {
      if (!component.isMeta()) {
        comparisons.add(same(component));
      }
    }
    return MethodSpec.methodBuilder("equals")
        .addJavadoc("Equal to another $L with the same values, whatever either's {@link #meta()}.\n",
            schema.struct().simpleName())
        .addAnnotation(Override.class)
        .addModifiers(PUBLIC)
        .returns(boolean.class)
        .addParameter(Object.class, "other")
        .addStatement("return other == this || other instanceof $T that$L", schema.struct(),
            CodeBlock.join(comparisons.stream().map(c -> CodeBlock.of("\n&& $L", c)).toList(), ""))
        .build();
  }

  /** A record's comparison of one component: {@code ==} for primitives, {@code compare} for floating point. */
  private static CodeBlock same(Component component) {
    TypeName type = component.type();
    if (type.equals(TypeName.DOUBLE) || type.equals(TypeName.FLOAT)) {
      return CodeBlock.of("$T.compare($N, that.$N) == 0", type.box(), component.name(), component.name());
    }
    return type.isPrimitive()
        ? CodeBlock.of("$N == that.$N", component.name(), component.name())
        : CodeBlock.of("$T.equals($N, that.$N)", Objects.class, component.name(), component.name());
  }

  /** The hash of every component but {@code meta}, consistent with {@link #equalsMethod}. */
  static MethodSpec hashCodeMethod(List<Component> components) {
    List<CodeBlock> values = components.stream().filter(component -> !component.isMeta())
        .map(component -> CodeBlock.of("$N", component.name())).toList();
    return MethodSpec.methodBuilder("hashCode")
        .addAnnotation(Override.class)
        .addModifiers(PUBLIC)
        .returns(int.class)
        .addStatement("return $T.hash($L)", Objects.class, CodeBlock.join(values, ",$W"))
        .build();
  }
}
