package io.ecto4j.processor.writing;

import static javax.lang.model.element.Modifier.PUBLIC;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.ecto4j.processor.RuntimeNames;
import io.ecto4j.processor.model.AssociationModel;
import io.ecto4j.processor.model.ColumnModel;
import io.ecto4j.processor.model.Names;
import io.ecto4j.processor.model.SchemaModel;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The companion's methods of {@code io.ecto4j.meta.Table} that are code rather than constants: a new
 * struct, the row mapper and the insert's binds; its base {@code SchemaTable} answers the rest from
 * the {@link TableDefinitionWriter definition}.
 */
final class TableMethods {
  private TableMethods() {}

  static List<MethodSpec> all(SchemaModel schema) {
    return List.of(
        TableDefinitionWriter.method(schema),
        getter("newStruct", schema.struct(), CodeBlock.of("new $T()", schema.struct())),
        fromRow(schema),
        bindInsert(schema));
  }

  static MethodSpec getter(String name, TypeName type, CodeBlock value) {
    return MethodSpec.methodBuilder(name)
        .addAnnotation(Override.class)
        .addModifiers(PUBLIC)
        .returns(type)
        .addStatement("return $L", value)
        .build();
  }

  static CodeBlock primaryKey(SchemaModel schema) {
    return schema.primaryKey()
        .map(key -> CodeBlock.of("$T.of($N)", CompanionNames.OPTIONAL, Names.constantCase(key.name())))
        .orElse(CodeBlock.of("$T.empty()", CompanionNames.OPTIONAL));
  }

  /** Reads the persisted columns in order; virtual fields get their default, slots their marker. */
  private static MethodSpec fromRow(SchemaModel schema) {
    List<CodeBlock> arguments = new ArrayList<>();
    int index = 0;
    for (ColumnModel column : schema.columns()) {
      arguments.add(column.isPersisted() ? read(column, ++index) : Literals.initial(column));
    }
    for (AssociationModel association : schema.associations()) {
      arguments.add(Slots.marker(association));
    }
    arguments.add(CodeBlock.of("$T.$N", schema.struct(), StructMeta.LOADED));
    return MethodSpec.methodBuilder("fromRow")
        .addAnnotation(Override.class)
        .addModifiers(PUBLIC)
        .returns(schema.struct())
        .addParameter(ResultSet.class, "row")
        .addParameter(int.class, "offset")
        .addException(SQLException.class)
        .addStatement("return new $T(\n$L)", schema.struct(), CodeBlock.join(arguments, ",\n"))
        .build();
  }

  /** Binds the insert columns in {@code INSERT_SQL}'s order, each with its type's direct bind. */
  private static MethodSpec bindInsert(SchemaModel schema) {
    CodeBlock.Builder body = CodeBlock.builder();
    int index = 0;
    for (ColumnModel column : schema.insertColumns()) {
      body.addStatement("$L", bind(column, ++index));
    }
    return MethodSpec.methodBuilder("bindInsert")
        .addAnnotation(Override.class)
        .addModifiers(PUBLIC)
        .addParameter(PreparedStatement.class, "statement")
        .addParameter(schema.struct(), "struct")
        .addException(SQLException.class)
        .addCode(body.build())
        .build();
  }

  /** The bind of one column, the counterpart of {@link #read}. */
  private static CodeBlock bind(ColumnModel column, int index) {
    CodeBlock value = CodeBlock.of("struct.$N()", column.name());
    if (column.mapping().isPrimitive()) {
      return CodeBlock.of("statement.set$L($L, $L)", primitiveAccessor(column), index, value);
    }
    Optional<String> direct = TypeCode.direct(column.mapping());
    if (direct.isPresent()) {
      return CodeBlock.of("$T.$L(statement, $L, $L)", RuntimeNames.BINDS, direct.get(), index, value);
    }
    if (column.mapping().involvesCustom()) {
      // Through the field, so that a value the custom type cannot dump is reported with the field's name.
      return CodeBlock.of("$N.bind(statement, $L, struct)", Names.constantCase(column.name()), index);
    }
    return CodeBlock.of("$L.bind(statement, $L, $L)", fieldType(column), index, value);
  }

  /**
   * Primitive columns are NOT NULL and read with the driver's primitive getter, without boxing;
   * the common boxed and reference types with a static {@code Reads} method the JIT can inline;
   * built types (enums, lists) are read through their field constant rather than rebuilt per row.
   */
  private static CodeBlock read(ColumnModel column, int index) {
    if (column.mapping().isPrimitive()) {
      return CodeBlock.of("row.get$L(offset + $L)", primitiveAccessor(column), index);
    }
    Optional<String> direct = TypeCode.directRead(column.mapping());
    if (direct.isPresent()) {
      return CodeBlock.of("$T.$L(row, offset + $L)", RuntimeNames.READS, direct.get(), index);
    }
    if (column.mapping().involvesCustom()) {
      return CodeBlock.of("$N.read(row, offset + $L)", Names.constantCase(column.name()), index);
    }
    return CodeBlock.of("$L.read(row, offset + $L)", fieldType(column), index);
  }

  /** {@code Long} for a {@code long} column: the suffix of its JDBC getter and setter. */
  private static String primitiveAccessor(ColumnModel column) {
    String kind = column.mapping().javaType().toString();
    return Character.toUpperCase(kind.charAt(0)) + kind.substring(1);
  }

  /** The column's field type; a built one (enum, list) through its field constant, not rebuilt per row. */
  private static CodeBlock fieldType(ColumnModel column) {
    return TypeCode.isBuilt(column.mapping())
        ? CodeBlock.of("$N.type()", Names.constantCase(column.name()))
        : TypeCode.fieldType(column.mapping());
  }
}
