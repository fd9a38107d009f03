package io.ecto4j.processor.reading;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;

/**
 * Finds what javac could not resolve in a schema's signature or ecto4j annotations. A type may be
 * generated in a later round (by ecto4j or another processor), so such a schema waits instead of
 * failing; if it is still unresolved at the end, javac reports the cause, and ecto4j says only
 * that it skipped the schema.
 */
public final class Unresolved {
  /** What javac puts in an annotation attribute whose expression did not resolve. */
  private static final String ERRONEOUS_VALUE = "<error>";
  private static final String ANNOTATION_PACKAGE = "io.ecto4j.schema.";

  private Unresolved() {}

  /** What is unresolved, e.g. {@code the type Missing}, if anything is. */
  public static Optional<String> find(TypeElement schema) {
    for (TypeMirror supertype : schema.getInterfaces()) {
      Optional<String> found = in(supertype);
      if (found.isPresent()) {
        return found;
      }
    }
    Optional<String> found = inAnnotations(schema);
    for (ExecutableElement method : ElementFilter.methodsIn(schema.getEnclosedElements())) {
      if (found.isEmpty() && method.getModifiers().contains(Modifier.ABSTRACT)) {
        found = in(method.getReturnType());
      }
      if (found.isEmpty()) {
        found = inAnnotations(method);
      }
    }
    return found;
  }

  private static Optional<String> in(TypeMirror type) {
    if (type.getKind() == TypeKind.ERROR) {
      return Optional.of("the type " + type);
    }
    if (type.getKind() == TypeKind.ARRAY) {
      return in(((ArrayType) type).getComponentType());
    }
    if (type.getKind() == TypeKind.WILDCARD) {
      WildcardType wildcard = (WildcardType) type;
      TypeMirror bound = wildcard.getExtendsBound() != null ? wildcard.getExtendsBound() : wildcard.getSuperBound();
      return bound == null ? Optional.empty() : in(bound);
    }
    if (type.getKind() == TypeKind.DECLARED) {
      for (TypeMirror argument : ((DeclaredType) type).getTypeArguments()) {
        Optional<String> found = in(argument);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> inAnnotations(Element element) {
    for (AnnotationMirror annotation : element.getAnnotationMirrors()) {
      String type = annotation.getAnnotationType().toString();
      if (type.startsWith(ANNOTATION_PACKAGE) && erroneous(annotation)) {
        return Optional.of("a value of @" + type.substring(ANNOTATION_PACKAGE.length()) + " on "
            + element.getSimpleName());
      }
    }
    return Optional.empty();
  }

  private static boolean erroneous(AnnotationMirror annotation) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
        : annotation.getElementValues().entrySet()) {
      if (erroneous(entry.getValue().getValue())) {
        return true;
      }
    }
    return false;
  }

  private static boolean erroneous(Object value) {
    if (value instanceof AnnotationMirror nested) {
      return erroneous(nested);
    }
    if (value instanceof List<?> values) {
      return values.stream().anyMatch(item -> item instanceof AnnotationValue v && erroneous(v.getValue()));
    }
    return ERRONEOUS_VALUE.equals(value);
  }
}
