package io.ecto4j.processor.reading;

import com.palantir.javapoet.TypeName;
import io.ecto4j.processor.model.ColumnKind;
import io.ecto4j.processor.model.ColumnModel;
import io.ecto4j.processor.model.ColumnType;
import io.ecto4j.processor.model.EmbedModel;
import io.ecto4j.processor.model.Names;
import io.ecto4j.processor.model.Origin;
import io.ecto4j.processor.model.TypeMapping;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/** Reads a validated {@code @EmbedsOne}/{@code @EmbedsMany} method into its model and its column. */
final class EmbedReader {
  private final Annotations annotations;
  private final SchemaRefReader refs;
  private final Targets targets;

  EmbedReader(Annotations annotations, SchemaRefReader refs) {
    this.annotations = annotations;
    this.refs = refs;
    this.targets = new Targets(annotations);
  }

  EmbedModel read(ExecutableElement method, Annotated annotated) {
    boolean many = annotated.annotation() == MemberAnnotation.EMBEDS_MANY;
    TypeMirror type = method.getReturnType();
    TypeElement target = (many ? Targets.listElement(type) : Optional.of(type))
        .flatMap(targets::embeddedInterface).orElseThrow();
    return new EmbedModel(method.getSimpleName().toString(), many, refs.read(target),
        annotations.enumName(annotated.mirror(), "onReplace"), Origin.of(method, annotated.mirror()));
  }

  /**
   * The embed's {@code jsonb} column: its struct component holds the embedded struct (a covariant
   * override of the declared interface, as to-one association slots do) or the declared list.
   */
  ColumnModel column(ExecutableElement method, Annotated annotated, EmbedModel embed) {
    AnnotationMirror mirror = annotated.mirror();
    String column = annotations.string(mirror, "column");
    TypeName javaType = embed.many() ? TypeName.get(method.getReturnType()) : embed.target().struct();
    ColumnType kind = embed.many() ? ColumnType.EMBED_MANY : ColumnType.EMBED_ONE;
    TypeMapping mapping = new TypeMapping(kind, javaType, kind.sqlType(), Optional.empty(), List.of());
    return new ColumnModel(embed.name(), column.isEmpty() ? Names.snakeCase(embed.name()) : column, mapping,
        ColumnKind.COLUMN, !embed.many(), false, Optional.empty(), Optional.empty(), embed.origin());
  }
}
