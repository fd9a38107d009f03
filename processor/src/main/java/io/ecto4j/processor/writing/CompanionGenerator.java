package io.ecto4j.processor.writing;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.PUBLIC;
import static javax.lang.model.element.Modifier.STATIC;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import io.ecto4j.processor.RuntimeNames;
import io.ecto4j.processor.model.ColumnModel;
import io.ecto4j.processor.model.Names;
import io.ecto4j.processor.model.SchemaModel;
import java.util.List;

/**
 * Writes the companion, e.g. {@code Posts}: the {@code Table} of the struct, with typed field and
 * association constants, the row mapper, and the SQL and DDL computed at compile time.
 */
public final class CompanionGenerator {

  public JavaFile generate(SchemaModel schema) {
    TypeSpec.Builder type = TypeSpec.classBuilder(schema.companion())
        .addOriginatingElement(schema.element())
        .addAnnotation(GeneratedFiles.generated(schema))
        .addModifiers(PUBLIC, FINAL)
        .addJavadoc(javadoc(schema))
        .superclass(ParameterizedTypeName.get(RuntimeNames.SCHEMA_TABLE, schema.struct()))
        .addSuperinterface(FieldAccessMethods.superinterface(schema))
        .addField(FieldSpec.builder(schema.companion(), "SCHEMA", PUBLIC, STATIC, FINAL)
            .addJavadoc("The table of {@link $T}, for the repo and queries.\n", schema.struct())
            .initializer("new $T()", schema.companion())
            .build());
    schema.columns().forEach(column -> type.addField(EmbedConstants.constantOf(schema, column)));
    schema.associations().forEach(association -> type.addField(AssociationConstants.constant(schema, association)));
    addSql(type, schema);
    type.addField(TableDefinitionWriter.constant(schema));
    type.addMethod(MethodSpec.constructorBuilder().addModifiers(PRIVATE)
        .addStatement("super($L, $L)", JavaStrings.literal(schema.table()), JavaStrings.literal(schema.schema().simpleName()))
        .build());
    type.addMethod(query(schema));
    if (schema.hasDeclaredKey()) {
      type.addMethod(key(schema));
    }
    type.addMethods(TableMethods.all(schema));
    type.addMethods(FieldAccessMethods.all(schema));
    return GeneratedFiles.file(schema, type.build());
  }

  private static CodeBlock javadoc(SchemaModel schema) {
    return CodeBlock.builder()
        .add("The companion of {@link $T}: table {@code $L} with its typed fields, associations, row mapper,\n",
            schema.schema(), schema.table())
        .add("and SQL computed at compile time. {@link #SCHEMA} is the {@code Table} the repo works with.\n")
        .add("\n<pre>{@code\n$T $L = repo.getOrThrow($T.SCHEMA, $L);\n}</pre>\n", schema.struct(),
            Slots.ownerVariable(schema), schema.companion(), schema.keyColumns().size() > 1
                ? CodeBlock.of("$T.key($L)", schema.companion(), String.join(", ",
                    schema.keyColumns().stream().map(ColumnModel::name).toList()))
                : CodeBlock.of("id"))
        .build();
  }

  private static void addSql(TypeSpec.Builder type, SchemaModel schema) {
    type.addField(sql("INSERT_SQL", "INSERT of insertFields() returning the key and the columns the database fills in.",
        SqlWriter.insert(schema)));
    type.addField(sql("GET_SQL", "SELECT of one row by primary key; empty without primary key.",
        SqlWriter.get(schema)));
    type.addField(sql("DELETE_SQL", "DELETE of one row by primary key, returning it; empty without primary key.",
        SqlWriter.delete(schema)));
    type.addField(FieldSpec.builder(String.class, "DDL", PUBLIC, STATIC, FINAL)
        .addJavadoc("The CREATE TABLE statement of {@code $L}, with its indexes.\n", schema.table())
        .initializer("$L", JavaStrings.literal(DdlWriter.ddl(schema)))
        .build());
    type.addField(FieldSpec.builder(String.class, "JOIN_TABLES_DDL", PUBLIC, STATIC, FINAL)
        .addJavadoc("The join tables of this schema's many-to-many associations; run once both sides exist.\n")
        .initializer("$L", JavaStrings.literal(DdlWriter.joinTablesDdl(schema)))
        .build());
  }

  private static FieldSpec sql(String name, String javadoc, List<String> clauses) {
    List<CodeBlock> literals = clauses.stream().map(clause -> CodeBlock.of("$L", JavaStrings.literal(clause))).toList();
    return FieldSpec.builder(String.class, name, PUBLIC, STATIC, FINAL)
        .addJavadoc("$L\n", javadoc)
        .initializer(clauses.isEmpty()
            ? CodeBlock.of("$L", JavaStrings.literal(""))
            : GeneratedFiles.onNextLine(CodeBlock.join(literals, "\n+ ")))
        .build();
  }

  /**
   * {@code key(a, b)}: the typed value of a key declared on fields, one parameter per key column in
   * order, for {@code repo.get(SCHEMA, key(1L, 2L))}.
   */
  private static MethodSpec key(SchemaModel schema) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("key")
        .addJavadoc("The primary key ($L) of a $L, for {@code repo.get(SCHEMA, key(…))}.\n",
            String.join(", ", schema.keyColumns().stream().map(ColumnModel::name).toList()),
            Names.words(schema.schema().simpleName()))
        .addModifiers(PUBLIC, STATIC)
        .returns(ParameterizedTypeName.get(RuntimeNames.PRIMARY_KEY_VALUE, schema.struct()));
    for (ColumnModel column : schema.keyColumns()) {
      method.addParameter(column.mapping().javaType(), column.name());
    }
    return method.addStatement("return $T.of(SCHEMA, $L)", RuntimeNames.PRIMARY_KEY_VALUE, schema.keyColumns().stream()
            .map(column -> CodeBlock.of("$N", column.name())).collect(CodeBlock.joining(", ")))
        .build();
  }

  private static MethodSpec query(SchemaModel schema) {
    return MethodSpec.methodBuilder("query")
        .addJavadoc("Every $L; compose with where, orderBy, limit.\n", Names.words(schema.schema().simpleName()))
        .addModifiers(PUBLIC, STATIC)
        .returns(ParameterizedTypeName.get(RuntimeNames.QUERY, schema.struct()))
        .addStatement("return $T.from(SCHEMA)", RuntimeNames.QUERY)
        .build();
  }
}
