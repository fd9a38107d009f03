package io.ecto4j.maven;

import io.ecto4j.clinic.MigrationLint;
import io.ecto4j.migration.Migration;
import io.ecto4j.migration.generator.SchemaDescription;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * Lints the project's Java migrations for rolling deploys ({@link MigrationLint}), against the
 * compiled schemas' {@code META-INF/ecto4j/schema.json}: {@code mvn compile ecto4j:lint}. Needs no
 * database. Fails the build on a finding unless {@code ecto4j.lint.failOnFinding=false}.
 */
@Mojo(name = "lint", defaultPhase = LifecyclePhase.VERIFY, requiresDependencyResolution = ResolutionScope.RUNTIME,
    threadSafe = true)
public final class LintMojo extends AbstractMojo {
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  @Parameter(property = "ecto4j.lint.failOnFinding", defaultValue = "true")
  boolean failOnFinding;

  /** What the DSL uses where a migration does not say, as the migrate goal reads it (see {@link DefaultsOption}). */
  @Parameter(property = "ecto4j.migrationDefaults")
  String migrationDefaults;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    ClassLoader loader = ProjectMigrations.classLoader(project);
    List<Migration> migrations = ProjectMigrations.load(loader);
    MigrationLint lint = lint(loader).withDefaults(DefaultsOption.parse(migrationDefaults));
    List<MigrationLint.Finding> findings = lint.check(migrations.toArray(Migration[]::new));
    findings.forEach(finding -> getLog().warn(finding.toString()));
    getLog().info("ecto4j:lint checked " + migrations.size() + " migration(s): " + findings.size() + " finding(s)");
    if (!findings.isEmpty() && failOnFinding) {
      throw new MojoFailureException(findings.size() + " migration command(s) are unsafe for rolling deploys; "
          + "see the warnings above, or set ecto4j.lint.failOnFinding=false");
    }
  }

  private static MigrationLint lint(ClassLoader loader) {
    try {
      return MigrationLint.withSchema(SchemaDescription.load(loader));
    } catch (RuntimeException noSchema) {
      return MigrationLint.withoutSchema();
    }
  }
}
