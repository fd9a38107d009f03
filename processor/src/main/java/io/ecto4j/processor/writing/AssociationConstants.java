package io.ecto4j.processor.writing;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PUBLIC;
import static javax.lang.model.element.Modifier.STATIC;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.ecto4j.processor.RuntimeNames;
import io.ecto4j.processor.model.AssociationKind;
import io.ecto4j.processor.model.AssociationModel;
import io.ecto4j.processor.model.JoinTableModel;
import io.ecto4j.processor.model.Names;
import io.ecto4j.processor.model.PreloadOrder;
import io.ecto4j.processor.model.SchemaModel;
import io.ecto4j.processor.model.SchemaRef;

/**
 * The companion's association constants, e.g. {@code Posts.COMMENTS}: one of the runtime's kinds
 * with its keys as the two companions' field constants ({@code Posts.ID}, {@code Comments.POST_ID}),
 * so that nothing looks a column up by name at run time. The related side's fields are reached
 * through a lambda, because companions that refer to each other are initialised one after the other.
 */
final class AssociationConstants {
  private AssociationConstants() {}

  static FieldSpec constant(SchemaModel schema, AssociationModel association) {
    return FieldSpec.builder(type(schema, association), Names.constantCase(association.name()), PUBLIC, STATIC, FINAL)
        .addJavadoc("The {@code @$L $L} association with {@link $T}; load it with\n"
                + "{@code repo.preload(structOrList, $L)} or {@code query.preload($L)}.\n",
            association.kind().annotation(), association.name(), association.target().schema(),
            Slots.constant(schema, association), Slots.constant(schema, association))
        .initializer(initializer(schema, association))
        .build();
  }

  /** {@code BelongsToAssociation<PostStruct, UserStruct, Long>} and the like. */
  private static TypeName type(SchemaModel schema, AssociationModel association) {
    TypeName owner = schema.struct();
    TypeName related = association.target().struct();
    if (association.isThrough()) {
      return ParameterizedTypeName.get(RuntimeNames.THROUGH_ASSOCIATION, owner, related);
    }
    TypeName ownerKey = ownerKeyType(schema, association);
    return switch (association.kind()) {
      case BELONGS_TO -> ParameterizedTypeName.get(RuntimeNames.BELONGS_TO_ASSOCIATION, owner, related, ownerKey);
      case HAS_ONE, HAS_MANY -> ParameterizedTypeName.get(RuntimeNames.HAS_ASSOCIATION, owner, related, ownerKey);
      case MANY_TO_MANY -> ParameterizedTypeName.get(RuntimeNames.MANY_TO_MANY_ASSOCIATION, owner, related, ownerKey,
          relatedKeyType(association));
    };
  }

  private static TypeName ownerKeyType(SchemaModel schema, AssociationModel association) {
    return schema.column(association.ownerKey().orElseThrow()).orElseThrow().mapping().javaType().box();
  }

  private static TypeName relatedKeyType(AssociationModel association) {
    return association.target().column(association.relatedKey().orElseThrow()).orElseThrow().mapping().javaType().box();
  }

  private static CodeBlock initializer(SchemaModel schema, AssociationModel association) {
    CodeBlock.Builder code = CodeBlock.builder().add("\n$>$>").add(start(schema, association)).add("\n$>$>")
        .add(".constant($L)\n", JavaStrings.literal(Slots.constant(schema, association)));
    PreloadOrder.parse(association.preloadOrder()).filter(terms -> !association.preloadOrder().isEmpty())
        .ifPresent(terms -> terms.forEach(term -> code.add(".preloadOrder(() -> $L, $L)\n",
            relatedField(association, term.column()), term.descending())));
    association.where().forEach(filter -> code.add(".where($L)\n",
        AssociationFilters.of(association.target(), filter)));
    association.joinWhere().forEach(filter -> code.add(".joinWhere($L)\n",
        AssociationFilters.of(association.joinTable().flatMap(JoinTableModel::schema).orElseThrow(), filter)));
    association.onDelete().ifPresent(onDelete -> code.add(".onDelete($T.$L)\n", RuntimeNames.REFERENCE_ACTION,
        onDelete.name()));
    if (!association.onReplace().equals("RAISE")) {
      code.add(".onReplace($T.$L)\n", RuntimeNames.ON_REPLACE, association.onReplace());
    }
    association.defaults().ifPresent(defaults -> code.add(".defaults(new $T())\n", defaults));
    if (!association.forceUpdateOnChange()) {
      code.add(".forceUpdateOnChange(false)\n");
    }
    if (association.unique()) {
      code.add(".unique(true)\n");
    }
    return code.add(".$L(SCHEMA, $L)\n", association.kind().isToOne() ? "toOneSlot" : "toManySlot",
            FieldAccessMethods.position(schema, association))
        .add(".build()$<$<$<$<")
        .build();
  }

