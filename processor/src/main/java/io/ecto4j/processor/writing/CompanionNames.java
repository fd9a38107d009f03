package io.ecto4j.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;
import io.ecto4j.processor.RuntimeNames;
import io.ecto4j.processor.model.SchemaModel;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The generic types the companion declares, e.g. {@code List<Field<PostStruct, ?>>}. */
final class CompanionNames {
  /** The Java types whose fields are {@code NumberField}s. */
  private static final Set<String> NUMBERS = Set.of("java.lang.Byte", "java.lang.Short",
      "java.lang.Integer", "java.lang.Long", "java.lang.Float", "java.lang.Double", "java.math.BigDecimal",
      "java.math.BigInteger");

  static final ClassName LIST = ClassName.get(List.class);
  static final ClassName OPTIONAL = ClassName.get(Optional.class);

  private CompanionNames() {}

  static TypeName field(SchemaModel schema, TypeName value) {
    return ParameterizedTypeName.get(RuntimeNames.FIELD, schema.struct(), value.box());
  }

  /** A numeric field's constant type, {@code NumberField<PostStruct, Integer>}: it compares with number literals. */
  static TypeName numberField(SchemaModel schema, TypeName value) {
    return ParameterizedTypeName.get(RuntimeNames.NUMBER_FIELD, schema.struct(), value.box());
  }

  /** Whether values of {@code value} are numbers, so that its field is a {@code NumberField}. */
  static boolean isNumber(TypeName value) {
    return NUMBERS.contains(value.box().toString());
  }


  static TypeName anyField(SchemaModel schema) {
    return field(schema, WildcardTypeName.subtypeOf(Object.class));
  }

  static TypeName fieldList(SchemaModel schema) {
    return ParameterizedTypeName.get(LIST, anyField(schema));
  }

  static TypeName associationList(SchemaModel schema) {
    return ParameterizedTypeName.get(LIST, ParameterizedTypeName.get(RuntimeNames.ASSOCIATION, schema.struct(),
        WildcardTypeName.subtypeOf(Object.class)));
  }
}
