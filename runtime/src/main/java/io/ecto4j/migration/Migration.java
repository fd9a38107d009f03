package io.ecto4j.migration;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A Java migration, Ecto's {@code use Ecto.Migration}: override {@link #change()} with DSL calls,
 * and the runner both applies it and, for a rollback, undoes it command by command in reverse.
 * The class name is its version and description, by Flyway's convention:
 *
 * <pre>{@code
 * public final class V20260301120000__CreatePosts extends Migration {
 *   @Override
 *   protected void change() {
 *     createTable("posts", t -> {
 *       t.add("title", "varchar(255)").notNull();
 *       t.add("author_id", references("users").onDelete(ReferenceAction.DELETE_ALL));
 *       t.timestamps();
 *     });
 *     createIndex(index("posts", "author_id"));
 *   }
 * }
 * }</pre>
 *
 * <p>What cannot be undone mechanically (raw SQL, dropping a column of unknown type) goes in
 * {@link #up()} and {@link #down()} instead, or is given its inverse ({@code execute(up, down)},
 * {@code remove("body", "text")}). Rolling back a {@code change()} holding an irreversible command
 * fails before running anything, naming the command.
 *
 * <p>The DSL methods only record commands; nothing touches the database while {@code change()}
 * runs. So a migration's SQL is known without a connection, which gives Java migrations a
 * checksum: editing an applied migration is caught like editing an applied SQL file.
 *
 * <p>Every subclass in a package is listed by the processor in that package's generated
 * {@code Migrations} class (see {@link Indexed}).
 */
@Indexed
public abstract class Migration {
  private List<Command> recording;
  private boolean changeMissing;
  /** The command whose body is running ({@code createTable("posts", t -> …)}), if any. */
  private String inBodyOf;
  private Direction direction = Direction.UP;

  /** Which way a migration is being run, Ecto's {@code direction()}. */
  public enum Direction {
    UP,
    DOWN
  }

  /** The reversible commands; the default records nothing and marks the migration as lacking one. */
  protected void change() {
    changeMissing = true;
  }

  /** The commands applying the migration; {@link #change()} unless overridden. */
  protected void up() {
    change();
  }

  /** The commands undoing it; {@link #change()} reversed unless overridden. */
  protected void down() {
    List<Command> forward = new ArrayList<>();
    List<Command> outer = recording;
    recording = forward;
    try {
      change();
    } finally {
      recording = outer;
    }
    if (changeMissing) {
      throw new IrreversibleMigrationException("cannot roll back " + this + ": it defines up() without down(); "
          + "write down(), or put the commands in change() if they are reversible");
    }
    for (int i = forward.size() - 1; i >= 0; i--) {
      Command command = forward.get(i);
      if (!command.reversible()) {
        throw IrreversibleMigrationException.of(command, this, "change()");
      }
      recording.addAll(command.reverse());
    }
  }

  /**
   * Whether to run outside a transaction, Ecto's {@code @disable_ddl_transaction}: needed by
   * {@code CREATE INDEX CONCURRENTLY}. A failure half-way then leaves what ran so far applied.
   */
  protected boolean disableDdlTransaction() {
    return false;
  }

  /** This migration's {@code lock_timeout}; empty for the migrator's (10 s unless configured). */
  protected Optional<Duration> lockTimeout() {
    return Optional.empty();
  }

  /**
   * Commands to run first inside the migration's transaction, Ecto's {@code after_begin/0}: record
   * them with the DSL, as in {@code change()}. Not run when {@link #disableDdlTransaction()} is on.
   * Rolling back a {@code change()} migration runs them reversed, as Ecto does (so
   * {@code execute(up, down)} gives each direction its SQL); an {@code up()}/{@code down()}
   * migration runs them as written both ways. Shared setup belongs in a base class of your own;
   * the callbacks are not part of the checksum, so changing that base class does not invalidate
   * applied migrations.
   */
  protected void afterBegin() {}

