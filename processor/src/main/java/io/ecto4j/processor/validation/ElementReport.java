package io.ecto4j.processor.validation;

import java.util.Set;
import javax.lang.model.element.ExecutableElement;

/**
 * What element validation found out about a schema.
 *
 * @param readable whether a model can be read (it is an interface)
 * @param invalidMethods methods with errors, which the reader skips
 */
public record ElementReport(boolean readable, Set<ExecutableElement> invalidMethods) {
  public ElementReport {
    invalidMethods = Set.copyOf(invalidMethods);
  }

  /** Whether the model will have every member, so that checks needing all of them can run. */
  public boolean complete() {
    return invalidMethods.isEmpty();
  }
}
