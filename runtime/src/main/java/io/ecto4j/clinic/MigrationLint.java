package io.ecto4j.clinic;

import io.ecto4j.migration.AlterTable;
import io.ecto4j.migration.ColumnChange;
import io.ecto4j.migration.Command;
import io.ecto4j.migration.CreateConstraint;
import io.ecto4j.migration.CreateIndex;
import io.ecto4j.migration.CreateTable;
import io.ecto4j.migration.DropTable;
import io.ecto4j.migration.Execute;
import io.ecto4j.migration.Migration;
import io.ecto4j.migration.MigrationDefaults;
import io.ecto4j.migration.RenameColumn;
import io.ecto4j.migration.RenameTable;
import io.ecto4j.migration.generator.SchemaDescription;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checklist question 4, "is this migration backward-compatible for rolling deploys?", and runbook
 * step 4, "keep a rollback path for every migration": lints the commands a migration records, each
 * finding with its safe recipe. Old and new application versions run side by side during a deploy,
 * so a migration must not break the running code, nor hold a lock that stops it.
 *
 * <pre>{@code
 * MigrationLint.assertSafe(new V20260301__AddSlug(), new V20260302__IndexSlug());   // in a test
 * List<MigrationLint.Finding> found = MigrationLint.withSchema(SchemaDescription.load(loader)).check(migrations);
 * }</pre>
 *
 * <p>A table created in the same migration is new and exempt from the lock rules. A finding can be
 * accepted by overriding nothing: the lint is advice; the build fails only where asked to.
 */
public final class MigrationLint {
  /** One unsafe command, tagged by rule, with how to do it safely. */
  public record Finding(String migration, String rule, String command, String problem, String recipe) {
    @Override
    public String toString() {
      return "[" + rule + "] " + migration + ": `" + command + "` " + problem + "\n    safe recipe: " + recipe;
    }
  }

  private static final Pattern DML = Pattern.compile("(?is)^\\s*(UPDATE|INSERT|DELETE)\\b.*");
  private static final Pattern ADD_UNIQUE = Pattern.compile("(?is).*ADD\\s+CONSTRAINT\\s+\\S+\\s+UNIQUE\\s*\\(.*");
  private static final Pattern ADD_CHECK_OR_FK = Pattern.compile(
      "(?is).*ADD\\s+CONSTRAINT\\s+\\S+\\s+(CHECK|FOREIGN\\s+KEY)\\b.*");

  private final Optional<SchemaDescription> schema;
  private final MigrationDefaults defaults;

  private MigrationLint(Optional<SchemaDescription> schema, MigrationDefaults defaults) {
    this.schema = schema;
    this.defaults = defaults;
  }

  /**
   * This lint reading the migrations as a migrator with {@code defaults} records them (the key,
   * reference and timestamp types, the default prefix); {@link MigrationDefaults#ecto()} unless set.
   */
  public MigrationLint withDefaults(MigrationDefaults defaults) {
    return new MigrationLint(schema, Objects.requireNonNull(defaults, "defaults"));
  }

  /** A lint that knows which tables and columns the compiled schemas use. */
  public static MigrationLint withSchema(SchemaDescription schema) {
    return new MigrationLint(Optional.of(schema), MigrationDefaults.ecto());
  }

  /** A lint without schema knowledge: renames and drops are flagged whatever uses them. */
  public static MigrationLint withoutSchema() {
    return new MigrationLint(Optional.empty(), MigrationDefaults.ecto());
  }

  /** Fails with every finding, for a test; the schema is read from this class's loader if present. */
  public static void assertSafe(Migration... migrations) {
    List<Finding> found = forClassPath().check(migrations);
    if (!found.isEmpty()) {
      throw new AssertionError(found.size() + " unsafe migration command(s):\n"
          + String.join("\n", found.stream().map(Finding::toString).toList()));
    }
  }

  /** With the schemas the thread's class path describes, or without any. */
  public static MigrationLint forClassPath() {
    try {
      return withSchema(SchemaDescription.load(Thread.currentThread().getContextClassLoader()));
    } catch (RuntimeException noSchema) {
      return withoutSchema();
    }
  }

  public List<Finding> check(Migration... migrations) {
    List<Finding> found = new ArrayList<>();
    for (Migration migration : migrations) {
      found.addAll(check(migration));
    }
    return found;
  }

  public List<Finding> check(Migration migration) {
    List<Command> commands = defaults.upCommands(migration);
    Set<String> created = new HashSet<>();
    for (Command command : commands) {
      if (command instanceof CreateTable create) {
        created.add(create.table().name());
      }
    }
    Rules rules = new Rules(migration.toString(), created, schema);
    commands.forEach(rules::check);
    rules.backfill(commands);
    rules.rollback(migration);
    return rules.found;
  }

  /** The rules for one migration; collects every finding rather than stopping at the first. */
  private static final class Rules {
    final String migration;
    final Set<String> created;
    final Optional<SchemaDescription> schema;
    final List<Finding> found = new ArrayList<>();

    Rules(String migration, Set<String> created, Optional<SchemaDescription> schema) {
      this.migration = migration;
      this.created = created;
      this.schema = schema;
    }