  /** Commands to run last inside the migration's transaction, Ecto's {@code before_commit/0}; as {@link #afterBegin()}. */
  protected void beforeCommit() {}

  /** The commands {@code callback} records, {@link #afterBegin()} or {@link #beforeCommit()}. */
  final synchronized List<Command> callbackCommands(Consumer<Migration> callback, Direction way) {
    return record(way, () -> callback.accept(this));
  }

  /** Whether this migration is written as {@code change()}, so that its rollback runs backward. */
  final synchronized boolean definesChange() {
    record(this::change);
    return !changeMissing;
  }

  /**
   * Which way the commands being recorded will run, Ecto's {@code direction()}: {@code DOWN} while
   * a rollback records {@code change()} (whose commands are then reversed) or {@code down()}.
   */
  protected final Direction direction() {
    return direction;
  }

  /**
   * The schema the migrator runs this migration in, Ecto's {@code prefix()}: the one given to
   * {@link Migrator.Builder#prefix(String)}; empty for a migrator without one.
   */
  protected final Optional<String> prefix() {
    return MigrationDefaults.migratorPrefix();
  }

  /** The version from the class name, e.g. {@code 20260301120000}. */
  public final String version() {
    return name().version();
  }

  /** The description from the class name, e.g. {@code create posts}. */
  public final String description() {
    return name().description();
  }

  /** {@code 20260301120000 (create posts)}, or the class name when it does not follow the convention. */
  @Override
  public String toString() {
    String simpleName = getClass().getSimpleName();
    return MigrationName.PATTERN.matcher(simpleName).matches() ? version() + " (" + description() + ")" : simpleName;
  }

  /** The commands {@link #up()} records. */
  public final synchronized List<Command> upCommands() {
    List<Command> commands = record(Direction.UP, this::up);
    if (changeMissing) {
      throw new MigrationException("migration " + getClass().getSimpleName() + " defines neither change() nor up(); "
          + "override change() with its commands");
    }
    return commands;
  }

  /** The commands {@link #down()} records; fails when they cannot be known. */
  public final synchronized List<Command> downCommands() {
    return record(Direction.DOWN, this::down);
  }

  final boolean inTransaction() {
    return !disableDdlTransaction();
  }

  final Optional<Duration> ownLockTimeout() {
    return lockTimeout();
  }

  private MigrationName name() {
    return MigrationName.of(getClass().getSimpleName());
  }

  private List<Command> record(Runnable body) {
    return record(Direction.UP, body);
  }

  private List<Command> record(Direction way, Runnable body) {
    direction = way;
    recording = new ArrayList<>();
    changeMissing = false;
    try {
      body.run();
      return List.copyOf(recording);
    } finally {
      recording = null;
      direction = Direction.UP;
    }
  }

  private void add(Command command) {
    if (recording == null) {
      throw new IllegalStateException(command.describe() + " was called outside change(), up() or down(); "
          + "migration commands are recorded while the runner calls those methods");
    }
    if (inBodyOf != null) {
      throw new MigrationException("cannot execute nested commands: `" + command.describe() + "` inside the body of `"
          + inBodyOf + "`; call it after that call returns");
    }
    recording.add(command);
  }

  /** Runs a table body, in which only column calls belong (Ecto refuses nested commands too). */
  private void inBody(String command, Runnable body) {
    String outer = inBodyOf;
    inBodyOf = command;
    try {
      body.run();
    } finally {
      inBodyOf = outer;
    }
  }

  // ------------------------------------------------------------------ values

  /**
   * A table with options: {@code table("tags").primaryKey("id", "uuid")},
   * {@code table("users").prefix("accounts")}. Its implicit key is {@code id bigserial}, or the
   * migrator's {@link MigrationDefaults}.
   */
  protected static TableSpec table(String name) {
    return TableSpec.named(name);
  }

  /** A foreign key to {@code table(id)}, a {@code bigint}: Ecto's {@code references(:users)}. */
  protected static Reference references(String table) {
    return Reference.to(table);
  }

