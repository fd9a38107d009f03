package io.ecto4j.maven;

import io.ecto4j.migration.MigrationDefaults;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * The {@code ecto4j.migrationDefaults} option, Ecto's {@code migration_primary_key},
 * {@code migration_foreign_key}, {@code migration_timestamps} and {@code migration_default_prefix}
 * repo configuration as one line of {@code key=value} pairs, so that every goal reading migrations
 * (migrate, rollback, status, lint) records them as the application's migrator does:
 *
 * <pre>{@code
 * <migrationDefaults>primaryKey=id:uuid, foreignKey=id:uuid, timestampType=timestamp, prefix=app</migrationDefaults>
 * }</pre>
 *
 * Keys: {@code primaryKey=name:type} or {@code primaryKey=none}, {@code foreignKey=column:type},
 * {@code foreignKeyType=type}, {@code timestampType=type}, {@code nullableTimestamps=true},
 * {@code prefix=schema}. They must match the application's {@code Migrator.Builder.defaults(…)}:
 * the defaults are part of the migrations' checksums.
 */
final class DefaultsOption {
  private DefaultsOption() {}

  static MigrationDefaults parse(String option) throws MojoExecutionException {
    MigrationDefaults defaults = MigrationDefaults.ecto();
    if (option == null || option.isBlank()) {
      return defaults;
    }
    for (String pair : option.split(",")) {
      String[] keyValue = pair.strip().split("=", 2);
      if (keyValue.length != 2 || keyValue[1].isBlank()) {
        throw invalid(pair, "write key=value");
      }
      defaults = apply(defaults, keyValue[0].strip(), keyValue[1].strip(), pair);
    }
    return defaults;
  }

  private static MigrationDefaults apply(MigrationDefaults defaults, String key, String value, String pair)
      throws MojoExecutionException {
    switch (key) {
      case "primaryKey":
        if (value.equals("none")) {
          return defaults.withoutPrimaryKey();
        }
        String[] primary = pair(value, pair, "primaryKey=name:type, e.g. primaryKey=id:uuid, or primaryKey=none");
        return defaults.primaryKey(primary[0], primary[1]);
      case "foreignKey":
        String[] foreign = pair(value, pair, "foreignKey=column:type, e.g. foreignKey=id:uuid");
        return defaults.foreignKey(foreign[0], foreign[1]);
      case "foreignKeyType":
        return defaults.foreignKeyType(value);
      case "timestampType":
        return defaults.timestampType(value);
      case "nullableTimestamps":
        return Boolean.parseBoolean(value) ? defaults.nullableTimestamps() : defaults;
      case "prefix":
        return defaults.prefix(value);
      default:
        throw invalid(pair, "the keys are primaryKey, foreignKey, foreignKeyType, timestampType, "
            + "nullableTimestamps and prefix");
    }
  }

  private static String[] pair(String value, String pair, String expected) throws MojoExecutionException {
    String[] parts = value.split(":", 2);
    if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
      throw invalid(pair, "write " + expected);
    }
    return new String[] {parts[0].strip(), parts[1].strip()};
  }

  private static MojoExecutionException invalid(String pair, String hint) {
    return new MojoExecutionException("ecto4j.migrationDefaults: cannot read `" + pair.strip() + "`; " + hint);
  }
}
