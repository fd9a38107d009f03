package io.ecto4j.processor.reading;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import io.ecto4j.processor.RuntimeNames;
import io.ecto4j.processor.model.AssociationModel;
import io.ecto4j.processor.model.ColumnKind;
import io.ecto4j.processor.model.ColumnModel;
import io.ecto4j.processor.model.EmbedModel;
import io.ecto4j.processor.model.FieldOptions;
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
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/** Reads a validated {@code @Schema} interface into a {@link SchemaModel}. */
public final class SchemaReader {
  private final Annotations annotations;
  private final TypeMapper types;
  private final SchemaRefReader refs;
  private final AssociationReader associations;
  private final EmbedReader embeds;

  private final CustomTypes customTypes;

  public SchemaReader(Annotations annotations, TypeMapper types, SchemaRefReader refs, CustomTypes customTypes) {
    this.annotations = annotations;
    this.types = types;
    this.customTypes = customTypes;
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
    Members members = annotations.find(schema, RuntimeNames.SCHEMA).isPresent()
        ? new Members(annotations.enumName(origin.annotation().orElseThrow(), "onWritableViolation"),
            redactsAll(origin))
        : new Members("NOTHING", false);  // an @Embedded: never written on its own, no schema-wide options
    primaryKey(ref, origin).ifPresent(members.columns::add);
    for (ExecutableElement method : ElementFilter.methodsIn(schema.getEnclosedElements())) {
      if (!skipped.contains(method)) {
        read(method, ref, members);
      }
    }
    members.columns.addAll(members.foreignKeys.stream()
        .map(key -> key.withRedacted(members.redactsAll && !key.keyPart())).toList());
    members.columns.addAll(TimestampColumns.read(annotations, schema).stream()
        .map(stamp -> stamp.withRedacted(members.redactsAll)).toList());
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
      members.columns.add(field(method, annotated.mirror(), members.onViolation, members.redactsAll));
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

  /** Whether {@code @Schema(redact = ALL_EXCEPT_PRIMARY_KEYS)}, Ecto's {@code @schema_redact}. */
  private boolean redactsAll(Origin origin) {
    return annotations.enumName(origin.annotation().orElseThrow(), "redact").equals("ALL_EXCEPT_PRIMARY_KEYS");
  }

  private ColumnModel field(ExecutableElement method, AnnotationMirror field, String schemaViolation,
      boolean redactsAll) {
    String name = method.getSimpleName().toString();
    String column = annotations.string(field, "column");
    TypeMapping mapping = mapping(method, field);
    boolean keyPart = annotations.bool(field, "primaryKey");
    boolean nullable = !mapping.isPrimitive() && annotations.bool(field, "nullable") && !keyPart; // PRIMARY KEY: NOT NULL
    return new ColumnModel(
        name,
        column.isEmpty() ? Names.snakeCase(name) : column,
        mapping,
        annotations.bool(field, "virtual") ? ColumnKind.VIRTUAL : ColumnKind.COLUMN,
        nullable,
        annotations.explicitBool(field, "redact").orElse(redactsAll && !keyPart),
        annotations.defaultValue(field),
        Optional.empty(),
        Origin.of(method, field),
        annotations.bool(field, "unique"),
        options(field, schemaViolation),
        keyPart);
  }

  /** The field's options; its {@code onWritableViolation}, when it inherits, is the schema's. */
  private FieldOptions options(AnnotationMirror field, String schemaViolation) {
    return new FieldOptions(
        annotations.enumName(field, "writable"),
        violation(annotations.enumName(field, "onWritableViolation"), schemaViolation),
        annotations.bool(field, "readAfterWrites"),
        annotations.bool(field, "loadInQuery"),
        generator(field));
  }

  private Optional<ClassName> generator(AnnotationMirror annotation) {
    return generator(annotations, annotation);
  }

  /** The class named by {@code autogenerate = …}; empty for {@code Autogenerate.class}, which means none. */
  static Optional<ClassName> generator(Annotations annotations, AnnotationMirror annotation) {
    return annotations.type(annotation, "autogenerate").map(TypeName::get)
        .filter(type -> type instanceof ClassName named && !named.equals(RuntimeNames.AUTOGENERATE))
        .map(ClassName.class::cast);
  }

  /** An {@code onWritableViolation} as it applies: {@code INHERIT} takes the schema's. */
  static String violation(String declared, String inherited) {
    return declared.equals("INHERIT") ? inherited : declared;
  }

  /** The built-in type's mapping, or that of the {@code using} custom type; {@code type} overrides the DDL type. */
  private TypeMapping mapping(ExecutableElement method, AnnotationMirror field) {
    String sqlType = annotations.string(field, "type");
    Optional<TypeMirror> using = annotations.type(field, "using");
    if (using.isEmpty()) {
      return types.map(method.getReturnType(), sqlType, annotations.enumName(field, "precision")).orElseThrow();
    }
    TypeMapping custom = customTypes.mapping(method.getReturnType(), using.get(), annotations.strings(field, "params"))
        .orElseThrow();
    return sqlType.isEmpty() ? custom : custom.withSqlType(sqlType);
  }

  /** The members of the schema being read, sorted into the model's lists. */
  private static final class Members {
    /** The schema's {@code @Schema(onWritableViolation = …)}, which fields that do not say inherit. */
    final String onViolation;
    /** The schema-wide redaction: every column but the key, unless a field says otherwise. */
    final boolean redactsAll;
    final List<ColumnModel> columns = new ArrayList<>();
    final List<ColumnModel> foreignKeys = new ArrayList<>();
    final List<AssociationModel> associations = new ArrayList<>();
    final List<MethodRef> exposures = new ArrayList<>();
    final List<MethodRef> others = new ArrayList<>();
    final List<EmbedModel> embeds = new ArrayList<>();

    Members(String onViolation, boolean redactsAll) {
      this.onViolation = onViolation;
      this.redactsAll = redactsAll;
    }
  }
}