  /** An index on columns or expressions, named {@code <table>_<columns>_index}. */
  protected static Index index(String table, String... columns) {
    return Index.on(table, List.of(columns));
  }

  /** A unique index, named like {@link #index}: what {@code uniqueConstraint} expects. */
  protected static Index uniqueIndex(String table, String... columns) {
    return index(table, columns).unique();
  }

  /** A column type with options, for {@code remove(...)} and {@code modify(...).from(...)}. */
  protected static ColumnDefinition column(String type) {
    return ColumnDefinition.of(type);
  }

  protected static ColumnDefinition column(Reference reference) {
    return ColumnDefinition.of(reference);
  }

  /** {@code CHECK (condition)}; {@code .prefix(schema)} for a table in another schema. */
  protected static Constraint check(String table, String name, String condition) {
    return new Constraint(table, name, Constraint.Kind.CHECK, condition, true, Optional.empty());
  }

  /** {@code EXCLUDE USING method (...)}: {@code exclude("bookings", "no_overlap", "gist (room WITH =)")}. */
  protected static Constraint exclude(String table, String name, String exclusion) {
    return new Constraint(table, name, Constraint.Kind.EXCLUDE, exclusion, true, Optional.empty());
  }

  // ------------------------------------------------------------------ tables

  /** {@code CREATE TABLE name} with the key {@code id bigserial} and the columns of {@code body}. */
  protected final void createTable(String name, Consumer<TableBuilder> body) {
    createTable(table(name), body);
  }

  protected final void createTable(TableSpec table, Consumer<TableBuilder> body) {
    TableSpec scoped = table.scoped();
    add(new CreateTable(scoped, columns(scoped, body), false));
  }

  protected final void createTableIfNotExists(String name, Consumer<TableBuilder> body) {
    createTableIfNotExists(table(name), body);
  }

  protected final void createTableIfNotExists(TableSpec table, Consumer<TableBuilder> body) {
    TableSpec scoped = table.scoped();
    add(new CreateTable(scoped, columns(scoped, body), true));
  }

  /** {@code ALTER TABLE} with the changes of {@code body}. */
  protected final void alterTable(String name, Consumer<TableBuilder> body) {
    alterTable(table(name), body);
  }

  /** {@code ALTER TABLE} of a table with options, e.g. {@code table("users").prefix("accounts")}. */
  protected final void alterTable(TableSpec given, Consumer<TableBuilder> body) {
    TableSpec table = given.scoped();
    TableBuilder builder = new TableBuilder(table.name(), table.prefix(), false);
    inBody("alter table " + table.displayName(), () -> body.accept(builder));
    add(new AlterTable(table.name(), builder.changes(), table.prefix()));
  }

  protected final void renameTable(String from, String to) {
    renameTable(table(from), to);
  }

  /** Renames {@code table} within its schema: {@code renameTable(table("posts").prefix("blog"), "articles")}. */
  protected final void renameTable(TableSpec table, String to) {
    add(new RenameTable(table.name(), to, table.scoped().prefix()));
  }

  protected final void renameColumn(String table, String from, String to) {
    renameColumn(table(table), from, to);
  }

  protected final void renameColumn(TableSpec table, String from, String to) {
    add(new RenameColumn(table.name(), from, to, table.scoped().prefix()));
  }

  /** {@code DROP TABLE}; not reversible, see {@link #dropTable(String, Consumer)}. */
  protected final void dropTable(String name) {
    dropTable(table(name), DropMode.RESTRICT);
  }

  /** {@code DROP TABLE … CASCADE} with {@link DropMode#CASCADE}, Ecto's {@code drop table(:posts), mode: :cascade}; not reversible. */
  protected final void dropTable(String name, DropMode mode) {
    dropTable(table(name), mode);
  }

  /** {@code DROP TABLE} of a table with options (its prefix); not reversible. */
  protected final void dropTable(TableSpec table) {
    dropTable(table, DropMode.RESTRICT);
  }

