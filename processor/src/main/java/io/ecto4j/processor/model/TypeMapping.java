package io.ecto4j.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How one Java type is stored: {@code int} is {@link ColumnType#INTEGER} in {@code integer},
 * {@code List<Status>} is a {@link ColumnType#LIST} of an {@link ColumnType#ENUM} in
 * {@code varchar(255)[]}.
 *
 * @param javaType the type as declared (primitive when declared so)
 * @param element the element mapping of a {@link ColumnType#LIST}
 * @param enumConstants the constant names of an {@link ColumnType#ENUM}, in declaration order
 */
public record TypeMapping(
    ColumnType columnType,
    TypeName javaType,
    String sqlType,
    Optional<TypeMapping> element,
    List<String> enumConstants) {

  private static final ClassName LIST = ClassName.get("java.util", "List");

  public TypeMapping {
    Objects.requireNonNull(columnType, "columnType");
    Objects.requireNonNull(javaType, "javaType");
    Objects.requireNonNull(sqlType, "sqlType");
    Objects.requireNonNull(element, "element");
    enumConstants = List.copyOf(enumConstants);
  }

  /** A mapping of a type with its own {@code Types} constant. */
  public static TypeMapping scalar(ColumnType type, TypeName javaType) {
    return new TypeMapping(type, javaType, type.sqlType(), Optional.empty(), List.of());
  }

  /** An enum stored by name. */
  public static TypeMapping enumOf(ClassName enumType, List<String> constants) {
    return new TypeMapping(ColumnType.ENUM, enumType, ColumnType.ENUM.sqlType(), Optional.empty(), constants);
  }

  /** A list of {@code element} values in an array column. */
  public static TypeMapping listOf(TypeMapping element) {
    TypeName javaType = ParameterizedTypeName.get(LIST, element.javaType().box());
    return new TypeMapping(ColumnType.LIST, javaType, element.sqlType() + "[]", Optional.of(element), List.of());
  }

  /** This mapping with another DDL type, from {@code @Field(type = …)}. */
  public TypeMapping withSqlType(String sqlType) {
    ColumnType type = columnType == ColumnType.STRING && sqlType.equals("text") ? ColumnType.TEXT : columnType;
    return new TypeMapping(type, javaType, sqlType, element, enumConstants);
  }

  /** This mapping with a boxed Java type, as foreign keys (always nullable in the struct) need. */
  public TypeMapping boxed() {
    return new TypeMapping(columnType, javaType.box(), sqlType, element, enumConstants);
  }

  public boolean isPrimitive() {
    return javaType.isPrimitive();
  }
}
