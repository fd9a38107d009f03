package io.ecto4j.maven;

import io.ecto4j.migration.Migration;
import io.ecto4j.migration.MigrationDefaults;
import io.ecto4j.migration.Migrator;
import io.ecto4j.migration.TenantMigrationListener;
import io.ecto4j.migration.TenantMigrator;
import io.ecto4j.repo.NoConnectionException;
import io.ecto4j.repo.Repo;
import io.ecto4j.repo.Tenants;
import io.ecto4j.repo.UnknownTenantException;
import java.util.List;
import java.util.function.Consumer;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Applies the pending migrations to every tenant, Triplex's {@code mix triplex.migrate}: each
 * schema of {@code -Decto4j.tenantSchemas=acme,globex} in the database of {@code ecto4j.url}, or
 * each database of {@code -Decto4j.tenantUrls=acme=jdbc:…,globex=jdbc:…} (as {@code ecto4j.user}).
 * A progress bar is printed as each tenant finishes. When a tenant fails, the goal stops with the
 * tenant, the migration and PostgreSQL's error; the tenants before it stay migrated, and running
 * the goal again resumes ({@code -Decto4j.fromTenant=globex} starts at that tenant).
 */
@Mojo(name = "migrate-tenants", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class MigrateTenantsMojo extends AbstractMigratorMojo {
  /** The tenants' schemas in the database of {@code ecto4j.url}; each schema is also the tenant's id. */
  @Parameter(property = "ecto4j.tenantSchemas")
  String[] tenantSchemas;

  /** The tenants' databases, as {@code id=jdbcUrl}. */
  @Parameter(property = "ecto4j.tenantUrls")
  String[] tenantUrls;

  /** How many tenants are migrated at once. */
  @Parameter(property = "ecto4j.parallelism", defaultValue = "1")
  int parallelism;

  /** The tenant to start at, in the order given, to resume after a failure without asking the ones before. */
  @Parameter(property = "ecto4j.fromTenant")
  String fromTenant;

  @Override
  void run() throws MojoExecutionException, MojoFailureException {
    boolean schemas = tenantSchemas != null && tenantSchemas.length > 0;
    boolean databases = tenantUrls != null && tenantUrls.length > 0;
    if (schemas == databases) {
      throw new MojoFailureException("give the tenants either as schemas (-Decto4j.tenantSchemas=acme,globex) or as "
          + "databases (-Decto4j.tenantUrls=acme=jdbc:postgresql://…,globex=…), not " + (schemas ? "both" : "neither"));
    }
    if (given(prefix)) {
      throw new MojoFailureException("ecto4j.prefix names one schema; each tenant's schema is its own here: "
          + "list them in ecto4j.tenantSchemas");
    }
    ClassLoader loader = ProjectMigrations.classLoader(project);
    List<Migration> migrations = projectMigrations(loader);
    MigrationDefaults defaults = DefaultsOption.parse(migrationDefaults);
    Consumer<String> output = output();
    try (Repo shared = schemas ? Repo.builder().url(url).username(user).password(password)
            .maximumPoolSize(3 * parallelism + 1).poolName("ecto4j-migrate-tenants").build() : null;
        Tenants tenants = schemas ? schemaTenants(shared) : databaseTenants()) {
      TenantMigrator migrator = TenantMigrator.builder(tenants,
              dataSource -> configured(Migrator.builder(dataSource), migrations, loader, output).defaults(defaults))
          .listener(TenantMigrationListener.progressBar(output))
          .parallelism(parallelism)
          .build();
      if (given(fromTenant)) {
        migrator.migrateFrom(fromTenant);
      } else {
        migrator.migrate();
      }
    } catch (UnknownTenantException e) {
      throw new MojoFailureException(e.getMessage(), e);
    } catch (NoConnectionException e) {
      throw new MojoFailureException("could not connect to the database: " + e.getMessage(), e);
    }
  }

  private Tenants schemaTenants(Repo shared) {
    Tenants.Builder builder = Tenants.schemas(shared);
    for (String schema : tenantSchemas) {
      builder.tenant(schema.trim(), schema.trim());
    }
    return builder.build();
  }

  private Tenants databaseTenants() throws MojoFailureException {
    Tenants.Builder builder = Tenants.databases()
        .pool(options -> options.username(user).password(password).maximumPoolSize(3));
    for (String tenant : tenantUrls) {
      int equals = tenant.indexOf('=');
      if (equals < 1 || !tenant.substring(equals + 1).startsWith("jdbc:")) {
        throw new MojoFailureException("ecto4j.tenantUrls entry `" + tenant + "` is not id=jdbc:postgresql://…");
      }
      builder.tenant(tenant.substring(0, equals).trim(), tenant.substring(equals + 1).trim());
    }
    return builder.build();
  }
}
