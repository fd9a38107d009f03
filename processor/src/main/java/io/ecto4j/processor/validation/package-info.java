/**
 * Checks schemas and reports every problem with {@link io.ecto4j.processor.ErrorReporter}: first
 * the elements (what must hold before a model can be read), then each model, then the round as a
 * whole. A schema with any error is not generated.
 */
package io.ecto4j.processor.validation;
