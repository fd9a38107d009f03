package io.ecto4j.processor.reading;

import com.palantir.javapoet.ClassName;
import io.ecto4j.processor.RuntimeNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Reads ecto4j's annotations through mirrors (the processor does not load the annotation classes),
 * with the declared defaults filled in.
 */
public final class Annotations {
  /** {@code io.ecto4j.schema.Field.NO_DEFAULT}: "no default", as an empty string is a valid one. */
  static final String NO_DEFAULT = "\u0000ecto4j:no-default";

  private final Elements elements;
  private AnnotationMirror lastMirror;
  private Map<String, AnnotationValue> lastValues;

  public Annotations(Elements elements) {
    this.elements = elements;
  }

  /** The annotation of type {@code annotation} on {@code element}. */
  public Optional<AnnotationMirror> find(Element element, ClassName annotation) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(annotation.canonicalName())) {
        return Optional.of(mirror);
      }
    }
    return Optional.empty();
  }

  /** The {@code @Schema} of {@code type}, or else its {@code @Embedded}, which is read as a schema without a table. */
  public Optional<AnnotationMirror> schemaOrEmbedded(Element type) {
    return find(type, RuntimeNames.SCHEMA).or(() -> find(type, RuntimeNames.EMBEDDED));
  }

  /** Whether {@code element} carries {@code annotation}. */
  public boolean has(Element element, ClassName annotation) {
    return find(element, annotation).isPresent();
  }

  /** The ecto4j member annotations on {@code method}, in source order. */
  public List<Annotated> memberAnnotations(ExecutableElement method) {
    List<Annotated> found = new ArrayList<>();
    for (MemberAnnotation annotation : MemberAnnotation.values()) {
      find(method, annotation.type()).ifPresent(mirror -> found.add(new Annotated(annotation, mirror)));
    }
    found.sort((a, b) -> Integer.compare(
        method.getAnnotationMirrors().indexOf(a.mirror()), method.getAnnotationMirrors().indexOf(b.mirror())));
    return found;
  }

  public String string(AnnotationMirror mirror, String attribute) {
    return String.valueOf(value(mirror, attribute).getValue());
  }

  public boolean bool(AnnotationMirror mirror, String attribute) {
    return Boolean.TRUE.equals(value(mirror, attribute).getValue());
  }

  /** A {@code String[]}-valued attribute, in order. */
  public List<String> strings(AnnotationMirror mirror, String attribute) {
    @SuppressWarnings("unchecked")
    List<? extends AnnotationValue> values = (List<? extends AnnotationValue>) value(mirror, attribute).getValue();
    return values.stream().map(value -> String.valueOf(value.getValue())).toList();
  }

  /**
   * A boolean attribute only when the source writes it: {@code @Field(redact = false)} is empty for
   * {@code @Field} alone, so that a schema-wide default can stand where the field says nothing.
   */
  public Optional<Boolean> explicitBool(AnnotationMirror mirror, String attribute) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry : mirror.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(attribute)) {
        return Optional.of(Boolean.TRUE.equals(entry.getValue().getValue()));
      }
    }
    return Optional.empty();
  }

  /** Whether the source writes {@code attribute}, whatever its value: {@code @BelongsTo(onDelete = NOTHING)} does. */
  public boolean isExplicit(AnnotationMirror mirror, String attribute) {
    return mirror.getElementValues().keySet().stream().anyMatch(key -> key.getSimpleName().contentEquals(attribute));
  }

  /** The constant name of an enum-valued attribute, e.g. {@code DELETE_ALL}. */
  public String enumName(AnnotationMirror mirror, String attribute) {
    return ((VariableElement) value(mirror, attribute).getValue()).getSimpleName().toString();
  }

  /** A {@code Class}-valued attribute; empty when it holds the {@code void.class} meaning "not set". */
  public Optional<TypeMirror> type(AnnotationMirror mirror, String attribute) {
    TypeMirror type = (TypeMirror) value(mirror, attribute).getValue();
    return type.getKind() == TypeKind.VOID ? Optional.empty() : Optional.of(type);
  }

  /** A nested annotation, e.g. {@code @Schema(primaryKey = @PrimaryKey(…))}. */
  public AnnotationMirror annotation(AnnotationMirror mirror, String attribute) {
    return (AnnotationMirror) value(mirror, attribute).getValue();
  }

  /** {@code defaultValue} of a {@code @Field}, unless it has none. */
  public Optional<String> defaultValue(AnnotationMirror field) {
    String value = string(field, "defaultValue");
    return value.equals(NO_DEFAULT) ? Optional.empty() : Optional.of(value);
  }

  private AnnotationValue value(AnnotationMirror mirror, String attribute) {
    AnnotationValue value = valuesOf(mirror).get(attribute);
    if (value == null) {
      throw new IllegalArgumentException("@" + mirror.getAnnotationType() + " has no attribute " + attribute);
    }
    return value;
  }

  /**
   * Every attribute of {@code mirror} by name, the defaults filled in; kept for the last mirror
   * asked, since a reader asks one annotation for several attributes in a row, and javac builds
   * the whole map anew on each call (a {@code @Field} has a dozen attributes).
   */
  private Map<String, AnnotationValue> valuesOf(AnnotationMirror mirror) {
    if (mirror != lastMirror) {
      Map<String, AnnotationValue> values = new HashMap<>();
      elements.getElementValuesWithDefaults(mirror)
          .forEach((key, value) -> values.put(key.getSimpleName().toString(), value));
      lastValues = values;
      lastMirror = mirror;
    }
    return lastValues;
  }
}