    void check(Command command) {
      if (command instanceof AlterTable alter && !created.contains(alter.table())) {
        alter.changes().forEach(change -> alterColumn(command, alter.table(), change));
      } else if (command instanceof CreateIndex create && !created.contains(create.index().table())) {
        index(command, create);
      } else if (command instanceof CreateConstraint create && !created.contains(create.constraint().table())
          && create.constraint().valid()) {
        add(command, "ConstraintNotValid", "validates every row under a SHARE ROW EXCLUSIVE lock",
            "createConstraint(check(...).notValid()) in this migration, then validateConstraint(table, name) in the next");
      } else if (command instanceof RenameColumn rename && usedColumn(rename.table(), rename.from())) {
        add(command, "RenameUsedColumn", "breaks the running version, whose schema still reads " + rename.from(),
            "add the new column, write both, backfill, switch reads, and remove the old column in a later deploy");
      } else if (command instanceof RenameTable rename && usedTable(rename.from())) {
        add(command, "RenameUsedTable", "breaks the running version, whose schema still reads " + rename.from(),
            "create the new table (or a view named like the old one), copy, switch, and drop later");
      } else if (command instanceof DropTable drop && usedTable(drop.table())) {
        add(command, "DropUsedTable", "drops a table a compiled schema still uses",
            "deploy code that no longer uses " + drop.table() + " first, then drop it in a later migration");
      } else if (command instanceof Execute execute) {
        execute(command, execute.up());
      }
    }

    private void alterColumn(Command command, String table, ColumnChange change) {
      if (change instanceof ColumnChange.Add add && add.definition().nullability().equals(Optional.of(false))
          && add.definition().defaultSql().isEmpty()) {
        add(command, "NotNullWithoutDefault", "fails on existing rows, and the running version does not write "
            + add.column(), "add " + add.column() + " nullable (or with a default), backfill in batches, then "
            + "add a CHECK (" + add.column() + " IS NOT NULL) NOT VALID, validate it, and SET NOT NULL");
      }
      if (change instanceof ColumnChange.Add add && add.definition().references().isPresent()) {
        add(command, "ForeignKeyNotValid", "adds a foreign key that scans " + table + " under lock",
            "add the column without references, then execute(\"ALTER TABLE " + table + " ADD CONSTRAINT … FOREIGN KEY"
            + " (" + add.column() + ") REFERENCES … NOT VALID\") and validateConstraint(…) in the next migration");
      }
      if (change instanceof ColumnChange.Modify modify) {
        add(command, "ChangeColumnType", "rewrites " + table + " under an ACCESS EXCLUSIVE lock and breaks readers "
            + "of " + modify.column(), "add a new column of the new type, write both, backfill, switch reads, "
            + "drop the old column later");
      }
      if (change instanceof ColumnChange.Remove remove && usedColumn(table, remove.column())) {
        add(command, "DropUsedColumn", "drops a column a compiled schema still reads (" + table + "."
            + remove.column() + ")", "deploy code that no longer uses the column first, then remove it");
      }
    }

    private void index(Command command, CreateIndex create) {
      if (!create.index().concurrent()) {
        add(command, create.index().isUnique() ? "UniqueNotConcurrent" : "IndexNotConcurrent",
            "blocks writes to " + create.index().table() + " while the index builds",
            "createIndex(index(...)" + (create.index().isUnique() ? ".unique()" : "") + ".concurrently()) in a "
            + "migration whose disableDdlTransaction() returns true");
      }
    }

    private void execute(Command command, String sql) {
      if (ADD_UNIQUE.matcher(sql).matches()) {
        add(command, "UniqueNotConcurrent", "builds a unique index under lock",
            "createIndex(uniqueIndex(...).concurrently()), then ADD CONSTRAINT … UNIQUE USING INDEX …");
      }
      if (ADD_CHECK_OR_FK.matcher(sql).matches() && !sql.toUpperCase().contains("NOT VALID")) {
        add(command, "ConstraintNotValid", "validates every row under lock",
            "add the constraint NOT VALID, then validateConstraint(table, name) in the next migration");
      }
    }

    void backfill(List<Command> commands) {
      boolean schemaChange = commands.stream().anyMatch(c -> !(c instanceof Execute));
      for (Command command : commands) {
        if (schemaChange && command instanceof Execute execute && DML.matcher(execute.up()).matches()) {
          add(command, "BackfillWithSchemaChange", "mixes a data backfill with schema changes: one long transaction "
              + "holding DDL locks, and no clean rollback", "move the backfill to its own migration (or a task) "
              + "that updates in batches, after the schema change is deployed");
        }
      }
    }

    void rollback(Migration migration) {
      try {
        migration.downCommands();
      } catch (RuntimeException e) {
        found.add(new Finding(this.migration, "NoRollback", "down", "has no rollback path: " + e.getMessage(),
            "give it a down(), or use reversible commands (execute(up, down), remove(column, type)); "
            + "verify the rollback in staging"));
      }
    }

    private boolean usedTable(String table) {
      return schema.map(s -> s.table(table).isPresent()).orElse(true);
    }

    private boolean usedColumn(String table, String column) {
      return schema.map(s -> s.table(table).flatMap(t -> t.column(column)).isPresent()).orElse(true);
    }

    private void add(Command command, String rule, String problem, String recipe) {
      found.add(new Finding(migration, rule, command.describe(), problem, recipe));
    }
  }
}
