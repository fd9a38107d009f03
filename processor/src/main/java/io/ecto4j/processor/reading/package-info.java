/**
 * Reads {@code @Schema} interfaces, from source or from the classpath, into the model. Readers
 * never report: they run on validated schemas, and on other schemas only to learn their names,
 * keys and columns.
 */
package io.ecto4j.processor.reading;