  /** The kind's factory with its keys, e.g. {@code Association.<…>hasMany(SCHEMA, "comments", …, ID, () -> Comments.POST_ID)}. */
  private static CodeBlock start(SchemaModel schema, AssociationModel association) {
    ClassName target = association.target().companion();
    if (association.isThrough()) {
      return CodeBlock.of("$T.<$T, $T>through(SCHEMA, $L, () -> $T.SCHEMA, $L, () -> $T.of($L))",
          RuntimeNames.ASSOCIATION, schema.struct(), association.target().struct(), JavaStrings.literal(association.name()), target,
          association.kind() == AssociationKind.HAS_MANY, CompanionNames.LIST, association.through().stream()
              .map(link -> CodeBlock.of("$T.$L", link.ownerCompanion(), Names.constantCase(link.name())))
              .collect(CodeBlock.joining(", ")));
    }
    String ownerField = schema.ref().fieldConstant(association.ownerKey().orElseThrow());
    CodeBlock relatedField = relatedField(association, association.relatedKey().orElseThrow());
    CodeBlock types = CodeBlock.of("$T, $T, $T", schema.struct(), association.target().struct(),
        ownerKeyType(schema, association));
    return switch (association.kind()) {
      case BELONGS_TO -> CodeBlock.of("$T.<$L>belongsTo(SCHEMA, $L, () -> $T.SCHEMA, $N, () -> $L)",
          RuntimeNames.ASSOCIATION, types, JavaStrings.literal(association.name()), target, ownerField, relatedField);
      case HAS_ONE, HAS_MANY -> CodeBlock.of("$T.<$L>$L(SCHEMA, $L, () -> $T.SCHEMA, $N, () -> $L)",
          RuntimeNames.ASSOCIATION, types, association.kind() == AssociationKind.HAS_ONE ? "hasOne" : "hasMany",
          JavaStrings.literal(association.name()), target, ownerField, relatedField);
      case MANY_TO_MANY -> manyToMany(association, types, ownerField, relatedField);
    };
  }

  private static CodeBlock manyToMany(AssociationModel association, CodeBlock types, String ownerField,
      CodeBlock relatedField) {
    JoinTableModel join = association.joinTable().orElseThrow();
    // A join schema's companion comes before the table's name: its join rows are written as its structs.
    CodeBlock joinSchema = join.schema().map(schema -> CodeBlock.of("() -> $T.SCHEMA, ", schema.companion()))
        .orElse(CodeBlock.of(""));
    return CodeBlock.of("$T.<$L, $T>manyToMany(SCHEMA, $L, () -> $T.SCHEMA, $N, () -> $L,\n$L$L, $L, $L)",
        RuntimeNames.ASSOCIATION, types, relatedKeyType(association), JavaStrings.literal(association.name()),
        association.target().companion(), ownerField, relatedField, joinSchema, JavaStrings.literal(join.table()),
        JavaStrings.literal(join.ownerColumn()), JavaStrings.literal(join.relatedColumn()));
  }

  /** The related companion's field constant for {@code column}, e.g. {@code Comments.POST_ID}. */
  private static CodeBlock relatedField(AssociationModel association, String column) {
    SchemaRef target = association.target();
    return CodeBlock.of("$T.$N", target.companion(), target.fieldConstant(column));
  }
}
