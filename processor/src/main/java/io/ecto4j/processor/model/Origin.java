package io.ecto4j.processor.model;

import java.util.Objects;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/**
 * Where a part of the model was declared, so that an error can point at the element and, when one
 * is at fault, at the annotation.
 */
public record Origin(Element element, Optional<AnnotationMirror> annotation) {
  public Origin {
    Objects.requireNonNull(element, "element");
    Objects.requireNonNull(annotation, "annotation");
  }

  public static Origin of(Element element) {
    return new Origin(element, Optional.empty());
  }

  public static Origin of(Element element, AnnotationMirror annotation) {
    return new Origin(element, Optional.of(annotation));
  }
}
