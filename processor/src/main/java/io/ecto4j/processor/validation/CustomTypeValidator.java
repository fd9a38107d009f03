package io.ecto4j.processor.validation;

import io.ecto4j.processor.ErrorReporter;
import io.ecto4j.processor.Messages;
import io.ecto4j.processor.model.Names;
import io.ecto4j.processor.model.Origin;
import io.ecto4j.processor.model.TypeMapping;
import io.ecto4j.processor.reading.Annotations;
import io.ecto4j.processor.reading.CustomTypes;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/**
 * Checks a {@code @Field(using = X.class, params = …)}: X is a concrete public {@code CustomType<V, D>}
 * the companion can construct, D a type ecto4j stores, V the field's type (or its element's), and
 * params {@code key=value} for a type that takes them. Stops at the first problem: each later
 * check needs the earlier ones to hold.
 */
final class CustomTypeValidator {
  private final ErrorReporter reporter;
  private final Annotations annotations;
  private final CustomTypes customTypes;

  CustomTypeValidator(ErrorReporter reporter, Annotations annotations, CustomTypes customTypes) {
    this.reporter = reporter;
    this.annotations = annotations;
    this.customTypes = customTypes;
  }

  void validate(ExecutableElement method, Origin origin) {
    AnnotationMirror field = origin.annotation().orElseThrow();
    TypeMirror using = annotations.type(field, "using").orElseThrow();
    String name = method.getSimpleName().toString();
    Optional<TypeElement> type = CustomTypes.element(using);
    Optional<List<TypeMirror>> arguments = type.flatMap(found -> customTypes.valueAndStored(using));
    if (arguments.isEmpty()) {
      reporter.error(Messages.customTypeClass(name, Names.display(using.toString())), origin, "using");
    } else if (!CustomTypes.isInstantiable(type.get())) {
      reporter.error(Messages.customTypeInstantiable(name, simpleName(type.get())), origin, "using");
    } else if (constructor(name, type.get(), annotations.strings(field, "params"), origin)) {
      types(name, type.get(), method.getReturnType(), arguments.get(), origin);
    }
  }

  /** Whether the companion can construct the type with the params given; reports why not. */
  private boolean constructor(String name, TypeElement type, List<String> params, Origin origin) {
    boolean takesParams = CustomTypes.hasParamsConstructor(type);
    if (!params.isEmpty() && !takesParams) {
      reporter.error(Messages.customTypeParamsNotTaken(name, simpleName(type)), origin, "params");
      return false;
    }
    if (!takesParams && !CustomTypes.hasNoArgConstructor(type)) {
      reporter.error(Messages.customTypeConstructor(name, simpleName(type)), origin, "using");
      return false;
    }
    Optional<String> bad = CustomTypes.badParam(params);
    bad.ifPresent(param -> reporter.error(Messages.customTypeParam(name, param), origin, "params"));
    return bad.isEmpty();
  }

  private void types(String name, TypeElement type, TypeMirror fieldType, List<TypeMirror> arguments, Origin origin) {
    TypeMirror value = arguments.get(0);
    TypeMirror stored = arguments.get(1);
    Optional<TypeMapping> storedMapping = customTypes.storedMapping(stored);
    Optional<CustomTypes.Slot> slot = customTypes.slot(fieldType, value);
    if (storedMapping.isEmpty()) {
      reporter.error(Messages.customTypeStored(name, simpleName(type), Names.display(stored.toString())), origin,
          "using");
    } else if (slot.isEmpty()) {
      reporter.error(Messages.customTypeValue(name, simpleName(type), Names.display(value.toString()),
          Names.display(fieldType.toString())), origin, "using");
    } else if (slot.get().list() && !CustomTypes.isArrayElement(storedMapping.get())) {
      reporter.error(Messages.customTypeArray(name, simpleName(type), Names.display(stored.toString()),
          Names.display(value.toString())), origin, "using");
    }
  }

  private static String simpleName(TypeElement type) {
    return Names.display(type.getQualifiedName().toString());
  }
}
