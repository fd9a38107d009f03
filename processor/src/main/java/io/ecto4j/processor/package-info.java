/**
 * The ecto4j annotation processor. Per round: defer schemas whose types are not resolved yet,
 * validate the elements, read the models, validate them (alone and against each other), and
 * generate the struct and the companion of every schema that had no error.
 */
package io.ecto4j.processor;
