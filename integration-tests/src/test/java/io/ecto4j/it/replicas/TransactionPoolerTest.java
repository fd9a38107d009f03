package io.ecto4j.it.replicas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ecto4j.it.schemas.AuthorStruct;
import io.ecto4j.it.schemas.Authors;
import io.ecto4j.migration.Migration;
import io.ecto4j.migration.MigrationException;
import io.ecto4j.migration.Migrator;
import io.ecto4j.query.Aggregate;
import io.ecto4j.query.Update;
import io.ecto4j.repo.QueryException;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.PgBouncerProcess;
import io.ecto4j.testing.PostgresProcess;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ecto4j behind PgBouncer in transaction mode, on a server and a pooler of the test's own: what
 * works, and what refuses clearly because a transaction pooler keeps no session.
 */
class TransactionPoolerTest {
  private static final String DATABASE = "pooled";
  private static PostgresProcess server;
  private static PgBouncerProcess pooler;

  @BeforeAll
  static void start() throws SQLException {
    assumeTrue(PgBouncerProcess.installed(), PgBouncerProcess.missing());
    server = PostgresProcess.create();
    server.createDatabase(DATABASE);
    server.execute(DATABASE, Authors.DDL);
    pooler = PgBouncerProcess.inFrontOf(server, PgBouncerProcess.PoolMode.TRANSACTION);
  }

  @AfterAll
  static void stop() {
    if (pooler != null) {
      pooler.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private static Repo pooled() {
    return Repo.builder().url(pooler.jdbcUrl(DATABASE)).maximumPoolSize(4).transactionPooler(true)
        .checkoutTimeout(Duration.ofSeconds(5)).build();
  }

  private static AuthorStruct author(String name) {
    return new AuthorStruct().withName(name).withBalance(1).withLockVersion(1);
  }

  /** Reads, writes, transactions, bulk writes and streams, each many times over: no prepared statement is kept on a server. */
  @Test
  void everyDayOperationsWorkBehindTheTransactionPooler() {
    try (Repo repo = pooled()) {
      for (int i = 0; i < 20; i++) {
        AuthorStruct written = repo.insertOrThrow(author("a" + i));
        assertThat(repo.get(Authors.SCHEMA, written.id())).isPresent();
        assertThat(repo.all(Authors.query().where(Authors.NAME.eq("a" + i)))).hasSize(1);
      }
      assertThat(repo.aggregate(Authors.query(), Aggregate.count())).isEqualTo(20L);
      long moved = repo.transaction(tx -> {
        repo.insertOrThrow(author("in-tx"));
        return repo.updateAll(Authors.query().where(Authors.NAME.eq("in-tx")), Update.set(Authors.BALANCE, 5));
      }).orElseThrow();
      assertThat(moved).isEqualTo(1);
      java.time.Instant now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
      repo.insertAll(Authors.SCHEMA, IntStream.range(0, 50)
          .mapToObj(i -> author("bulk" + i).withInsertedAt(now).withUpdatedAt(now)).toList());
      long streamed = repo.stream(Authors.query(), rows -> rows.count());
      assertThat(streamed).isEqualTo(71);
    }
  }

  /** checkout keeps one session for several statements outside a transaction: a transaction pooler does not. */
  @Test
  void checkoutRefusesClearly() {
    try (Repo repo = pooled()) {
      assertThatThrownBy(() -> repo.checkout(() -> repo.all(Authors.query())))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("transaction pooler");
    }
  }

  /** Without transactionPooler(true), pgjdbc keeps server-side prepared statements, which another server connection lacks. */
  @Test
  void withoutTheFlagPreparedStatementsBreak() {
    try (Repo repo = Repo.builder().url(pooler.jdbcUrl(DATABASE)).maximumPoolSize(4).build();
        Repo other = Repo.builder().url(pooler.jdbcUrl(DATABASE)).maximumPoolSize(4).build()) {
      assertThatThrownBy(() -> {
        for (int i = 0; i < 50; i++) {
          repo.all(Authors.query().where(Authors.NAME.eq("x" + i)));
          other.query("SELECT pg_sleep(0)", List.of(), row -> 1);
          other.transaction(tx -> other.all(Authors.query().where(Authors.NAME.eq("y"))));
          repo.transaction(tx -> other.all(Authors.query().where(Authors.NAME.eq("z"))));
        }
      }).isInstanceOf(QueryException.class).hasMessageContaining("prepared statement");
    }
  }

  /**
   * Migrations need a session (the migrator's advisory lock is a session's): through the transaction
   * pooler the migrator refuses before it takes the lock, naming the fix; through PgBouncer in
   * session mode it runs.
   */
  @Test
  void migrationsRefuseTheTransactionPoolerAndRunThroughASessionPooler() throws SQLException {
    server.createDatabase("migrated");
    assertThatThrownBy(() -> migrator(pooler.jdbcUrl("migrated")).migrate())
        .isInstanceOf(MigrationException.class)
        .hasMessageContaining("[TransactionPooler] migrations need a direct or session-pooled connection")
        .hasMessageContaining("Point the migrator");
    try (PgBouncerProcess session = PgBouncerProcess.inFrontOf(server, PgBouncerProcess.PoolMode.SESSION)) {
      assertThat(migrator(session.jdbcUrl("migrated")).migrate()).hasSize(1);
    }
    server.execute("migrated", "INSERT INTO pooled_tags (name) VALUES ('migrated')");
  }

  private static Migrator migrator(String url) {
    return Migrator.builder(url, null, null).migrations(new V9201__PooledTags()).locations().output(line -> { })
        .build();
  }

  /** A migration of this test's own. */
  public static final class V9201__PooledTags extends Migration {
    @Override
    protected void change() {
      createTable(table("pooled_tags"), t -> t.add("name", "text"));
    }
  }
}
