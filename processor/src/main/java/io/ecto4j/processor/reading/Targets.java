package io.ecto4j.processor.reading;

import io.ecto4j.processor.RuntimeNames;
import io.ecto4j.processor.model.AssociationKind;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/** Finds the schema an association points at: {@code User} of {@code User author()}, {@code Comment} of {@code List<Comment>}. */
public final class Targets {
  private final Annotations annotations;

  public Targets(Annotations annotations) {
    this.annotations = annotations;
  }

  /** Whether {@code type} is a {@code java.util.List}, of anything. */
  public static boolean isList(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED
        && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().contentEquals("java.util.List");
  }

  /** {@code X} of a {@code List<X>} whose {@code X} is a plain declared type (no wildcard). */
  public static Optional<TypeMirror> listElement(TypeMirror type) {
    if (!isList(type)) {
      return Optional.empty();
    }
    List<? extends TypeMirror> arguments = ((DeclaredType) type).getTypeArguments();
    return arguments.size() == 1 && arguments.get(0).getKind() == TypeKind.DECLARED
        ? Optional.of(arguments.get(0))
        : Optional.empty();
  }

  /** The {@code @Schema} interface {@code type} names, if it names one. */
  public Optional<TypeElement> schemaInterface(TypeMirror type) {
    if (type.getKind() != TypeKind.DECLARED) {
      return Optional.empty();
    }
    TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
    return element.getKind() == ElementKind.INTERFACE && annotations.has(element, RuntimeNames.SCHEMA)
        ? Optional.of(element)
        : Optional.empty();
  }

  /** The {@code @Embedded} interface {@code type} names, if it names one. */
  public Optional<TypeElement> embeddedInterface(TypeMirror type) {
    if (type.getKind() != TypeKind.DECLARED) {
      return Optional.empty();
    }
    TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
    return element.getKind() == ElementKind.INTERFACE && annotations.has(element, RuntimeNames.EMBEDDED)
        ? Optional.of(element)
        : Optional.empty();
  }

  /** The target schema of an association method of kind {@code kind}. */
  public Optional<TypeElement> target(ExecutableElement method, AssociationKind kind) {
    TypeMirror type = method.getReturnType();
    return kind.isToOne() ? schemaInterface(type) : listElement(type).flatMap(this::schemaInterface);
  }

  /** The join schema a {@code @ManyToMany} names by {@code joinSchema}, when it names a schema. */
  public Optional<TypeElement> joinSchema(AnnotationMirror manyToMany) {
    return annotations.type(manyToMany, "joinSchema").flatMap(this::schemaInterface);
  }

  /** The qualified names of every schema the associations of {@code schema} point at. */
  public Set<String> targetsOf(TypeElement schema) {
    Set<String> targets = new TreeSet<>();
    for (ExecutableElement method : ElementFilter.methodsIn(schema.getEnclosedElements())) {
      for (Annotated annotated : annotations.memberAnnotations(method)) {
        annotated.annotation().association()
            .flatMap(kind -> target(method, kind))
            .ifPresent(target -> targets.add(target.getQualifiedName().toString()));
      }
    }
    return targets;
  }
}
