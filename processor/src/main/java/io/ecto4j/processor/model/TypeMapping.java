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
 * @param custom the type of a {@link ColumnType#CUSTOM}
 */
public record TypeMapping(
    ColumnType columnType,
    TypeName javaType,
    String sqlType,
    Optional<TypeMapping> element,
    List<String> enumConstants,
    Optional<CustomTypeModel> custom) {

  private static final ClassName LIST = ClassName.get("java.util", "List");
  private static final ClassName MAP = ClassName.get("java.util", "Map");

  public TypeMapping {
    Objects.requireNonNull(columnType, "columnType");
    Objects.requireNonNull(javaType, "javaType");
    Objects.requireNonNull(sqlType, "sqlType");
    Objects.requireNonNull(element, "element");
    enumConstants = List.copyOf(enumConstants);
    Objects.requireNonNull(custom, "custom");
  }

  /** A mapping of a built-in type. */
  public TypeMapping(ColumnType columnType, TypeName javaType, String sqlType, Optional<TypeMapping> element,
      List<String> enumConstants) {
    this(columnType, javaType, sqlType, element, enumConstants, Optional.empty());
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

  /**
   * A value of {@code javaType} stored by the {@code CustomType} {@code custom}, in the column type
   * of the type it is stored as ({@code stored}).
   */
  public static TypeMapping customOf(TypeName javaType, CustomTypeModel custom, TypeMapping stored) {
    return new TypeMapping(ColumnType.CUSTOM, javaType, stored.sqlType(), Optional.empty(), List.of(),
        Optional.of(custom));
  }

  /** A {@code Map<String, V>} of {@code element} values in a {@code jsonb} column, Ecto's {@code {:map, type}}. */
  public static TypeMapping mapOf(TypeMapping element) {
    TypeName javaType = ParameterizedTypeName.get(MAP, ClassName.get(String.class), element.javaType().box());
    return new TypeMapping(ColumnType.MAP, javaType, ColumnType.MAP.sqlType(), Optional.of(element), List.of());
  }

  /** Whether this mapping, or its element, is stored by a {@code CustomType}. */
  public boolean involvesCustom() {
    return custom.isPresent() || element.map(TypeMapping::involvesCustom).orElse(false);
  }

  /** This mapping with another DDL type, from {@code @Field(type = …)}. */
  public TypeMapping withSqlType(String sqlType) {
    ColumnType type = columnType == ColumnType.STRING && sqlType.equals("text") ? ColumnType.TEXT : columnType;
    return new TypeMapping(type, javaType, sqlType, element, enumConstants, custom);
  }

  /** This mapping with a boxed Java type, as foreign keys (always nullable in the struct) need. */
  public TypeMapping boxed() {
    return new TypeMapping(columnType, javaType.box(), sqlType, element, enumConstants, custom);
  }

  public boolean isPrimitive() {
    return javaType.isPrimitive();
  }
}
