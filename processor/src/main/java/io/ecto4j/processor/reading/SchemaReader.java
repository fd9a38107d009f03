package io.ecto4j.processor.reading;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import io.ecto4j.processor.RuntimeNames;
import io.ecto4j.processor.model.AssociationModel;
import io.ecto4j.processor.model.ColumnKind;
import io.ecto4j.processor.model.ColumnModel;
import io.ecto4j.processor.model.ColumnType;
import io.ecto4j.processor.model.EmbedModel;
import io.ecto4j.processor.model.MethodRef;
import io.ecto4j.processor.model.Names;
import io.ecto4j.processor.model.Origin;
import io.ecto4j.processor.model.SchemaModel;
import io.ecto4j.processor.model.SchemaRef;
import io.ecto4j.processor.model.TypeMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/** Reads a validated {@code @Schema} interface into a {@link SchemaModel}. */
public final class SchemaReader {
  private final Annotations annotations;
  private final TypeMapper types;
  private final SchemaRefReader refs;
  private final AssociationReader associations;
  private final EmbedReader embeds;

  public SchemaReader(Annotations annotations, TypeMapper types, SchemaRefReader refs) {
    this.annotations = annotations;
    this.types = types;
    this.refs = refs;
    this.associations = new AssociationReader(annotations, refs);
    this.embeds = new EmbedReader(annotations, refs);
  }

  public SchemaModel read(TypeElement schema) {
    return read(schema, Set.of());
  }

  /** Reads {@code schema}, leaving out {@code skipped} methods (which had errors). */
  public SchemaModel read(TypeElement schema, Set<ExecutableElement> skipped) {
    SchemaRef ref = refs.read(schema);
    Origin origin = Origin.of(schema, annotations.schemaOrEmbedded(schema).orElseThrow());
    Members members = new Members();
    primaryKey(ref, origin).ifPresent(members.columns::add);
    for (ExecutableElement method : ElementFilter.methodsIn(schema.getEnclosedElements())) {
      if (!skipped.contains(method)) {
        read(method, ref, members);
      }
    }
    members.columns.addAll(members.foreignKeys);
    members.columns.addAll(timestamps(schema));
    return new SchemaModel(schema, origin, ref, members.columns, members.associations, members.exposures,
        members.others, members.embeds);
  }

  private void read(ExecutableElement method, SchemaRef owner, Members members) {
    List<Annotated> found = annotations.memberAnnotations(method);
    if (found.isEmpty()) {
      unannotated(method, members);
      return;
    }
    Annotated annotated = found.get(0);
    if (annotated.annotation() == MemberAnnotation.FIELD) {
      members.columns.add(field(method, annotated.mirror()));
      return;
    }
    if (annotated.annotation().isEmbed()) {
      EmbedModel embed = embeds.read(method, annotated);
      members.embeds.add(embed);
      members.columns.add(embeds.column(method, annotated, embed));
      return;
    }
    AssociationModel association = associations.read(method, annotated, owner);
    members.associations.add(association);
    associations.foreignKey(association).ifPresent(members.foreignKeys::add);
  }

  private static void unannotated(ExecutableElement method, Members members) {
    if (ObjectMethods.overridesObject(method)) {
      return;
    }
    MethodRef ref = new MethodRef(method.getSimpleName().toString(), TypeName.get(method.getReturnType()),
        method.getParameters().size(), method);
    (method.getModifiers().contains(Modifier.ABSTRACT) ? members.exposures : members.others).add(ref);
  }

  private Optional<ColumnModel> primaryKey(SchemaRef ref, Origin origin) {
    AnnotationMirror key = annotations.annotation(origin.annotation().orElseThrow(), "primaryKey");
    return ref.primaryKeyColumn().map(column -> new ColumnModel(annotations.string(key, "name"), column,
        ref.primaryKeyType().mapping(), ColumnKind.PRIMARY_KEY, false, false, Optional.empty(),
        Optional.empty(), origin));
  }

  private ColumnModel field(ExecutableElement method, AnnotationMirror field) {
    String name = method.getSimpleName().toString();
    String column = annotations.string(field, "column");
    TypeMapping mapping = types.map(method.getReturnType(), annotations.string(field, "type")).orElseThrow();
    boolean nullable = !mapping.isPrimitive() && annotations.bool(field, "nullable");
    return new ColumnModel(
        name,
        column.isEmpty() ? Names.snakeCase(name) : column,
        mapping,
        annotations.bool(field, "virtual") ? ColumnKind.VIRTUAL : ColumnKind.COLUMN,
        nullable,
        annotations.bool(field, "redact"),
        annotations.defaultValue(field),
        Optional.empty(),
        Origin.of(method, field),
        annotations.bool(field, "unique"));
  }

  private List<ColumnModel> timestamps(TypeElement schema) {
    Optional<AnnotationMirror> found = annotations.find(schema, RuntimeNames.TIMESTAMPS_ANNOTATION);
    if (found.isEmpty()) {
      return List.of();
    }
    AnnotationMirror timestamps = found.get();
    TypeMapping mapping = timestampMapping(annotations.enumName(timestamps, "type"));
    Origin origin = Origin.of(schema, timestamps);
    List<ColumnModel> columns = new ArrayList<>();
    columns.add(timestamp(annotations.string(timestamps, "insertedAt"), ColumnKind.INSERTED_AT, mapping, origin));
    String updatedAt = annotations.string(timestamps, "updatedAt");
    if (!updatedAt.isEmpty()) {
      columns.add(timestamp(updatedAt, ColumnKind.UPDATED_AT, mapping, origin));
    }
    return columns;
  }

  private static ColumnModel timestamp(String name, ColumnKind kind, TypeMapping mapping, Origin origin) {
    return new ColumnModel(name, Names.snakeCase(name), mapping, kind, false, false, Optional.empty(),
        Optional.empty(), origin);
  }

  private static TypeMapping timestampMapping(String type) {
    ColumnType columnType = ColumnType.valueOf(type);
    String simpleName = switch (columnType) {
      case OFFSET_DATE_TIME -> "OffsetDateTime";
      case LOCAL_DATE_TIME -> "LocalDateTime";
      default -> "Instant";
    };
    return TypeMapping.scalar(columnType, ClassName.get("java.time", simpleName));
  }

  /** The members of the schema being read, sorted into the model's lists. */
  private static final class Members {
    final List<ColumnModel> columns = new ArrayList<>();
    final List<ColumnModel> foreignKeys = new ArrayList<>();
    final List<AssociationModel> associations = new ArrayList<>();
    final List<MethodRef> exposures = new ArrayList<>();
    final List<MethodRef> others = new ArrayList<>();
    final List<EmbedModel> embeds = new ArrayList<>();
  }
}
