/**
 * One generator per output: {@link io.ecto4j.processor.writing.StructGenerator} writes the record,
 * {@link io.ecto4j.processor.writing.CompanionGenerator} the companion with its SQL and DDL.
 * Generators never report errors: they run on validated models only.
 */
package io.ecto4j.processor.writing;
