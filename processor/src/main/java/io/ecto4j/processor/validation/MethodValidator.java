package io.ecto4j.processor.validation;

import io.ecto4j.processor.ErrorReporter;
import io.ecto4j.processor.Messages;
import io.ecto4j.processor.model.AssociationKind;
import io.ecto4j.processor.model.ColumnType;
import io.ecto4j.processor.model.TypeMapping;
import io.ecto4j.processor.model.Names;
import io.ecto4j.processor.model.Origin;
import io.ecto4j.processor.reading.Annotated;
import io.ecto4j.processor.reading.Annotations;
import io.ecto4j.processor.reading.Targets;
import io.ecto4j.processor.reading.TypeMapper;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** Checks one annotated method of a schema: its shape, and its type or association target. */
final class MethodValidator {
  /** What a {@code through} association takes from its links instead. */
  private static final Set<String> THROUGH_EXCLUDES =
      Set.of("foreignKey", "references", "whereColumn", "whereValue", "where", "preloadOrder", "onReplace",
          "forceUpdateOnChange");
  private final ErrorReporter reporter;
  private final Annotations annotations;
  private final TypeMapper types;
  private final Targets targets;
  private final CustomTypeValidator customTypes;
  private final EmbedValidator embeds;
  private final EmbeddedAssociationValidator embeddedAssociations;

  MethodValidator(ErrorReporter reporter, Annotations annotations, TypeMapper types, Targets targets,
      CustomTypeValidator customTypes) {
    this.reporter = reporter;
    this.annotations = annotations;
    this.types = types;
    this.targets = targets;
    this.customTypes = customTypes;
    this.embeds = new EmbedValidator(reporter, annotations, targets);
    this.embeddedAssociations = new EmbeddedAssociationValidator(reporter, annotations);
  }

  void validate(ExecutableElement method, TypeElement schema) {
    List<Annotated> found = annotations.memberAnnotations(method);
    if (found.isEmpty()) {
      return;
    }
    String name = method.getSimpleName().toString();
    if (found.size() > 1) {
      reporter.error(Messages.conflictingAnnotations(name, found.get(0).annotation().simpleName(),
          found.get(1).annotation().simpleName()), Origin.of(method, found.get(1).mirror()));
      return;
    }
    Annotated annotated = found.get(0);
    Origin origin = Origin.of(method, annotated.mirror());
    if (shapeIsValid(method, name, annotated.annotation().simpleName(), origin)) {
      Optional<AssociationKind> association = annotated.annotation().association();
      if (annotated.annotation().isEmbed()) {
        embeds.validate(method, annotated, origin);
      } else if (association.isPresent()) {
        if (embeddedAssociations.validate(method, annotated, schema)) {
          associationType(method, association.get(), origin, schema);
        }
      } else {
        fieldType(method, origin);
      }
    }
  }

  /** Abstract, no parameters, no type parameters, not void; false when the type cannot be checked. */
  private boolean shapeIsValid(ExecutableElement method, String name, String annotation, Origin origin) {
    if (!method.getModifiers().contains(Modifier.ABSTRACT)) {
      reporter.error(Messages.methodNotAbstract(annotation, name), origin);
    }
    if (!method.getParameters().isEmpty()) {
      reporter.error(Messages.methodParameters(annotation, name), origin);
    }
    if (!method.getTypeParameters().isEmpty()) {
      reporter.error(Messages.methodGeneric(annotation, name), origin);
    }
    if (method.getReturnType().getKind() == TypeKind.VOID) {
      reporter.error(Messages.methodVoid(annotation, name), origin);
      return false;
    }
    return true;
  }

  private void fieldType(ExecutableElement method, Origin origin) {
    AnnotationMirror field = origin.annotation().orElseThrow();
    if (annotations.type(field, "using").isPresent()) {
      customTypes.validate(method, origin);
      return;
    }
    if (!annotations.strings(field, "params").isEmpty()) {
      reporter.error(Messages.customTypeParamsWithoutType(method.getSimpleName().toString()), origin, "params");
    }
    Optional<TypeMapping> mapping = types.map(method.getReturnType());
    if (mapping.isEmpty()) {
      reporter.error(Messages.unsupportedType(method.getSimpleName().toString(),
          Names.display(method.getReturnType().toString())), origin);
    } else if (mapping.get().columnType() == ColumnType.ANY && !annotations.bool(field, "virtual")) {
      reporter.error(Messages.anyNotVirtual(method.getSimpleName().toString()), origin);
    }
  }

  private void associationType(ExecutableElement method, AssociationKind kind, Origin origin, TypeElement schema) {
    String name = method.getSimpleName().toString();
    TypeMirror type = method.getReturnType();
    Optional<TypeMirror> target = kind.isToOne() ? Optional.of(type) : Targets.listElement(type);
    if (kind.isToOne() && Targets.isList(type)) {
      reporter.error(Messages.toOneReturnsList(kind, name), origin);
    } else if (target.isEmpty()) {
      reporter.error(Messages.toManyNotList(kind, name, Names.display(type.toString())), origin);
    } else if (targets.schemaInterface(target.get()).isEmpty()) {
      reporter.error(Messages.associationTarget(kind, display(target.get()), isInterface(target.get())), origin);
    } else if (kind == AssociationKind.MANY_TO_MANY) {
      joinThrough(name, origin, schema, target.get());
    } else if (kind == AssociationKind.HAS_MANY || kind == AssociationKind.HAS_ONE) {
      throughOptions(kind, name, origin);
    }
  }

  /**
   * A {@code through} association follows its links' keys, filters and order, so it takes none of
   * its own; set there, they would be silently ignored.
   */
  private void throughOptions(AssociationKind kind, String name, Origin origin) {
    var annotation = origin.annotation().orElseThrow();
    boolean through = annotation.getElementValues().keySet().stream()
        .anyMatch(attribute -> attribute.getSimpleName().contentEquals("through"));
    if (!through) {
      return;
    }
    annotation.getElementValues().keySet().stream()
        .map(attribute -> attribute.getSimpleName().toString())
        .filter(THROUGH_EXCLUDES::contains)
        .findFirst()
        .ifPresent(attribute -> reporter.error(Messages.throughOption(kind, name, attribute), origin, attribute));
  }

  /** A join table is named by exactly one of {@code joinThrough} and {@code joinSchema}, the latter a schema. */
  private void joinThrough(String name, Origin origin, TypeElement schema, TypeMirror target) {
    var annotation = origin.annotation().orElseThrow();
    boolean named = !annotations.string(annotation, "joinThrough").isEmpty();
    Optional<TypeMirror> joinSchema = annotations.type(annotation, "joinSchema");
    if (!named && joinSchema.isEmpty()) {
      reporter.error(Messages.joinThroughMissing(name, schema.getSimpleName().toString(), display(target)),
          origin);
    } else if (named && joinSchema.isPresent()) {
      reporter.error(Messages.joinThroughTwice(name, display(joinSchema.get())), origin, "joinSchema");
    } else if (joinSchema.isPresent() && targets.schemaInterface(joinSchema.get()).isEmpty()) {
      reporter.error(Messages.joinSchemaNotSchema(name, display(joinSchema.get())), origin, "joinSchema");
    }
  }

  private static boolean isInterface(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED
        && ((DeclaredType) type).asElement().getKind() == ElementKind.INTERFACE;
  }

  private static String display(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED
        ? ((DeclaredType) type).asElement().getSimpleName().toString()
        : Names.display(type.toString());
  }
}
