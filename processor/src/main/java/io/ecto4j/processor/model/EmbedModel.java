package io.ecto4j.processor.model;

import java.util.Objects;

/**
 * An {@code @EmbedsOne} or {@code @EmbedsMany} of a schema or an embedded schema: its column (a
 * {@link ColumnModel} of type {@link ColumnType#EMBED_ONE}/{@link ColumnType#EMBED_MANY} among the
 * owner's columns) and what the companion needs to build its {@code Embed} constant.
 *
 * @param name the accessor name, e.g. {@code address}
 * @param target the {@code @Embedded} interface's names (its table is empty)
 * @param onReplace the declared {@code OnReplace} constant's name
 */
public record EmbedModel(String name, boolean many, SchemaRef target, String onReplace, Origin origin) {
  public EmbedModel {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(onReplace, "onReplace");
    Objects.requireNonNull(origin, "origin");
  }
}
