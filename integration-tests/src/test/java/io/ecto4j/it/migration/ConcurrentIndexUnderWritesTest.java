package io.ecto4j.it.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.migration.Migration;
import io.ecto4j.migration.Migrator;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * A non-transactional migration ({@code disableDdlTransaction()}, Ecto's
 * {@code @disable_ddl_transaction}) building an index with {@code CREATE INDEX CONCURRENTLY}
 * while other sessions write to the table: the writes keep going. A plain {@code CREATE INDEX}
 * queues a SHARE lock behind the open writer, and every later insert then waits behind it.
 */
@EctoTest
class ConcurrentIndexUnderWritesTest {
  private static final int WRITES_WHILE_BUILDING = 200;

  public static final class V9530__Events extends Migration {
    @Override
    protected void change() {
      createTable("events", t -> t.add("n", "integer").notNull());
    }
  }

  public static final class V9531__IndexEventsConcurrently extends Migration {
    @Override
    protected boolean disableDdlTransaction() {
      return true;
    }

    @Override
    protected void change() {
      createIndex(index("events", "n").concurrently());
    }
  }

  /**
   * Ports ecto_sql integration_test/sql/migration.exs "create index concurrently" (its
   * {@code @disable_ddl_transaction} migration), under writes: regression test for issue #19.
   * A writer holds a transaction open, so the index build is still waiting for it (seen in
   * {@code pg_stat_activity}) while a second session inserts a bounded number of rows, each with
   * a statement timeout; then the writer commits and the index completes, valid, over every row.
   */
  @Test
  void writesKeepGoingWhileTheIndexIsBuiltConcurrently(TestDatabase db) throws Exception {
    Migrator migrator = Migrator.builder(db.jdbcUrl(), db.user(), db.password())
        .migrations(new V9530__Events(), new V9531__IndexEventsConcurrently()).locations().output(line -> { })
        .build();
    migrator.migrateTo("9530");
    db.execute("INSERT INTO events (n) SELECT g FROM generate_series(1, 1000) g");

    try (Connection openWriter = db.dataSource().getConnection();
        Connection writer = db.dataSource().getConnection();
        Statement open = openWriter.createStatement()) {
      openWriter.setAutoCommit(false);
      open.execute("INSERT INTO events (n) VALUES (0)");

      CompletableFuture<Void> migration = CompletableFuture.runAsync(() -> {
        try {
          migrator.migrate();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      awaitIndexBuildWaiting(db, migration);

      int written = 0;
      try (Statement timeout = writer.createStatement();
          PreparedStatement insert = writer.prepareStatement("INSERT INTO events (n) VALUES (?)")) {
        timeout.execute("SET statement_timeout = '5s'");
        for (int i = 1; i <= WRITES_WHILE_BUILDING; i++) {
          insert.setInt(1, 10_000 + i);
          written += insert.executeUpdate();
        }
      }
      assertThat(written).isEqualTo(WRITES_WHILE_BUILDING);
      assertThat(migration).isNotDone();

      openWriter.commit();
      migration.get(60, TimeUnit.SECONDS);
    }

    Catalog catalog = new Catalog(db.dataSource());
    assertThat(catalog.one("SELECT indisvalid::text FROM pg_index WHERE indexrelid = 'events_n_index'::regclass"))
        .isEqualTo("true");
    assertThat(catalog.one("SELECT count(*)::text FROM events")).isEqualTo(String.valueOf(1001 + WRITES_WHILE_BUILDING));
    assertThat(catalog.history()).containsExactly("9530", "9531");
  }

  /** Polls, at most 30 s, until the migration's {@code CREATE INDEX} waits for the open writer. */
  private static void awaitIndexBuildWaiting(TestDatabase db, CompletableFuture<Void> migration) throws Exception {
    Catalog catalog = new Catalog(db.dataSource());
    for (int attempt = 0; attempt < 3000; attempt++) {
      String waiting = catalog.one("SELECT count(*)::text FROM pg_stat_activity WHERE datname = current_database() "
          + "AND query LIKE 'CREATE INDEX%' AND wait_event_type = 'Lock'");
      if (!"0".equals(waiting)) {
        return;
      }
      try {
        // Waits on the migration itself between polls: it must not finish while the writer is open.
        migration.get(10, TimeUnit.MILLISECONDS);
        throw new AssertionError("the migration finished while a writer's transaction was open");
      } catch (TimeoutException stillRunning) {
        // the migration is still running: poll again
      }
    }
    throw new AssertionError("CREATE INDEX never started waiting for the open writer");
  }
}
