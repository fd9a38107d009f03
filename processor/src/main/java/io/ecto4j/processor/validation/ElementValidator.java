package io.ecto4j.processor.validation;

import io.ecto4j.processor.ErrorReporter;
import io.ecto4j.processor.reading.Annotations;
import io.ecto4j.processor.reading.CustomTypes;
import io.ecto4j.processor.reading.Targets;
import io.ecto4j.processor.reading.TypeMapper;
import java.util.HashSet;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Checks what must hold of a {@code @Schema} element before it can be read: an interface of the
 * right shape whose annotated methods have supported types and valid association targets.
 */
public final class ElementValidator {
  private final ErrorReporter reporter;
  private final SchemaTypeValidator type;
  private final MethodValidator methods;

  public ElementValidator(ErrorReporter reporter, Elements elements, Annotations annotations, TypeMapper types,
      CustomTypes customTypes) {
    this.reporter = reporter;
    this.type = new SchemaTypeValidator(reporter, elements, annotations);
    this.methods = new MethodValidator(reporter, annotations, types, new Targets(annotations),
        new CustomTypeValidator(reporter, annotations, customTypes));
  }

  /**
   * Checks {@code schema} and reports every problem found. The outcome says whether the schema can
   * be read at all, and which methods the reader must skip, so that the model can still be checked
   * and all problems show in one compile.
   */
  public ElementReport validate(TypeElement schema) {
    if (!type.validate(schema)) {
      return new ElementReport(false, Set.of());
    }
    Set<ExecutableElement> invalid = new HashSet<>();
    for (ExecutableElement method : ElementFilter.methodsIn(schema.getEnclosedElements())) {
      int beforeMethod = reporter.errorCount();
      methods.validate(method, schema);
      if (reporter.errorCount() > beforeMethod) {
        invalid.add(method);
      }
    }
    return new ElementReport(true, invalid);
  }
}
