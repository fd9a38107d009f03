package io.ecto4j.maven;

import io.ecto4j.migration.MigrationException;
import io.ecto4j.migration.generator.SchemaDescription;
import io.ecto4j.repo.QueryException;
import io.ecto4j.repo.QueryResult;
import io.ecto4j.repo.Repo;
import io.ecto4j.repo.TransactionOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * Runs a query in a read-only transaction and prints its rows as a table, {@code mix ecto.query}:
 * {@code -Decto4j.query="SELECT id, title FROM posts"}, or the table of a compiled schema alone
 * ({@code -Decto4j.query=posts}, Ecto's schema module as the queryable). A column of a field
 * declared {@code redact = true} is never printed; {@code -Decto4j.limit=N} prints the first N rows
 * (the query is left as written); {@code -Decto4j.sql=true} prints the SQL without running it.
 */
@Mojo(name = "query", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class QueryMojo extends AbstractEctoMojo {
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  /** SQL, or the name of a table a compiled {@code @Schema} maps. */
  @Parameter(property = "ecto4j.query", required = true)
  String query;

  /** How many rows to print; all when unset. */
  @Parameter(property = "ecto4j.limit")
  Integer limit;

  /** Print the SQL and its parameters instead of running it, Ecto's {@code --sql}. */
  @Parameter(property = "ecto4j.sql", defaultValue = "false")
  boolean sql;

  @Override
  void run() throws MojoFailureException {
    Optional<SchemaDescription> schemas = schemas();
    String statement = schemas.flatMap(described -> described.table(query.strip())).map(QueryMojo::selectAll)
        .orElse(query);
    if (sql) {
      output().accept(statement + " []");
      return;
    }
    Set<String> redacted = schemas.map(QueryMojo::redactedColumns).orElse(Set.of());
    Repo.Builder builder = Repo.builder().url(url);
    if (user != null) {
      builder.username(user);
    }
    if (password != null) {
      builder.password(password);
    }
    try (Repo repo = builder.build()) {
      QueryResult result = repo.transaction(TransactionOptions.defaults().readOnly(),
          tx -> repo.queryResult(statement, List.of())).orElseThrow();
      output().accept(shown(result, redacted).formatTable());
      getLog().info(result.rows().size() + " row(s)" + (limit != null && limit < result.rows().size()
          ? ", the first " + limit + " shown" : ""));
    } catch (QueryException e) {
      throw new MojoFailureException("ecto4j:query failed (it runs in a read-only transaction): " + e.getMessage(), e);
    }
  }

  /** The compiled schemas' tables, if the project has any. */
  private Optional<SchemaDescription> schemas() {
    try {
      return Optional.of(SchemaDescription.load(ProjectMigrations.classLoader(project)));
    } catch (MigrationException | MojoExecutionException noSchemas) {
      return Optional.empty();
    }
  }

  /** Every column of a schema's table but its redacted ones, Ecto's struct without its redacted fields. */
  private static String selectAll(SchemaDescription.TableInfo table) {
    String columns = table.columns().stream().filter(column -> !column.redacted())
        .map(column -> quote(column.name())).collect(Collectors.joining(", "));
    return "SELECT " + columns + " FROM " + quote(table.name());
  }

  private static Set<String> redactedColumns(SchemaDescription schemas) {
    return schemas.tables().stream().flatMap(table -> table.columns().stream())
        .filter(SchemaDescription.ColumnInfo::redacted).map(SchemaDescription.ColumnInfo::name)
        .collect(Collectors.toSet());
  }

  /** {@code result} without the redacted columns, and with at most {@code limit} rows. */
  private QueryResult shown(QueryResult result, Set<String> redacted) {
    List<Integer> kept = new ArrayList<>();
    for (int i = 0; i < result.columns().size(); i++) {
      if (!redacted.contains(result.columns().get(i))) {
        kept.add(i);
      }
    }
    List<List<Object>> rows = result.rows().stream().limit(limit == null ? Long.MAX_VALUE : limit)
        .map(row -> kept.stream().map(row::get).toList()).toList();
    return new QueryResult(kept.stream().map(result.columns()::get).toList(), rows, rows.size());
  }

  private static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}
