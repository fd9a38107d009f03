package io.ecto4j.processor.writing;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.PROTECTED;
import static javax.lang.model.element.Modifier.STATIC;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.ecto4j.processor.RuntimeNames;
import io.ecto4j.processor.model.AssociationModel;
import io.ecto4j.processor.model.ColumnModel;
import io.ecto4j.processor.model.ColumnType;
import io.ecto4j.processor.model.Names;
import io.ecto4j.processor.model.SchemaModel;
import java.util.ArrayList;
import java.util.List;

/**
 * The companion's {@code DEFINITION}, from which its base {@code SchemaTable} answers {@code Table}:
 * one chain of calls naming the constants in their roles,
 *
 * <pre>{@code
 * private static final TableDefinition<PostStruct> DEFINITION =
 *     TableDefinition.<PostStruct>of(SCHEMA)
 *         .fields(ID, TITLE, AUTHOR_ID)
 *         .primaryKey(ID)
 *         …
 *         .build();
 * }</pre>
 *
 * in place of a method per question and a list constant per answer: javac enters a class's members
 * in every round of annotation processing, and the sixteen overrides with generic types and six
 * list constants were a tenth of the 200-schema compile's allocation (docs/benchmarks.md, "Sixth
 * pass (#21)"). The generic calls name
 * their type argument, so that javac checks them instead of inferring it (a tenth of its work on
 * the companion, for the timestamps alone).
 */
final class TableDefinitionWriter {
  static final String CONSTANT = "DEFINITION";
  /** Where a chain's calls start: a member's indent (2), the initializer's (4) and the chain's (4). */
  private static final int CALL_COLUMN = 10;
  /** A call's own continuation lines, four columns further. */
  private static final String CALL_BREAK = "\n    ";

  private TableDefinitionWriter() {}

  static FieldSpec constant(SchemaModel schema) {
    return FieldSpec.builder(definitionType(schema), CONSTANT, PRIVATE, STATIC, FINAL)
        .addJavadoc("What {@link #SCHEMA} answers of its fields, key, associations and SQL; declared last, once they exist.\n")
        .initializer(GeneratedFiles.onNextLine(CodeBlock.of("$T.<$T>of(SCHEMA)\n$>$>$L$<$<",
            RuntimeNames.TABLE_DEFINITION, schema.struct(), chain(schema))))
        .build();
  }

  /** {@code definition()}, the one method {@code SchemaTable} asks of its companion. */
  static MethodSpec method(SchemaModel schema) {
    return MethodSpec.methodBuilder("definition")
        .addAnnotation(Override.class)
        .addModifiers(PROTECTED)
        .returns(definitionType(schema))
        .addStatement("return $N", CONSTANT)
        .build();
  }

  private static TypeName definitionType(SchemaModel schema) {
    return ParameterizedTypeName.get(RuntimeNames.TABLE_DEFINITION, schema.struct());
  }

  private static CodeBlock chain(SchemaModel schema) {
    List<CodeBlock> calls = new ArrayList<>();
    calls.add(call("fields", columns(schema.persistedColumns())));
    if (!schema.virtualColumns().isEmpty()) {
      calls.add(call("virtualFields", columns(schema.virtualColumns())));
    }
    schema.primaryKey().ifPresent(key -> {
      calls.add(CodeBlock.of(".primaryKey($N)", Names.constantCase(key.name())));
      if (schema.primaryKeyType().generatedByDatabase()) {
        calls.add(CodeBlock.of(".primaryKeyGeneratedByDatabase()"));
      }
    });
    if (schema.keyColumns().size() > 1) {
      calls.add(call("primaryKeys", columns(schema.keyColumns())));
    }
    schema.insertedAt().ifPresent(insertedAt -> calls.add(timestamps(schema, insertedAt)));
    if (!schema.associations().isEmpty()) {
      calls.add(call("associations", schema.associations().stream().map(AssociationModel::name)
          .map(Names::constantCase).toList()));
    }
    if (!schema.notLoadedInQuery().isEmpty()) {
      calls.add(call("notLoadedInQuery", columns(schema.notLoadedInQuery())));
    }
    schema.prefix().ifPresent(prefix -> calls.add(CodeBlock.of(".prefix($L)", JavaStrings.literal(prefix))));
    calls.add(call("insertFields", columns(schema.insertColumns())));
    if (!schema.insertReturningColumns().isEmpty()) {
      calls.add(call("insertReturning", columns(schema.insertReturningColumns())));
    }
    calls.add(CodeBlock.of(".sql(INSERT_SQL, GET_SQL, DELETE_SQL)"));
    calls.add(CodeBlock.of(".ddl(DDL, JOIN_TABLES_DDL)"));
    calls.add(CodeBlock.of(".build()"));
    return CodeBlock.join(calls, "\n");
  }

  /** {@code .name(A, B, …)} as one literal, its arguments wrapped at column 100. */
  private static CodeBlock call(String name, List<String> constants) {
    String start = "." + name + "(";
    return CodeBlock.of("$L", start + ArgumentLists.wrapped(constants, CALL_COLUMN + start.length(),
        CALL_COLUMN + CALL_BREAK.length() - 1, 1, CALL_BREAK) + ")");
  }

  private static List<String> columns(List<ColumnModel> columns) {
    return columns.stream().map(ColumnModel::name).map(Names::constantCase).toList();
  }

  private static CodeBlock timestamps(SchemaModel schema, ColumnModel insertedAt) {
    return CodeBlock.of(".timestamps($T.<$T>$L($N, $L)$L)", RuntimeNames.TIMESTAMPS, schema.struct(),
        timestampsFactory(insertedAt.mapping().columnType()), Names.constantCase(insertedAt.name()),
        schema.updatedAt().map(updatedAt -> CodeBlock.of("$N", Names.constantCase(updatedAt.name())))
            .orElse(CodeBlock.of("null")),
        schema.timestampsGenerator().map(generator -> CodeBlock.of(".autogenerate(new $T())", generator))
            .orElse(CodeBlock.of("")));
  }

  private static String timestampsFactory(ColumnType type) {
    return switch (type) {
      case OFFSET_DATE_TIME, OFFSET_DATE_TIME_SECONDS -> "ofOffsetDateTime";
      case LOCAL_DATE_TIME, LOCAL_DATE_TIME_SECONDS -> "ofLocalDateTime";
      default -> "ofInstant";
    };
  }
}
