/**
 * <strong>Not API.</strong> How ecto4j's packages reach one another's internals, so that the public
 * types of {@code query}, {@code changeset}, {@code multi} and {@code meta} carry only what
 * applications call. The repo needs a query's row reader and statements, a changeset's association
 * changes, a Multi's steps; Java has no "visible to these packages" modifier short of JPMS (which
 * ecto4j cannot declare while Flyway ships without a module name), so each owning package registers
 * an implementation of one of the interfaces here, as the JDK's {@code SharedSecrets} does, and
 * keeps the members themselves package-private.
 *
 * <p>Everything in this package may change in any release.
 */
package io.ecto4j.internal;
