package io.ecto4j.processor;

import io.ecto4j.processor.model.Origin;
import java.util.Map;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.tools.Diagnostic;

/**
 * Reports errors and counts them, so that one compile shows every problem of every schema, while
 * the processor generates nothing for a schema that had one (as AutoValue's ErrorReporter).
 */
public final class ErrorReporter {
  private final Messager messager;
  private int errorCount;
  /** Errors after which the schema's code is generated all the same; see {@link #errorKeepingCode}. */
  private int keepingCode;

  public ErrorReporter(Messager messager) {
    this.messager = messager;
  }

  /** An error on {@code element} as a whole. */
  public void error(String message, Element element) {
    print(message, element, null, null);
  }

  /** An error on the annotation of {@code origin}, or on its element if it has none. */
  public void error(String message, Origin origin) {
    print(message, origin.element(), origin.annotation().orElse(null), null);
  }

  /**
   * An error on {@code attribute} of the annotation of {@code origin} when the source sets it, on
   * the annotation otherwise.
   */
  public void error(String message, Origin origin, String attribute) {
    AnnotationMirror annotation = origin.annotation().orElse(null);
    print(message, origin.element(), annotation, annotation == null ? null : explicitValue(annotation, attribute));
  }

  /**
   * An error that leaves the schema's generated code valid (a missing inverse association: the
   * code compiles, the declaration is still wrong). The schema's struct and companion are then
   * generated anyway, so that code naming them compiles and the user sees this error alone,
   * not a cannot-find-symbol for every class that uses the schema.
   */
  public void errorKeepingCode(String message, Origin origin) {
    keepingCode++;
    error(message, origin);
  }

  /** How many errors were reported so far; compare before and after to tell whether a step failed. */
  public int errorCount() {
    return errorCount;
  }

  /** How many of them stop code from being generated: all but {@link #errorKeepingCode}'s. */
  public int codeStoppingErrorCount() {
    return errorCount - keepingCode;
  }

  private void print(String message, Element element, AnnotationMirror annotation, AnnotationValue value) {
    errorCount++;
    messager.printMessage(Diagnostic.Kind.ERROR, message, element, annotation, value);
  }

  private static AnnotationValue explicitValue(AnnotationMirror annotation, String attribute) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
        : annotation.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(attribute)) {
        return entry.getValue();
      }
    }
    return null;
  }
}
