package io.ecto4j.processor.writing;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PUBLIC;
import static javax.lang.model.element.Modifier.STATIC;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.ecto4j.processor.RuntimeNames;
import io.ecto4j.processor.model.ColumnModel;
import io.ecto4j.processor.model.EmbedModel;
import io.ecto4j.processor.model.Names;
import io.ecto4j.processor.model.SchemaModel;

/**
 * The companion's constant of a column: an {@code Embed} for an {@code @EmbedsOne}/{@code @EmbedsMany}
 * ({@code Orders.ADDRESS}), a typed field otherwise (see {@link FieldConstants}).
 */
final class EmbedConstants {
  private EmbedConstants() {}

  static FieldSpec constantOf(SchemaModel schema, ColumnModel column) {
    return schema.embed(column).map(embed -> constant(schema, column, embed))
        .orElseGet(() -> FieldConstants.constant(schema, column));
  }

  private static FieldSpec constant(SchemaModel schema, ColumnModel column, EmbedModel embed) {
    TypeName struct = embed.target().struct();
    TypeName value = column.mapping().javaType();
    CodeBlock.Builder initializer = CodeBlock.builder().add("$T.", RuntimeNames.EMBED);
    initializer.add(embed.many() ? "many(SCHEMA,$W$S,$W$S,$W" : "one(SCHEMA,$W$S,$W$S,$W$T.class,$W",
        embed.many() ? new Object[] {column.name(), column.column()} : new Object[] {column.name(), column.column(), struct});
    initializer.add("() -> $T.SCHEMA,$W$T::$N,$W$T::$N,$W$T.$L,$W$S)", embed.target().companion(), schema.struct(),
        column.name(), schema.struct(), StructGenerator.withMethod(column.name()), RuntimeNames.ON_REPLACE,
        embed.onReplace(), Slots.constant(schema, column));
    return FieldSpec.builder(ParameterizedTypeName.get(RuntimeNames.EMBED, schema.struct(), value, struct),
            Names.constantCase(column.name()), PUBLIC, STATIC, FINAL)
        .addJavadoc("{@code $L()}: $L {@link $T} in column {@code $L}, {@code jsonb}.\n", column.name(),
            embed.many() ? "the embedded list of" : "the embedded", embed.target().schema(), column.column())
        .initializer(GeneratedFiles.onNextLine(initializer.build()))
        .build();
  }
}
