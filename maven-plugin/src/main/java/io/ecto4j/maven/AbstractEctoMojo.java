package io.ecto4j.maven;

import io.ecto4j.migration.MigrationException;
import java.util.function.Consumer;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every goal has: the database to work on, and the log that progress lines go to. A
 * {@link MigrationException} (bad input: an unknown version, an irreversible migration, a failed
 * statement) fails the build with its message; anything else is an error of the plugin.
 */
abstract class AbstractEctoMojo extends AbstractMojo {
  /** The database, e.g. {@code jdbc:postgresql://localhost:5432/blog_dev}. */
  @Parameter(property = "ecto4j.url", required = true)
  String url;

  /** The user to connect as, unless the URL says. */
  @Parameter(property = "ecto4j.user")
  String user;

  /** The user's password, unless the URL says or none is needed. */
  @Parameter(property = "ecto4j.password")
  String password;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  MavenSession session;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    // -Decto4j.url on the command line wins over <url> in the pom, as with Flyway's plugin: the
    // docs offer both, and a one-off run against another database must not need a pom edit.
    url = commandLine("ecto4j.url", url);
    user = commandLine("ecto4j.user", user);
    password = commandLine("ecto4j.password", password);
    try {
      run();
    } catch (MigrationException | IllegalArgumentException e) {
      throw new MojoFailureException(e.getMessage(), e);
    }
  }

  abstract void run() throws MojoExecutionException, MojoFailureException;

  private String commandLine(String property, String configured) {
    return session == null ? configured : session.getUserProperties().getProperty(property, configured);
  }

  /** Progress lines to the build log, one log line per line. */
  Consumer<String> output() {
    return text -> text.lines().forEach(line -> getLog().info(line));
  }
}
