package io.ecto4j.processor.writing;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.PUBLIC;
import static javax.lang.model.element.Modifier.STATIC;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.ecto4j.processor.RuntimeNames;
import io.ecto4j.processor.model.AssociationModel;
import io.ecto4j.processor.model.ColumnKind;
import io.ecto4j.processor.model.ColumnModel;
import io.ecto4j.processor.model.Names;
import io.ecto4j.processor.model.SchemaModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.lang.model.element.ExecutableElement;

/** Writes the struct: the immutable record implementing the schema interface, e.g. {@code PostStruct}. */
public final class StructGenerator {
  /** The indent of a statement in the struct's methods. */
  private static final int METHOD_BODY = 4;
  /** The builder's one field, the struct built so far; always read as {@code this.struct}, which no component's parameter hides. */
  private static final String BUILDER_STRUCT = "struct";

  public JavaFile generate(SchemaModel schema) {
    return generate(schema, List.of());
  }

  /**
   * The struct of {@code schema}, read without the methods {@code unread} because they have
   * compile errors of their own: each gets a stand-in (see {@link UnreadMembers}).
   */
  public JavaFile generate(SchemaModel schema, Collection<ExecutableElement> unread) {
    List<Component> components = Component.of(schema);
    TypeSpec.Builder type = TypeSpec.recordBuilder(schema.struct())
        .addOriginatingElement(schema.element())
        .addAnnotation(GeneratedFiles.generated(schema))
        .addModifiers(PUBLIC)
        .addJavadoc(javadoc(schema))
        .recordConstructor(canonicalConstructor(components))
        .addSuperinterface(schema.schema())
        .addSuperinterface(ParameterizedTypeName.get(RuntimeNames.STRUCT, schema.struct()))
        .addField(StructMeta.constant(schema, StructMeta.BUILT))
        .addField(StructMeta.constant(schema, StructMeta.LOADED))
        .addField(notLoaded(schema, components))
        .addMethod(newStruct(schema, components));
    if (components.size() > 1) { // with the meta component alone, the built constructor is newStruct's
      type.addMethod(StructMeta.builtConstructor(schema, components));
    }
    schema.associations().forEach(association -> type.addMethod(accessor(schema, association)));
    schema.associations().forEach(association -> type.addMethod(loaded(schema, association)));
    type.addMethod(schemaMethod(schema));
    components.forEach(component -> type.addMethod(with(schema, component, components)));
    type.addMethod(builderMethod(schema));
    type.addType(builder(schema, components));
    type.addMethod(StructToString.method(schema));
    type.addMethods(UnreadMembers.standIns(unread));
    type.addMethod(StructMeta.equalsMethod(schema, components));
    type.addMethod(StructMeta.hashCodeMethod(components));
    return GeneratedFiles.file(schema, type.build());
  }

  private static CodeBlock javadoc(SchemaModel schema) {
    return CodeBlock.builder()
        .add("The struct of {@link $T}: a row of {@code $L} as an immutable value, like Ecto's {@code %$L{}}.\n",
            schema.schema(), schema.table(), schema.schema().simpleName())
        .add("\n<p>{@code new $L()} has the declared defaults; the {@code with…} methods return copies.\n",
            schema.struct().simpleName())
        .add("Association slots hold data only once preloaded; reading one before throws\n")
        .add("{@link $T}. Its table is described by {@link $T}.\n", RuntimeNames.ASSOCIATION_NOT_LOADED,
            schema.companion())
        .build();
  }

  private static MethodSpec canonicalConstructor(List<Component> components) {
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
    components.forEach(component -> constructor.addParameter(ParameterSpec.builder(component.type(), component.name())
        .build()));
    return constructor.build();
  }

  private static FieldSpec notLoaded(SchemaModel schema, List<Component> components) {
    List<CodeBlock> zeros = components.stream().map(component -> component.isMeta()
        ? CodeBlock.of("$N", StructMeta.BUILT) : Literals.zero(component.type())).toList();
    return FieldSpec.builder(schema.struct(), "NOT_LOADED", PUBLIC, STATIC, FINAL)
        .addJavadoc("Marks a slot pointing at a $L that was not preloaded; compared by identity only.\n",
            schema.schema().simpleName())
        .initializer("new $T($L)", schema.struct(), CodeBlock.join(zeros, ",$W"))
        .build();
  }

  private static MethodSpec newStruct(SchemaModel schema, List<Component> components) {
    List<CodeBlock> values = new ArrayList<>();
    schema.columns().forEach(column -> values.add(Literals.initial(column)));
    schema.associations().forEach(association -> values.add(Slots.marker(association)));
    values.add(CodeBlock.of("$N", StructMeta.BUILT));
    return MethodSpec.constructorBuilder()
        .addModifiers(PUBLIC)
        .addJavadoc("A new $L with the declared defaults and no association loaded, like Ecto's {@code %$L{}}.\n",
            Names.words(schema.schema().simpleName()), schema.schema().simpleName())
        .addStatement("this($L)", CodeBlock.join(values, ",$W"))
        .build();
  }

  private static MethodSpec accessor(SchemaModel schema, AssociationModel association) {
    return MethodSpec.methodBuilder(association.name())
        .addAnnotation(Override.class)
        .addModifiers(PUBLIC)
        .returns(association.slotType())
        .beginControlFlow("if ($L)", Slots.isNotLoaded(association, CodeBlock.of("$N", association.name())))
        .addStatement("throw new $T($L, $L, $L)", RuntimeNames.ASSOCIATION_NOT_LOADED,
            JavaStrings.literal(schema.schema().simpleName()), JavaStrings.literal(association.name()), JavaStrings.literal(Slots.constant(schema, association)))
        .endControlFlow()
        .addStatement("return $N", association.name())
        .build();
  }

