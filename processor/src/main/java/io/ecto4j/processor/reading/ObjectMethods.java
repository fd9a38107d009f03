package io.ecto4j.processor.reading;

import javax.lang.model.element.ExecutableElement;

/** Recognises redeclared {@code Object} methods, which every record implements already. */
public final class ObjectMethods {
  private ObjectMethods() {}

  /** Whether {@code method} is {@code toString()}, {@code hashCode()} or {@code equals(Object)}. */
  public static boolean overridesObject(ExecutableElement method) {
    String name = method.getSimpleName().toString();
    int parameters = method.getParameters().size();
    if (parameters == 0) {
      return name.equals("toString") || name.equals("hashCode");
    }
    return parameters == 1 && name.equals("equals")
        && method.getParameters().get(0).asType().toString().equals("java.lang.Object");
  }
}
