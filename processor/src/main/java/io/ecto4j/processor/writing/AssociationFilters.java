package io.ecto4j.processor.writing;

import com.palantir.javapoet.CodeBlock;
import io.ecto4j.processor.RuntimeNames;
import io.ecto4j.processor.model.FilterModel;
import io.ecto4j.processor.model.FilterModel.Test;
import io.ecto4j.processor.model.SchemaRef;
import io.ecto4j.processor.model.TypeMapping;

/**
 * One declared filter of an association constant, e.g.
 * {@code AssociationFilter.isNil(() -> Comments.DELETED_AT)} or
 * {@code AssociationFilter.in(() -> Comments.STATE, List.of("new", "seen"))}: the runtime's factory of
 * its kind, the filtered companion's field constant, and its literals typed as the field.
 */
final class AssociationFilters {
  private AssociationFilters() {}

  /** The filter on a column of {@code schema}, the related schema or a many-to-many's join schema. */
  static CodeBlock of(SchemaRef schema, FilterModel filter) {
    Test test = filter.test();
    CodeBlock field = CodeBlock.of("() -> $T.$N", schema.companion(), schema.fieldConstant(filter.column()));
    TypeMapping mapping = schema.column(filter.column()).orElseThrow().mapping();
    return switch (test.kind()) {
      case EQUAL -> call("equal", field, Literals.value(mapping, test.values().get(0)));
      case NOT_EQUAL -> call("notEqual", field, Literals.value(mapping, test.values().get(0)));
      case IN -> call("in", field, list(mapping, test));
      case NOT_IN -> call("notIn", field, list(mapping, test));
      case IS_NIL -> CodeBlock.of("$T.isNil($L)", RuntimeNames.ASSOCIATION_FILTER, field);
      case NOT_NIL -> CodeBlock.of("$T.notNil($L)", RuntimeNames.ASSOCIATION_FILTER, field);
      case FRAGMENT -> call("fragment", field, CodeBlock.of("$S", test.values().get(0)));
    };
  }

  private static CodeBlock call(String factory, CodeBlock field, CodeBlock argument) {
    return CodeBlock.of("$T.$L($L, $L)", RuntimeNames.ASSOCIATION_FILTER, factory, field, argument);
  }

  private static CodeBlock list(TypeMapping mapping, Test test) {
    return CodeBlock.of("$T.of($L)", CompanionNames.LIST,
        test.values().stream().map(value -> Literals.value(mapping, value)).collect(CodeBlock.joining(", ")));
  }
}
