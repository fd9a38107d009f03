package io.ecto4j.migration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A database's structure as one SQL file, Ecto's {@code mix ecto.dump} and {@code mix ecto.load}
 * ({@code structure_dump}/{@code structure_load}): {@code pg_dump --schema-only} followed by the
 * rows of the migration history, so that a database loaded from the file knows its migrations as
 * applied; and {@code psql} loading it in one transaction, stopping at the first error. The
 * PostgreSQL client tools must be on the {@code PATH}.
 *
 * <pre>{@code
 * Structure.dump(url, "postgres", null, Path.of("src/main/resources/db/structure.sql"), "flyway_schema_history");
 * Structure.load(testUrl, "postgres", null, Path.of("src/main/resources/db/structure.sql"));
 * }</pre>
 */
public final class Structure {
  private Structure() {}

  /** Writes the structure of the database {@code jdbcUrl} names, and its history's rows, to {@code file}. */
  public static void dump(String jdbcUrl, String user, String password, Path file, String historyTable) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      run("pg_dump", jdbcUrl, user, password, List.of("--file", file.toString(), "--schema-only", "--no-acl",
          "--no-owner"), "dump the structure of");
      if (hasTable(jdbcUrl, user, password, historyTable)) {
        // The history's rows, so that a database loaded from the file has its migrations applied (Ecto appends its versions).
        String rows = run("pg_dump", jdbcUrl, user, password, List.of("--data-only", "--inserts", "--no-owner",
            "--table", Sql.quote(historyTable)), "dump the migration history of");
        Files.writeString(file, rows, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
      }
    } catch (IOException e) {
      throw new MigrationException("could not write the structure of " + Storage.database(jdbcUrl) + " to " + file
          + ": " + e.getMessage(), e);
    }
  }

  /** Runs the SQL of {@code file} on the database {@code jdbcUrl} names, in one transaction, stopping at the first error. */
  public static void load(String jdbcUrl, String user, String password, Path file) {
    if (!Files.isRegularFile(file)) {
      throw new MigrationException("no structure file " + file + " to load into " + Storage.database(jdbcUrl)
          + "; write one with ecto4j:dump (Structure.dump)");
    }
    run("psql", jdbcUrl, user, password, List.of("--quiet", "--no-psqlrc", "--file", file.toString(),
        "--set", "ON_ERROR_STOP=1", "--single-transaction"), "load the structure into");
  }

  /** Whether the database has {@code table} in its search path: a loaded database has its history table. */
  public static boolean hasTable(String jdbcUrl, String user, String password, String table) {
    Properties properties = new Properties();
    if (user != null) {
      properties.setProperty("user", user);
    }
    if (password != null) {
      properties.setProperty("password", password);
    }
    try (Connection connection = DriverManager.getConnection(jdbcUrl, properties);
        PreparedStatement statement = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
      statement.setString(1, Sql.quote(table));
      try (ResultSet row = statement.executeQuery()) {
        row.next();
        return row.getBoolean(1);
      }
    } catch (SQLException e) {
      throw new MigrationException("could not read the tables of " + Storage.database(jdbcUrl) + ": "
          + e.getMessage(), e);
    }
  }

  /** Runs a client tool on the database, returning what it printed; a failure names the tool and its error. */
  private static String run(String tool, String jdbcUrl, String user, String password, List<String> options,
      String doing) {
    List<String> command = new ArrayList<>(List.of(tool));
    command.addAll(options);
    if (user != null) {
      command.add("--username=" + user);
    }
    command.add("--dbname=" + Storage.libpqUri(jdbcUrl));
    String database = Storage.database(jdbcUrl);
    Path errors = null;
    try {
      // Errors go to a file, so that a tool writing much to both streams never blocks on the one not read.
      errors = Files.createTempFile("ecto4j-" + tool, ".err");
      ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors.toFile());
      builder.environment().put("PGCONNECT_TIMEOUT", "10");
      if (password != null) {
        builder.environment().put("PGPASSWORD", password);
      }
      Process process = builder.start();
      process.getOutputStream().close();
      byte[] out = process.getInputStream().readAllBytes();
      if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
        process.destroy();
        String err = Files.readString(errors, StandardCharsets.UTF_8).strip();
        throw new MigrationException("could not " + doing + " " + database + ": " + tool + " failed"
            + (err.isEmpty() ? "" : ":\n" + err));
      }
      return new String(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MigrationException("could not " + doing + " " + database + ": " + tool + " could not be run ("
          + e.getMessage() + "); install PostgreSQL's client tools and put " + tool + " on the PATH", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MigrationException("interrupted while running " + tool + " on " + database, e);
    } finally {
      deleteQuietly(errors);
    }
  }

  private static void deleteQuietly(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // a temporary file left behind is harmless
    }
  }
}
