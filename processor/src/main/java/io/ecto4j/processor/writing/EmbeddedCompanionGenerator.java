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
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.ecto4j.processor.RuntimeNames;
import io.ecto4j.processor.model.AssociationModel;
import io.ecto4j.processor.model.ColumnModel;
import io.ecto4j.processor.model.Names;
import io.ecto4j.processor.model.SchemaModel;
import java.util.List;

/**
 * Writes the companion of an {@code @Embedded} interface, e.g. {@code Addresses}: an
 * {@code EmbeddedTable} with the typed field and embed constants and a new struct. It has no
 * {@code query()}, no SQL and no DDL: an embedded schema lives in its parents' {@code jsonb} columns.
 */
final class EmbeddedCompanionGenerator {

  JavaFile generate(SchemaModel schema) {
    TypeSpec.Builder type = TypeSpec.classBuilder(schema.companion())
        .addOriginatingElement(schema.element())
        .addAnnotation(GeneratedFiles.generated(schema))
        .addModifiers(PUBLIC, FINAL)
        .addJavadoc(javadoc(schema))
        .superclass(ParameterizedTypeName.get(RuntimeNames.EMBEDDED_TABLE, schema.struct()))
        .addSuperinterface(FieldAccessMethods.superinterface(schema))
        .addField(FieldSpec.builder(schema.companion(), "SCHEMA", PUBLIC, STATIC, FINAL)
            .addJavadoc("The embedded schema of {@link $T}, for changesets and its parents' embeds.\n", schema.struct())
            .initializer("new $T()", schema.companion())
            .build());
    schema.columns().forEach(column -> type.addField(EmbedConstants.constantOf(schema, column)));
    schema.associations().forEach(association -> type.addField(AssociationConstants.constant(schema, association)));
    type.addField(list(CompanionNames.fieldList(schema), "FIELDS",
        constants(schema.persistedColumns())));
    type.addField(list(CompanionNames.fieldList(schema), "VIRTUAL_FIELDS",
        constants(schema.virtualColumns())));
    type.addMethod(MethodSpec.constructorBuilder().addModifiers(PRIVATE).build());
    type.addMethod(TableMethods.getter("schemaName", ClassName.get(String.class),
        CodeBlock.of("$S", schema.schema().simpleName())));
    type.addMethod(TableMethods.getter("fields", CompanionNames.fieldList(schema), CodeBlock.of("FIELDS")));
    type.addMethod(TableMethods.getter("virtualFields", CompanionNames.fieldList(schema), CodeBlock.of("VIRTUAL_FIELDS")));
    type.addMethod(TableMethods.getter("primaryKey",
        ParameterizedTypeName.get(CompanionNames.OPTIONAL, CompanionNames.anyField(schema)), TableMethods.primaryKey(schema)));
    type.addMethod(TableMethods.getter("newStruct", schema.struct(), CodeBlock.of("new $T()", schema.struct())));
    if (!schema.associations().isEmpty()) {
      addAssociations(type, schema);
    }
    type.addMethods(FieldAccessMethods.all(schema));
    return GeneratedFiles.file(schema, type.build());
  }

  /** The {@code @BelongsTo}s, listed for {@code associations()} as a table's companion lists its own. */
  private static void addAssociations(TypeSpec.Builder type, SchemaModel schema) {
    type.addField(list(CompanionNames.associationList(schema), "ASSOCIATIONS",
        schema.associations().stream().map(AssociationModel::name).map(Names::constantCase).toList()));
    type.addMethod(TableMethods.getter("associations", CompanionNames.associationList(schema),
        CodeBlock.of("ASSOCIATIONS")));
  }

  private static List<String> constants(List<ColumnModel> columns) {
    return columns.stream().map(ColumnModel::name).map(Names::constantCase).toList();
  }

  /**
   * {@code List.<Field<PostStruct, ?>>of(ID, TITLE, …)}: with the element type given, javac checks
   * the constants against it instead of inferring it from their lub (fields of several value types),
   * which #21's profile found among the costliest expressions of a table's companion.
   */
  private static FieldSpec list(TypeName type, String name, List<String> constants) {
    List<CodeBlock> elements = constants.stream().map(constant -> CodeBlock.of("$N", constant)).toList();
    return FieldSpec.builder(type, name, PRIVATE, STATIC, FINAL)
        .initializer("$T.<$T>of($L)", CompanionNames.LIST, elementType(type), CodeBlock.join(elements, ",$W"))
        .build();
  }

  private static TypeName elementType(TypeName type) {
    return ((ParameterizedTypeName) type).typeArguments().get(0);
  }

  private static CodeBlock javadoc(SchemaModel schema) {
    return CodeBlock.builder()
        .add("The companion of the embedded schema {@link $T}: its typed fields, for changesets, and the\n",
            schema.schema())
        .add("conversion of its structs to and from JSON. Not queryable: it has no table and no {@code query()}.\n")
        .build();
  }
}
