package io.ecto4j.processor.writing;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PUBLIC;
import static javax.lang.model.element.Modifier.STATIC;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import io.ecto4j.processor.RuntimeNames;
import io.ecto4j.processor.model.AssociationModel;
import io.ecto4j.processor.model.Names;
import io.ecto4j.processor.model.PreloadOrder;
import io.ecto4j.processor.model.SchemaModel;

/** The companion's association constants, e.g. {@code Posts.COMMENTS}. */
final class AssociationConstants {
  private AssociationConstants() {}

  static FieldSpec constant(SchemaModel schema, AssociationModel association) {
    return FieldSpec.builder(
            ParameterizedTypeName.get(RuntimeNames.ASSOCIATION, schema.struct(), association.target().struct()),
            Names.constantCase(association.name()), PUBLIC, STATIC, FINAL)
        .addJavadoc("The {@code @$L $L} association with {@link $T}; load it with\n"
                + "{@code repo.preload(structOrList, $L)} or {@code query.preload($L)}.\n",
            association.kind().annotation(), association.name(), association.target().schema(),
            Slots.constant(schema, association), Slots.constant(schema, association))
        .initializer(initializer(schema, association))
        .build();
  }

  private static CodeBlock initializer(SchemaModel schema, AssociationModel association) {
    CodeBlock.Builder code = CodeBlock.builder()
        .add("\n$>$>$T.<$T, $T>builder($T.$L, SCHEMA, $S, () -> $T.SCHEMA)\n$>$>", RuntimeNames.ASSOCIATION,
            schema.struct(), association.target().struct(), RuntimeNames.ASSOCIATION_KIND, association.kind().name(),
            association.name(), association.target().companion())
        .add(".constant($S)\n", Slots.constant(schema, association))
        .add(".keys($S, $S)\n", association.ownerKey().orElseThrow(), association.relatedKey().orElseThrow());
    if (association.isThrough()) {
      code.add(".through(() -> $T.of($L))\n", CompanionNames.LIST, association.through().stream()
          .map(link -> CodeBlock.of("$T.$L", link.ownerCompanion(), Names.constantCase(link.name())))
          .collect(CodeBlock.joining(", ")));
    }
    association.joinTable().ifPresent(join -> code.add(".joinThrough($S, $S, $S)\n", join.table(),
        join.ownerColumn(), join.relatedColumn()));
    PreloadOrder.parse(association.preloadOrder()).filter(terms -> !association.preloadOrder().isEmpty())
        .ifPresent(terms -> terms.forEach(term -> code.add(".preloadOrder($S, $L)\n", term.column(),
            term.descending())));
    association.where().ifPresent(where -> code.add(".where($S, $L)\n", where.getKey(),
        Literals.value(association.target().column(where.getKey()).orElseThrow().mapping(), where.getValue())));
    association.onDelete().ifPresent(onDelete -> code.add(".onDelete($T.$L)\n", RuntimeNames.REFERENCE_ACTION,
        onDelete.name()));
    if (!association.onReplace().equals("RAISE")) {
      code.add(".onReplace($T.$L)\n", RuntimeNames.ON_REPLACE, association.onReplace());
    }
    return code.add(".slot($T::$N, $T::$N, $L)\n", schema.struct(), Slots.loadedMethod(association), schema.struct(),
            association.name(), put(schema, association))
        .add(".build()$<$<$<$<")
        .build();
  }

  /** The lambda filling the slot from the loaded rows: the first (or null) for to-one, all for to-many. */
  private static CodeBlock put(SchemaModel schema, AssociationModel association) {
    String owner = Slots.ownerVariable(schema);
    String rows = Names.localName(Names.decapitalize(association.target().companion().simpleName()));
    if (rows.equals(owner)) {
      rows = rows + "Rows";
    }
    String with = "with" + Names.capitalize(association.name());
    CodeBlock value = association.kind().isToOne()
        ? CodeBlock.of("$N.isEmpty() ? null : $N.get(0)", rows, rows)
        : CodeBlock.of("$T.copyOf($N)", CompanionNames.LIST, rows);
    return CodeBlock.of("($N, $N) -> $N.$N($L)", owner, rows, owner, with, value);
  }
}