  private static MethodSpec loaded(SchemaModel schema, AssociationModel association) {
    String owner = Slots.ownerVariable(schema);
    return MethodSpec.methodBuilder(Slots.loadedMethod(association))
        .addJavadoc("Whether the {@code $L} slot holds loaded data; {@link $T#$L} asks it through {@code isLoaded}.\n",
            association.name(), schema.companion(), Names.constantCase(association.name()))
        .addModifiers(STATIC)
        .returns(boolean.class)
        .addParameter(schema.struct(), owner)
        .addStatement("return $L", Slots.isLoaded(association, CodeBlock.of("$N.$N", owner, association.name())))
        .build();
  }

  private static MethodSpec schemaMethod(SchemaModel schema) {
    return MethodSpec.methodBuilder("schema")
        .addAnnotation(Override.class)
        .addModifiers(PUBLIC)
        .returns(schema.companion())
        .addStatement("return $T.SCHEMA", schema.companion())
        .build();
  }

  private static MethodSpec with(SchemaModel schema, Component changed, List<Component> components) {
    return MethodSpec.methodBuilder(withMethod(changed.name()))
        .addJavadoc("A copy of this $L with {@code $L} replaced.\n", Names.words(schema.schema().simpleName()),
            changed.name())
        .addModifiers(PUBLIC)
        .returns(schema.struct())
        .addParameter(changed.type(), changed.name())
        .addStatement("return new $T($L)", schema.struct(), newStructArguments(schema, components))
        .build();
  }

  /** The name of the struct's method copying it with {@code component} replaced: {@code withTitle}. */
  static String withMethod(String component) {
    return "with" + Names.capitalize(component);
  }

  /** The components by name, as the arguments of a {@code with…} method's {@code return new PostStruct(…);}. */
  private static String newStructArguments(SchemaModel schema, List<Component> components) {
    String call = "return new " + schema.struct().simpleName() + "(";
    return ArgumentLists.wrapped(components.stream().map(Component::name).toList(), METHOD_BODY,
        METHOD_BODY + call.length());
  }

  private static MethodSpec builderMethod(SchemaModel schema) {
    return MethodSpec.methodBuilder("builder")
        .addJavadoc("A builder starting from the declared defaults, for a $L in one expression:\n"
            + "{@code $L}.\n", Names.words(schema.schema().simpleName()), builderExample(schema))
        .addModifiers(PUBLIC, STATIC)
        .returns(builderOf(schema))
        .addStatement("return new Builder(new $T())", schema.struct())
        .build();
  }

  /**
   * The builder's example in its javadoc, with the schema's own first setters after the key:
   * {@code PostStruct.builder().title(…).body(…).build()}.
   */
  private static String builderExample(SchemaModel schema) {
    StringBuilder example = new StringBuilder(schema.struct().simpleName()).append(".builder()");
    schema.columns().stream().filter(column -> column.kind() != ColumnKind.PRIMARY_KEY).limit(2)
        .forEach(column -> example.append('.').append(column.name()).append("(…)"));
    return example.append(".build()").toString();
  }

  /**
   * The builder: the struct so far, each setter replacing one component through the struct's
   * {@code with…} method of the same component, {@code build()} returning the struct. One field
   * instead of a copy of every component (a field, an assignment and a constructor argument each)
   * took 4 % off the processor's cost (#21, docs/benchmarks.md "Fifteenth pass"), for a copy of the
   * struct per setter call.
   */
  private static TypeSpec builder(SchemaModel schema, List<Component> components) {
    TypeSpec.Builder builder = TypeSpec.classBuilder("Builder")
        .addModifiers(PUBLIC, STATIC, FINAL)
        .addJavadoc("Builds a {@link $T}; see {@link #builder()}. Each setter replaces one component,\n"
            + "as the {@code with…} method of the same name does.\n", schema.struct())
        .addField(FieldSpec.builder(schema.struct(), BUILDER_STRUCT, PRIVATE).build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(PRIVATE)
            .addParameter(schema.struct(), BUILDER_STRUCT)
            .addStatement("this.$N = $N", BUILDER_STRUCT, BUILDER_STRUCT)
            .build());
    for (Component component : components) {
      builder.addMethod(MethodSpec.methodBuilder(component.name())
          .addModifiers(PUBLIC)
          .returns(builderOf(schema))
          .addParameter(component.type(), component.name())
          .addStatement("this.$N = this.$N.$N($N)", BUILDER_STRUCT, BUILDER_STRUCT, withMethod(component.name()),
              component.name())
          .addStatement("return this")
          .build());
    }
    return builder.addMethod(MethodSpec.methodBuilder("build")
            .addJavadoc("The $L built.\n", Names.words(schema.schema().simpleName()))
            .addModifiers(PUBLIC)
            .returns(schema.struct())
            .addStatement("return this.$N", BUILDER_STRUCT)
            .build())
        .build();
  }

  private static ClassName builderOf(SchemaModel schema) {
    return schema.struct().nestedClass("Builder");
  }

  /** A record component: a column, an association slot, or the metadata (last). */
  record Component(String name, TypeName type) {
    /** Whether this is the {@code meta} component, Ecto's {@code __meta__}, which equality ignores. */
    boolean isMeta() {
      return name.equals(StructMeta.COMPONENT);
    }

    static List<Component> of(SchemaModel schema) {
      List<Component> components = new ArrayList<>();
      for (ColumnModel column : schema.columns()) {
        components.add(new Component(column.name(), column.mapping().javaType()));
      }
      for (AssociationModel association : schema.associations()) {
        components.add(new Component(association.name(), association.slotType()));
      }
      components.add(new Component(StructMeta.COMPONENT, RuntimeNames.META));
      return components;
    }
  }
}