  protected final void dropTable(TableSpec table, DropMode mode) {
    add(new DropTable(table.name(), Optional.empty(), false, mode, table.scoped().prefix()));
  }

  /** {@code DROP TABLE} of a table with the columns of {@code body}, which a rollback creates again. */
  protected final void dropTable(String name, Consumer<TableBuilder> body) {
    dropTable(table(name), body);
  }

  protected final void dropTable(TableSpec given, Consumer<TableBuilder> body) {
    TableSpec table = given.scoped();
    add(new DropTable(table.name(), Optional.of(new CreateTable(table, columns(table, body), false)), false,
        DropMode.RESTRICT, table.prefix()));
  }

  protected final void dropTableIfExists(String name) {
    dropTableIfExists(table(name));
  }

  protected final void dropTableIfExists(TableSpec table) {
    dropTableIfExists(table, DropMode.RESTRICT);
  }

  /** {@code DROP TABLE IF EXISTS … CASCADE} with {@link DropMode#CASCADE}, Ecto's {@code drop_if_exists table(…), mode: :cascade}. */
  protected final void dropTableIfExists(String name, DropMode mode) {
    dropTableIfExists(table(name), mode);
  }

  protected final void dropTableIfExists(TableSpec table, DropMode mode) {
    add(new DropTable(table.name(), Optional.empty(), true, mode, table.scoped().prefix()));
  }

  private List<Column> columns(TableSpec table, Consumer<TableBuilder> body) {
    TableBuilder builder = new TableBuilder(table.name(), table.prefix(), true);
    inBody("create table " + table.displayName(), () -> body.accept(builder));
    return builder.columns();
  }

  // ------------------------------------------------------------------ indexes and constraints

  protected final void createIndex(Index index) {
    add(new CreateIndex(index.scoped(), false));
  }

  /** {@code createIndex(index(table, columns))}. */
  protected final void createIndex(String table, String... columns) {
    createIndex(index(table, columns));
  }

  protected final void createIndexIfNotExists(Index index) {
    add(new CreateIndex(index.scoped(), true));
  }

  /** {@code DROP INDEX} of the index as defined; reversed by creating it again. */
  protected final void dropIndex(Index index) {
    dropIndex(index, DropMode.RESTRICT);
  }

  /** {@code DROP INDEX … CASCADE} with {@link DropMode#CASCADE}, Ecto's {@code drop index(…), mode: :cascade}. */
  protected final void dropIndex(Index index, DropMode mode) {
    add(DropIndex.of(index.scoped(), false, mode));
  }

  /** {@code DROP INDEX name}; not reversible. */
  protected final void dropIndex(String name) {
    add(new DropIndex(name, Optional.empty(), false, false, DropMode.RESTRICT));
  }

  protected final void dropIndexIfExists(Index index) {
    add(DropIndex.of(index.scoped(), true, DropMode.RESTRICT));
  }

  /**
   * {@code ALTER INDEX … RENAME TO newName}, Ecto's {@code rename(index(…), to: name)}; reversed
   * by renaming it back.
   */
  protected final void renameIndex(Index index, String newName) {
    add(new RenameIndex(index.scoped().prefix(), index.name(), newName));
  }

  protected final void createConstraint(Constraint constraint) {
    add(new CreateConstraint(constraint.scoped()));
  }

  /** Drops the constraint as defined (its prefix included); reversed by creating it again. */
  protected final void dropConstraint(Constraint constraint) {
    dropConstraint(constraint, DropMode.RESTRICT);
  }

  /** {@code … DROP CONSTRAINT … CASCADE} with {@link DropMode#CASCADE}, Ecto's {@code drop constraint(…), mode: :cascade}. */
  protected final void dropConstraint(Constraint constraint, DropMode mode) {
    add(DropConstraint.of(constraint.scoped(), false, mode));
  }

  /** {@code DROP CONSTRAINT IF EXISTS}, Ecto's {@code drop_if_exists constraint(…)}; reversed by creating it. */
  protected final void dropConstraintIfExists(Constraint constraint) {
    add(DropConstraint.of(constraint.scoped(), true, DropMode.RESTRICT));
  }

