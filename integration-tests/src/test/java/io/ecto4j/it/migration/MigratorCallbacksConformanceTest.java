package io.ecto4j.it.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.migration.IrreversibleMigrationException;
import io.ecto4j.migration.Migration;
import io.ecto4j.migration.MigrationException;
import io.ecto4j.migration.Migrator;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ecto_sql's migration callbacks ({@code after_begin/0}, {@code before_commit/0}) and the
 * migration lock (test/ecto/migrator_test.exs "migration callbacks" and "lock for migrations"),
 * observed in PostgreSQL: a log table (in a schema of its own, so that Flyway finds {@code public}
 * empty) written by the migrations, with the transaction of each row.
 */
@EctoTest
class MigratorCallbacksConformanceTest {
  private static final String LOG = "INSERT INTO observed.callback_log (step, tx) SELECT '%s', txid_current()";

  private final List<String> output = new ArrayList<>();
  private Catalog catalog;

  /** Ecto's {@code MigrationWithCallbacks}; before_commit checks the body has run before it. */
  public static final class V1930__WithCallbacks extends Migration {
    @Override
    protected void afterBegin() {
      execute(LOG.formatted("after_begin"), LOG.formatted("after_begin_down"));
    }

    @Override
    protected void change() {
      createTable("callback_posts", t -> t.add("title", "text"));
      execute(LOG.formatted("change"), LOG.formatted("change_down"));
    }

    @Override
    protected void beforeCommit() {
      execute(LOG.formatted("before_commit") + " WHERE to_regclass('callback_posts') IS NOT NULL",
          LOG.formatted("before_commit_down") + " WHERE to_regclass('callback_posts') IS NULL");
    }
  }

  /** Ecto's {@code MigrationWithCallbacksAndNoTransaction}. */
  public static final class V1931__CallbacksWithoutTransaction extends Migration {
    @Override
    protected boolean disableDdlTransaction() {
      return true;
    }

    @Override
    protected void afterBegin() {
      execute(LOG.formatted("after_begin"), LOG.formatted("after_begin_down"));
    }

    @Override
    protected void change() {
      execute(LOG.formatted("change"), LOG.formatted("change_down"));
    }

    @Override
    protected void beforeCommit() {
      execute(LOG.formatted("before_commit"), LOG.formatted("before_commit_down"));
    }
  }

  /** A callback Ecto cannot reverse either: plain SQL without its down part. */
  public static final class V1932__IrreversibleCallback extends Migration {
    @Override
    protected void afterBegin() {
      execute("SET LOCAL statement_timeout = '10s'");
    }

    @Override
    protected void change() {
      createTable("irreversible_callback", t -> t.add("x", "integer"));
    }
  }

  /** Records the advisory locks other sessions hold in this database while it runs. */
  public static final class V1940__SeeLocks extends Migration {
    @Override
    protected void change() {
      execute("INSERT INTO observed.seen_locks (run, objid) "
          + "SELECT (SELECT count(DISTINCT run) FROM observed.seen_locks), l.objid FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE l.locktype = 'advisory' AND l.granted "
          + "AND d.datname = current_database() AND l.pid <> pg_backend_pid()", "SELECT 1");
    }
  }

  /** Records, going up and going down, the advisory locks other sessions hold while it runs. */
  public static final class V9640__SeeLocksBothWays extends Migration {
    private static String seen(String direction) {
      return "INSERT INTO observed.locks_by_direction (direction, objid) SELECT '" + direction + "', l.objid "
          + "FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE l.locktype = 'advisory' AND l.granted "
          + "AND d.datname = current_database() AND l.pid <> pg_backend_pid()";
    }

    @Override
    protected void change() {
      execute(seen("up"), seen("down"));
    }
  }

  public static final class V9641__Fails extends Migration {
    @Override
    protected void change() {
      execute("SELECT * FROM no_such_table");
    }
  }

