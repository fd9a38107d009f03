package io.ecto4j.processor.reading;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.ecto4j.processor.model.ColumnType;
import io.ecto4j.processor.model.TypeMapping;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** Decides how a field's Java type is stored; empty for a type ecto4j does not support. */
public final class TypeMapper {
  private static final Map<String, ColumnType> DECLARED = Map.ofEntries(
      Map.entry("java.lang.String", ColumnType.STRING),
      Map.entry("java.lang.Boolean", ColumnType.BOOLEAN),
      Map.entry("java.lang.Short", ColumnType.SHORT),
      Map.entry("java.lang.Integer", ColumnType.INTEGER),
      Map.entry("java.lang.Long", ColumnType.LONG),
      Map.entry("java.lang.Double", ColumnType.DOUBLE),
      Map.entry("java.math.BigDecimal", ColumnType.DECIMAL),
      Map.entry("java.util.UUID", ColumnType.UUID),
      Map.entry("java.time.Instant", ColumnType.INSTANT),
      Map.entry("java.time.OffsetDateTime", ColumnType.OFFSET_DATE_TIME),
      Map.entry("java.time.LocalDateTime", ColumnType.LOCAL_DATE_TIME),
      Map.entry("java.time.LocalDate", ColumnType.LOCAL_DATE),
      Map.entry("java.time.LocalTime", ColumnType.LOCAL_TIME),
      Map.entry("java.time.Duration", ColumnType.DURATION));

  private static final Map<TypeKind, ColumnType> PRIMITIVES = Map.of(
      TypeKind.BOOLEAN, ColumnType.BOOLEAN,
      TypeKind.SHORT, ColumnType.SHORT,
      TypeKind.INT, ColumnType.INTEGER,
      TypeKind.LONG, ColumnType.LONG,
      TypeKind.DOUBLE, ColumnType.DOUBLE);

  private static final TypeName JSON_MAP = ParameterizedTypeName.get(
      ClassName.get(Map.class), ClassName.get(String.class), ClassName.OBJECT);

  /** The mapping of {@code type} with the DDL type {@code sqlType} when that is not empty. */
  public Optional<TypeMapping> map(TypeMirror type, String sqlType) {
    return map(type).map(mapping -> sqlType.isEmpty() ? mapping : mapping.withSqlType(sqlType));
  }

  /** As {@link #map(TypeMirror, String)}, at {@code precision}, the name of a {@code TimePrecision}. */
  public Optional<TypeMapping> map(TypeMirror type, String sqlType, String precision) {
    return map(type, sqlType).map(mapping -> precision.equals("SECONDS") ? mapping.inSeconds() : mapping);
  }

  /** The mapping of {@code type} with its default DDL type. */
  public Optional<TypeMapping> map(TypeMirror type) {
    if (PRIMITIVES.containsKey(type.getKind())) {
      return Optional.of(TypeMapping.scalar(PRIMITIVES.get(type.getKind()), TypeName.get(type)));
    }
    if (type.getKind() == TypeKind.ARRAY
        && ((ArrayType) type).getComponentType().getKind() == TypeKind.BYTE) {
      return Optional.of(TypeMapping.scalar(ColumnType.BYTES, ArrayTypeName.of(TypeName.BYTE)));
    }
    return type.getKind() == TypeKind.DECLARED ? declared((DeclaredType) type) : Optional.empty();
  }

  private Optional<TypeMapping> declared(DeclaredType type) {
    TypeElement element = (TypeElement) type.asElement();
    String name = element.getQualifiedName().toString();
    if (element.getKind() == ElementKind.ENUM) {
      return Optional.of(enumMapping(element));
    }
    if (name.equals("java.util.List")) {
      return list(type);
    }
    if (name.equals("java.util.Map")) {
      return isStringToObject(type.getTypeArguments())
          ? Optional.of(TypeMapping.scalar(ColumnType.JSON_MAP, JSON_MAP))
          : typedMap(type);
    }
    if (name.equals("java.lang.Object")) {
      return Optional.of(TypeMapping.scalar(ColumnType.ANY, ClassName.OBJECT));
    }
    ColumnType scalar = DECLARED.get(name);
    return scalar == null ? Optional.empty() : Optional.of(TypeMapping.scalar(scalar, ClassName.get(element)));
  }

  private Optional<TypeMapping> list(DeclaredType type) {
    List<? extends TypeMirror> arguments = type.getTypeArguments();
    if (arguments.size() != 1 || arguments.get(0).getKind() != TypeKind.DECLARED) {
      return Optional.empty();
    }
    return declared((DeclaredType) arguments.get(0))
        .filter(element -> element.columnType() != ColumnType.LIST && element.columnType() != ColumnType.JSON_MAP
            && element.columnType() != ColumnType.MAP && element.columnType() != ColumnType.ANY)
        .map(TypeMapping::listOf);
  }

  /** {@code Map<String, V>}, Ecto's {@code {:map, type}}: V a scalar, an enum or a list of them. */
  private Optional<TypeMapping> typedMap(DeclaredType type) {
    return stringMapValue(type)
        .filter(value -> value.getKind() == TypeKind.DECLARED)
        .flatMap(value -> declared((DeclaredType) value))
        .filter(element -> element.columnType() != ColumnType.JSON_MAP && element.columnType() != ColumnType.MAP
            && element.columnType() != ColumnType.ANY && element.columnType() != ColumnType.BYTES)
        .map(TypeMapping::mapOf);
  }

  /** V of a {@code Map<String, V>}; empty for any other type. */
  static Optional<TypeMirror> stringMapValue(TypeMirror type) {
    if (type.getKind() != TypeKind.DECLARED) {
      return Optional.empty();
    }
    DeclaredType declared = (DeclaredType) type;
    List<? extends TypeMirror> arguments = declared.getTypeArguments();
    boolean map = ((TypeElement) declared.asElement()).getQualifiedName().contentEquals("java.util.Map");
    return map && arguments.size() == 2 && arguments.get(0).toString().equals("java.lang.String")
        ? Optional.of(arguments.get(1))
        : Optional.empty();
  }

  private static boolean isStringToObject(List<? extends TypeMirror> arguments) {
    return arguments.size() == 2
        && arguments.get(0).toString().equals("java.lang.String")
        && arguments.get(1).toString().equals("java.lang.Object");
  }

  /** Stored by name, by {@code @EnumValue} strings, or by numbers when every constant has one. */
  private static TypeMapping enumMapping(TypeElement enumType) {
    List<EnumConstants> constants = EnumConstants.of(enumType);
    boolean integers = EnumConstants.allNumbered(constants);
    List<String> stored = constants.stream()
        .map(constant -> integers ? String.valueOf(constant.number().getAsInt()) : constant.storedString())
        .toList();
    return TypeMapping.enumOf(ClassName.get(enumType), constants.stream().map(EnumConstants::name).toList(),
        stored, integers);
  }
}
