/**
 * The ecto4j annotation processor. Per round: defer schemas whose types are not resolved yet,
 * validate the elements, read the models, validate them (alone and against each other), and
 * generate the struct and the companion of every schema that had no error. When processing is
 * over, the DDL of all schemas is written as resources for the migration tools.
 * {@link io.ecto4j.processor.MigrationProcessor} lists each package's {@code Migration} subclasses in a
 * generated {@code Migrations} class.
 */
package io.ecto4j.processor;
