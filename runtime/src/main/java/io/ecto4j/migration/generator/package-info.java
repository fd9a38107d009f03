/**
 * {@code gen-migration}: reads the compiled schemas ({@link SchemaDescription}) and a live
 * database, and writes the next migration in the DSL of {@link io.ecto4j.migration}
 * ({@link MigrationGenerator}). The Maven plugin's {@code ecto4j:gen-migration} goal is its user;
 * an application migrating at startup needs only {@code io.ecto4j.migration}.
 */
package io.ecto4j.migration.generator;