  @BeforeEach
  void clean(TestDatabase db) throws Exception {
    db.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public; DROP SCHEMA IF EXISTS observed CASCADE; "
        + "CREATE SCHEMA observed; CREATE TABLE observed.callback_log (id serial PRIMARY KEY, step text, tx bigint); "
        + "CREATE TABLE observed.seen_locks (run int, objid oid)");
    catalog = new Catalog(db.dataSource());
  }

  private Migrator.Builder builder(TestDatabase db, Migration... migrations) {
    return Migrator.builder(db.dataSource()).migrations(migrations).locations().output(output::add);
  }

  private List<String> log() throws Exception {
    return catalog.strings("SELECT step FROM observed.callback_log ORDER BY id");
  }

  private List<String> transactions() throws Exception {
    return catalog.strings("SELECT DISTINCT tx::text FROM observed.callback_log");
  }

  /**
   * Ports ecto_sql test/ecto/migrator_test.exs "both run when in a transaction going up": after
   * the begin, before the commit (after the body), in the migration's one transaction.
   */
  @Test
  void callbacksRunInsideTheTransactionGoingUp(TestDatabase db) throws Exception {
    builder(db, new V1930__WithCallbacks()).build().migrate();

    assertThat(log()).containsExactly("after_begin", "change", "before_commit");
    assertThat(transactions()).hasSize(1);
  }

  /** Ports ecto_sql test/ecto/migrator_test.exs "are both run in a transaction going down" (reversed, as change()). */
  @Test
  void callbacksRunInsideTheTransactionGoingDown(TestDatabase db) throws Exception {
    Migrator migrator = builder(db, new V1930__WithCallbacks()).build();
    migrator.migrate();
    db.execute("TRUNCATE observed.callback_log");

    migrator.rollback();

    assertThat(log()).containsExactly("after_begin_down", "change_down", "before_commit_down");
    assertThat(transactions()).hasSize(1);
    assertThat(catalog.tables()).doesNotContain("callback_posts");
  }

  /** Ports ecto_sql test/ecto/migrator_test.exs "are not run when the transaction is disabled". */
  @Test
  void callbacksAreNotRunWithoutATransaction(TestDatabase db) throws Exception {
    Migrator migrator = builder(db, new V1931__CallbacksWithoutTransaction()).build();
    migrator.migrate();
    migrator.rollback();

    assertThat(log()).containsExactly("change", "change_down");
  }

  /**
   * Regression test for issue #19 (Ecto raises on the same callback when rolling back a
   * change/0 migration): the rollback fails before anything runs, naming the callback.
   */
  @Test
  void anIrreversibleCallbackFailsTheRollbackBeforeAnythingRuns(TestDatabase db) throws Exception {
    Migrator migrator = builder(db, new V1932__IrreversibleCallback()).build();
    migrator.migrate();

    assertThatThrownBy(migrator::rollback).isInstanceOf(IrreversibleMigrationException.class)
        .hasMessage("cannot reverse migration command: execute \"SET LOCAL statement_timeout = '10s'\". You will "
            + "need to explicitly define up() and down() in your migration 1932 (irreversible callback); or, to keep "
            + "afterBegin(): give the SQL that undoes it, execute(up, down), or write up() and down()");
    assertThat(catalog.tables()).contains("irreversible_callback");
    assertThat(catalog.history()).containsExactly("1932");
  }

  /**
   * Ports ecto_sql test/ecto/migrator_test.exs "lock for migrations" "on migration_lock": with
   * {@code migrationLock(false)} the migrator's own advisory lock is not taken (Flyway's, around
   * each migration, remains: it is in both runs).
   */
  @Test
  void theMigrationLockCanBeTurnedOff(TestDatabase db) throws Exception {
    Migrator locked = builder(db, new V1940__SeeLocks()).build();
    locked.migrate();
    locked.rollback();
    builder(db, new V1940__SeeLocks()).migrationLock(false).build().migrate();

    String locks = "SELECT objid::text FROM observed.seen_locks WHERE run = ? ORDER BY objid";
    List<String> withLock = catalog.strings(locks.replace("?", "0"));
    List<String> withoutLock = catalog.strings(locks.replace("?", "1"));
    assertThat(withLock).hasSize(withoutLock.size() + 1).containsAll(withoutLock);
  }

  /**
   * Ports ecto_sql test/ecto/migrator_test.exs "lock for migrations" "on down" and "on error": a
   * rollback holds the migrator's lock too (ecto4j rolls back itself, so it is the only advisory
   * lock another session holds then), and a failed run releases it.
   */
  @Test
  void aRollbackHoldsTheLockAndAFailureReleasesIt(TestDatabase db) throws Exception {
    db.execute("CREATE TABLE observed.locks_by_direction (direction text, objid oid)");
    Migrator locked = builder(db, new V9640__SeeLocksBothWays()).build();
    locked.migrate();
    locked.rollback();
    builder(db, new V9640__SeeLocksBothWays()).migrationLock(false).build().migrate();
    builder(db, new V9640__SeeLocksBothWays()).migrationLock(false).build().rollback();

    assertThat(catalog.strings("SELECT count(*)::text FROM observed.locks_by_direction WHERE direction = 'down'"))
        .containsExactly("1");
    assertThatThrownBy(() -> builder(db, new V9641__Fails()).build().migrate()).isInstanceOf(MigrationException.class);
    assertThat(catalog.strings("SELECT l.objid::text FROM pg_locks l JOIN pg_database d ON d.oid = l.database "
        + "WHERE l.locktype = 'advisory' AND d.datname = current_database()")).isEmpty();
  }
}
