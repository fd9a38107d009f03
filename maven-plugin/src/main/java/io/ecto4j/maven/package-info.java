/** The {@code mix ecto.*} tasks as Maven goals, over {@link io.ecto4j.migration.Migrator}. */
package io.ecto4j.maven;
