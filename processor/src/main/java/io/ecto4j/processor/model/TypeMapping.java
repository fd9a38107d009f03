package io.ecto4j.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How one Java type is stored: {@code int} is {@link ColumnType#INTEGER} in {@code integer},
 * {@code List<Status>} is a {@link ColumnType#LIST} of an {@link ColumnType#ENUM} in
 * {@code varchar(255)[]}.
 *
 * @param javaType the type as declared (primitive when declared so)
 * @param element the element mapping of a {@link ColumnType#LIST} or {@link ColumnType#MAP}
 * @param enumConstants the constant names of an {@link ColumnType#ENUM}, in declaration order
 * @param enumStored what each of {@code enumConstants} is stored as, in the same order: the names
 *     themselves unless {@code @EnumValue} says otherwise, numbers as decimal text when
 *     {@code enumIntegers}
 * @param enumIntegers whether an {@link ColumnType#ENUM} is stored as integers ({@code @EnumValue(number = …)})
 * @param custom the type of a {@link ColumnType#CUSTOM}
 */
public record TypeMapping(
    ColumnType columnType,
    TypeName javaType,
    String sqlType,
    Optional<TypeMapping> element,
    List<String> enumConstants,
    List<String> enumStored,
    boolean enumIntegers,
    Optional<CustomTypeModel> custom) {

  private static final ClassName LIST = ClassName.get("java.util", "List");
  private static final ClassName MAP = ClassName.get("java.util", "Map");
  private static final Pattern STRING_TYPES =
      Pattern.compile("(?i)(varchar|character varying|text|char|character|bpchar|citext)\\b.*");

  public TypeMapping {
    Objects.requireNonNull(columnType, "columnType");
    Objects.requireNonNull(javaType, "javaType");
    Objects.requireNonNull(sqlType, "sqlType");
    Objects.requireNonNull(element, "element");
    enumConstants = List.copyOf(enumConstants);
    enumStored = List.copyOf(enumStored);
    Objects.requireNonNull(custom, "custom");
  }

  /** A mapping of a built-in type other than a mapped enum (no stored values of its own). */
  public TypeMapping(ColumnType columnType, TypeName javaType, String sqlType, Optional<TypeMapping> element,
      List<String> enumConstants) {
    this(columnType, javaType, sqlType, element, enumConstants, enumConstants, false, Optional.empty());
  }

  /** A mapping of a type with its own {@code Types} constant. */
  public static TypeMapping scalar(ColumnType type, TypeName javaType) {
    return new TypeMapping(type, javaType, type.sqlType(), Optional.empty(), List.of());
  }

  /** An enum stored by name. */
  public static TypeMapping enumOf(ClassName enumType, List<String> constants) {
    return new TypeMapping(ColumnType.ENUM, enumType, ColumnType.ENUM.sqlType(), Optional.empty(), constants);
  }

  /** An enum stored as {@code stored} (one per constant), strings or, when {@code integers}, numbers. */
  public static TypeMapping enumOf(ClassName enumType, List<String> constants, List<String> stored, boolean integers) {
    return new TypeMapping(ColumnType.ENUM, enumType, integers ? "integer" : ColumnType.ENUM.sqlType(),
        Optional.empty(), constants, stored, integers, Optional.empty());
  }

  /** Whether an enum's stored values differ from its constant names. */
  public boolean enumRemapped() {
    return enumIntegers || !enumStored.equals(enumConstants);
  }

  /**
   * The PostgreSQL enum type of an enum with {@code @Field(type = "mood")}: any column type that is
   * not a string or integer type is taken for one.
   */
  public Optional<String> enumDatabaseType() {
    return columnType == ColumnType.ENUM && !enumIntegers && !STRING_TYPES.matcher(sqlType).matches()
        ? Optional.of(sqlType) : Optional.empty();
  }

  /** The stored value of constant {@code name}, as DDL writes it: {@code 'in_progress'} or {@code 1}. */
  public String enumStoredOf(String name) {
    return enumStored.get(enumConstants.indexOf(name));
  }

  /** This mapping at {@code SECONDS} precision: Ecto's {@code :utc_datetime} beside {@code _usec}. */
  public TypeMapping inSeconds() {
    if (columnType == ColumnType.LIST) {
      TypeMapping seconds = element.orElseThrow().inSeconds();
      return new TypeMapping(columnType, javaType, seconds.sqlType() + "[]", Optional.of(seconds), enumConstants);
    }
    ColumnType seconds = columnType.inSeconds();
    return seconds == columnType ? this : new TypeMapping(seconds, javaType,
        sqlType.equals(columnType.sqlType()) ? seconds.sqlType() : sqlType, element, enumConstants);
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
    return new TypeMapping(ColumnType.CUSTOM, javaType, stored.sqlType(), Optional.empty(), List.of(), List.of(),
        false, Optional.of(custom));
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
    return new TypeMapping(type, javaType, sqlType, element.map(inner -> elementOf(inner, sqlType)), enumConstants,
        enumStored, enumIntegers, custom);
  }

  /** A list of enums in {@code mood[]} holds elements of the database type {@code mood}. */
  private static TypeMapping elementOf(TypeMapping element, String listSqlType) {
    return element.columnType() == ColumnType.ENUM && listSqlType.endsWith("[]")
        ? element.withSqlType(listSqlType.substring(0, listSqlType.length() - 2))
        : element;
  }

  /** This mapping with a boxed Java type, as foreign keys (always nullable in the struct) need. */
  public TypeMapping boxed() {
    return new TypeMapping(columnType, javaType.box(), sqlType, element, enumConstants, enumStored, enumIntegers,
        custom);
  }

  public boolean isPrimitive() {
    return javaType.isPrimitive();
  }
}