  /** {@code DROP CONSTRAINT IF EXISTS} by name; not reversible. */
  protected final void dropConstraintIfExists(String table, String name) {
    add(new DropConstraint(table, name, Optional.empty(), true, DropMode.RESTRICT, table(table).scoped().prefix()));
  }

  /** Drops a constraint by name; not reversible. */
  protected final void dropConstraint(String table, String name) {
    add(new DropConstraint(table, name, Optional.empty(), false, DropMode.RESTRICT, table(table).scoped().prefix()));
  }

  /** Checks the rows against a constraint created {@code notValid()}. */
  protected final void validateConstraint(String table, String name) {
    validateConstraint(table(table), name);
  }

  /** Checks the rows of a table with options (its prefix) against a constraint created {@code notValid()}. */
  protected final void validateConstraint(TableSpec table, String name) {
    add(new ValidateConstraint(table.name(), name, table.scoped().prefix()));
  }

  // ------------------------------------------------------------------ SQL and comments

  /** Raw SQL; not reversible, see {@link #execute(String, String)}. */
  protected final void execute(String sql) {
    add(new Execute(sql, Optional.empty()));
  }

  /** Raw SQL with the SQL undoing it. */
  protected final void execute(String up, String down) {
    add(new Execute(up, Optional.of(down)));
  }

  /**
   * Runs the SQL of a class-path resource, Ecto's {@code execute_file/1}: e.g.
   * {@code executeFile("db/sql/functions.sql")} from {@code src/main/resources}. The file is read
   * when the command is recorded, so its text is part of the migration's checksum; not reversible.
   */
  protected final void executeFile(String resource) {
    execute(resourceText(resource));
  }

  /** {@link #executeFile(String)} with the resource undoing it, Ecto's {@code execute_file/2}. */
  protected final void executeFile(String upResource, String downResource) {
    execute(resourceText(upResource), resourceText(downResource));
  }

  private String resourceText(String resource) {
    String path = resource.startsWith("/") ? resource.substring(1) : resource;
    try (java.io.InputStream in = getClass().getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new MigrationException("executeFile(\"" + resource + "\") in " + this + ": no such resource on the "
            + "class path of " + getClass().getName() + "; put the file under src/main/resources/" + path);
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new MigrationException("executeFile(\"" + resource + "\") in " + this + " could not be read", e);
    }
  }

  /** {@code COMMENT ON TABLE}; not reversible unless the previous comment is given. */
  protected final void commentOnTable(String table, String text) {
    commentOnTable(table(table), text);
  }

  /** {@code COMMENT ON TABLE}, reversed by restoring {@code previous} ({@code ""} for none). */
  protected final void commentOnTable(String table, String text, String previous) {
    commentOnTable(table(table), text, previous);
  }

  /** {@code COMMENT ON TABLE} of a table with options (its prefix); not reversible. */
  protected final void commentOnTable(TableSpec table, String text) {
    add(new Comment(table.name(), Optional.empty(), text, Optional.empty(), table.scoped().prefix()));
  }

  protected final void commentOnTable(TableSpec table, String text, String previous) {
    add(new Comment(table.name(), Optional.empty(), text, Optional.of(previous), table.scoped().prefix()));
  }

  protected final void commentOnColumn(TableSpec table, String column, String text) {
    add(new Comment(table.name(), Optional.of(column), text, Optional.empty(), table.scoped().prefix()));
  }

  protected final void commentOnColumn(TableSpec table, String column, String text, String previous) {
    add(new Comment(table.name(), Optional.of(column), text, Optional.of(previous), table.scoped().prefix()));
  }

  protected final void commentOnColumn(String table, String column, String text) {
    commentOnColumn(table(table), column, text);
  }

  protected final void commentOnColumn(String table, String column, String text, String previous) {
    commentOnColumn(table(table), column, text, previous);
  }
}
