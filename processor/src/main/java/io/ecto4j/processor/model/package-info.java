/**
 * The immutable description of a schema that the processor builds from a {@code @Schema}
 * interface: what the validators check and what the generators print. Nothing here reports
 * errors or touches the {@code Filer}.
 */
package io.ecto4j.processor.model;
