package io.ecto4j.processor.reading;

import io.ecto4j.processor.RuntimeNames;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;

/**
 * The constants of an enum with their {@code @EnumValue}, in declaration order: read here once for
 * the type mapping and for its validation.
 *
 * @param element the constant
 * @param string the stored string given by {@code @EnumValue("…")}, if any
 * @param number the stored number given by {@code @EnumValue(number = …)}, if any
 */
public record EnumConstants(VariableElement element, Optional<String> string, OptionalInt number) {
  private static final String ENUM_VALUE = RuntimeNames.ENUM_VALUE_ANNOTATION.canonicalName();

  /** The constants of {@code enumType}. */
  public static List<EnumConstants> of(TypeElement enumType) {
    return ElementFilter.fieldsIn(enumType.getEnclosedElements()).stream()
        .filter(field -> field.getKind() == ElementKind.ENUM_CONSTANT)
        .map(EnumConstants::read)
        .toList();
  }

  private static EnumConstants read(VariableElement constant) {
    for (AnnotationMirror mirror : constant.getAnnotationMirrors()) {
      if (mirror.getAnnotationType().toString().equals(ENUM_VALUE)) {
        return new EnumConstants(constant, attribute(mirror, "value").map(String.class::cast).filter(s -> !s.isEmpty()),
            attribute(mirror, "number").map(n -> OptionalInt.of((Integer) n)).orElse(OptionalInt.empty()));
      }
    }
    return new EnumConstants(constant, Optional.empty(), OptionalInt.empty());
  }

  private static Optional<Object> attribute(AnnotationMirror mirror, String name) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry : mirror.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(name)) {
        return Optional.of(entry.getValue().getValue());
      }
    }
    return Optional.empty();
  }

  /** The constant's name. */
  public String name() {
    return element.getSimpleName().toString();
  }

  /** The string this constant is stored as: its {@code @EnumValue} string, else its name. */
  public String storedString() {
    return string.orElse(name());
  }

  /** Whether every constant carries a number: the enum is stored in an integer column. */
  public static boolean allNumbered(List<EnumConstants> constants) {
    return !constants.isEmpty() && constants.stream().allMatch(constant -> constant.number().isPresent());
  }
}
