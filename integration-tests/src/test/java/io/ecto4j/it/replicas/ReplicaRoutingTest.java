package io.ecto4j.it.replicas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ecto4j.it.schemas.AuthorStruct;
import io.ecto4j.it.schemas.Authors;
import io.ecto4j.it.schemas.Bios;
import io.ecto4j.query.Aggregate;
import io.ecto4j.query.Lock;
import io.ecto4j.query.Query;
import io.ecto4j.repo.ReplicaStatus;
import io.ecto4j.repo.Replicas;
import io.ecto4j.repo.Repo;
import io.ecto4j.telemetry.QueryEvent;
import io.ecto4j.testing.PostgresProcess;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Reads routed to streaming replicas, on a primary and two replicas of the test's own (never the
 * shared server): which server runs what, read-your-writes, lag and failures. Each query's event
 * names its server, which is how the tests see the routing.
 */
class ReplicaRoutingTest {
  private static final String DATABASE = "replicas";
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static PostgresProcess primary;
  private static PostgresProcess first;
  private static PostgresProcess second;

  private final List<QueryEvent> events = Collections.synchronizedList(new ArrayList<>());

  @BeforeAll
  static void servers() throws SQLException {
    primary = PostgresProcess.create();
    primary.createDatabase(DATABASE);
    primary.execute(DATABASE, Authors.DDL);
    primary.execute(DATABASE, Bios.DDL);
    first = primary.replica();
    second = primary.replica();
  }

  @AfterAll
  static void stop() {
    for (PostgresProcess server : new PostgresProcess[] {second, first, primary}) {
      if (server != null) {
        server.close();
      }
    }
  }

  @BeforeEach
  void empty() throws SQLException {
    primary.execute(DATABASE, "TRUNCATE authors, bios RESTART IDENTITY");
    for (PostgresProcess replica : List.of(first, second)) {
      if (!replica.isRunning()) {
        replica.start();
      }
      replica.execute("postgres", "SELECT pg_wal_replay_resume()");
      primary.awaitReplayed(replica, WAIT);
    }
  }

  private static DataSource dataSource(PostgresProcess server) {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(server.jdbcUrl(DATABASE));
    dataSource.setConnectTimeout(2);
    dataSource.setLoginTimeout(2);
    return dataSource;
  }

  private Repo repo(Replicas replicas) {
    return Repo.of(dataSource(primary)).withListener(events::add)
        .withReplicas(replicas);
  }

  private static Replicas both() {
    Map<String, DataSource> servers = new LinkedHashMap<>();
    servers.put("first", dataSource(first));
    servers.put("second", dataSource(second));
    return Replicas.of(servers)
        .recheckEvery(Duration.ofMillis(50));
  }

  private String lastServer() {
    return events.get(events.size() - 1).server();
  }

  private static AuthorStruct author(String name) {
    return new AuthorStruct().withName(name).withBalance(10).withLockVersion(1);
  }

  @Test
  void readsGoToTheReplicasInTurnAndEverythingElseToThePrimary() throws SQLException {
    Repo repo = repo(both().readYourWrites(false));
    primary.execute(DATABASE, "INSERT INTO authors (name, balance, lock_version, inserted_at, updated_at)"
        + " VALUES ('Ada', 1, 1, now(), now())");
    primary.awaitReplayed(first, WAIT);
    primary.awaitReplayed(second, WAIT);

    List<String> servers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      assertThat(repo.all(Authors.query())).hasSize(1);
      servers.add(lastServer());
    }
    assertThat(servers).containsOnly("first", "second").contains("first", "second");
    assertThat(repo.aggregate(Authors.query(), Aggregate.count())).isEqualTo(1L);
    assertThat(lastServer()).isIn("first", "second");

    repo.insertOrThrow(author("Grace"));
    assertThat(lastServer()).isEqualTo("primary");
    repo.transaction(tx -> repo.all(Authors.query()));
    assertThat(lastServer()).as("a transaction is on the primary").isEqualTo("primary");
    repo.all(Authors.query().lock(Lock.forUpdate()));
    assertThat(lastServer()).as("a read that locks rows").isEqualTo("primary");
    repo.query("SELECT count(*) FROM authors", List.of(), row -> row.getLong(1));
    assertThat(lastServer()).as("hand-written SQL").isEqualTo("primary");
    repo.primary().all(Authors.query());
    assertThat(lastServer()).isEqualTo("primary");
    repo.onPrimary(() -> repo.all(Authors.query()));
    assertThat(lastServer()).isEqualTo("primary");
    assertThat(repo.replicaStatus()).extracting(ReplicaStatus::name).containsExactly("first", "second");
  }

  /**
   * A preload's statements share one connection: of one replica, where reads taking turns would
   * alternate between the two; in a transaction, the primary's.
   */
  @Test
  void aPreloadReadsOnOneReplicaConnection() throws SQLException {
    Repo repo = repo(both().readYourWrites(false));
    primary.execute(DATABASE, "INSERT INTO authors (name, balance, lock_version, inserted_at, updated_at)"
        + " VALUES ('Ada', 1, 1, now(), now())");
    primary.execute(DATABASE, "INSERT INTO bios (text, author_id) SELECT 'About Ada', id FROM authors");
    primary.awaitReplayed(first, WAIT);
    primary.awaitReplayed(second, WAIT);
    List<AuthorStruct> authors = repo.all(Authors.query());

    for (int round = 0; round < 2; round++) {
      events.clear();
      List<AuthorStruct> loaded = repo.preload(authors, Authors.BIO.then(Bios.AUTHOR));
      assertThat(loaded.get(0).bio().author().name()).isEqualTo("Ada");
      assertThat(events).hasSize(2);
      assertThat(events.get(0).server()).isIn("first", "second");
      assertThat(events.get(1).server()).isEqualTo(events.get(0).server());
    }
    events.clear();
    repo.transaction(tx -> repo.preload(authors, Authors.BIO.then(Bios.AUTHOR)));
    assertThat(events).extracting(QueryEvent::server).contains("primary").doesNotContain("first", "second");
  }

  /**
   * Read-your-writes: with both replicas' replay paused, a thread that wrote reads its row from the
   * primary, while {@code replica()} (no read-your-writes) reads the stale replica; once a replica
   * has replayed the write, the thread's reads go back to it.
   */
  @Test
  void aThreadReadsItsOwnWrites() throws SQLException {
    Repo repo = repo(both());
    first.execute("postgres", "SELECT pg_wal_replay_pause()");
    second.execute("postgres", "SELECT pg_wal_replay_pause()");

    AuthorStruct ada = repo.insertOrThrow(author("Ada"));
    assertThat(repo.get(Authors.SCHEMA, ada.id())).isPresent();
    assertThat(lastServer()).as("the first read after a write").isEqualTo("primary");
    assertThat(repo.get(Authors.SCHEMA, ada.id())).isPresent();
    assertThat(lastServer()).as("no replica has replayed the write").isEqualTo("primary");
    assertThat(repo.replica().get(Authors.SCHEMA, ada.id())).as("a replica, stale by choice").isEmpty();
    assertThat(lastServer()).isIn("first", "second");

    first.execute("postgres", "SELECT pg_wal_replay_resume()");
    primary.awaitReplayed(first, WAIT);
    assertThat(repo.get(Authors.SCHEMA, ada.id())).isPresent();
    assertThat(lastServer()).as("the replica that has replayed it").isEqualTo("first");
  }

  /**
   * A stream outside a transaction reads a replica, its cursor in a read-only transaction there,
   * under the rules of the other reads: after a write, the primary until a replica has replayed it.
   */
  @Test
  void aStreamOutsideATransactionReadsAReplica() throws SQLException {
    Repo repo = repo(both());
    for (String name : List.of("Ada", "Grace")) {
      primary.execute(DATABASE, "INSERT INTO authors (name, balance, lock_version, inserted_at, updated_at)"
          + " VALUES ('" + name + "', 1, 1, now(), now())");
    }
    primary.awaitReplayed(first, WAIT);
    primary.awaitReplayed(second, WAIT);

    List<String> names = repo.stream(Authors.query().orderBy(Authors.NAME.asc()), 1,
        rows -> rows.map(AuthorStruct::name).toList());
    assertThat(names).containsExactly("Ada", "Grace");
    assertThat(lastServer()).isIn("first", "second");
    assertThat(repo.all(Authors.query())).as("the replica's connection is usable after the stream").hasSize(2);
    repo.transaction(tx -> repo.stream(Authors.query(), rows -> rows.count()));
    assertThat(lastServer()).as("in a transaction").isEqualTo("primary");
    repo.primary().stream(Authors.query(), rows -> rows.count());
    assertThat(lastServer()).isEqualTo("primary");

    first.execute("postgres", "SELECT pg_wal_replay_pause()");
    second.execute("postgres", "SELECT pg_wal_replay_pause()");
    repo.insertOrThrow(author("Edsger"));
    long own = repo.stream(Authors.query(), rows -> rows.count());
    assertThat(own).as("its own write").isEqualTo(3L);
    assertThat(lastServer()).as("no replica has replayed the write").isEqualTo("primary");
    long stale = repo.replica().stream(Authors.query(), rows -> rows.count());
    assertThat(stale).as("stale by choice").isEqualTo(2L);
    assertThat(lastServer()).isIn("first", "second");
  }

  /** A replica lagging beyond the bound is skipped, shown in its status, and used again once it catches up. */
  @Test
  void aLaggingReplicaIsSkippedUntilItCatchesUp() throws Exception {
    Repo repo = repo(both().readYourWrites(false).maxLag(Duration.ofMillis(200)));
    first.execute("postgres", "SELECT pg_wal_replay_pause()");
    repo.all(Authors.query().limit(1));
    repo.all(Authors.query().limit(1));
    assertThat(repo.replicaStatus().get(0).serving()).as("checked, and not behind yet").isTrue();
    // Writes the paused replica cannot replay, until a recheck sees it lagging beyond the bound.
    await("the paused replica seen lagging").atMost(WAIT).pollInterval(Duration.ofMillis(60)).until(() -> {
      primary.execute(DATABASE, "INSERT INTO authors (name, balance, lock_version, inserted_at, updated_at)"
          + " VALUES ('w', 1, 1, now(), now())");
      repo.all(Authors.query().limit(1));
      return !repo.replicaStatus().get(0).serving();
    });
    assertThat(repo.replicaStatus().get(0).problem()).startsWith("lags ");
    events.clear();
    for (int i = 0; i < 4; i++) {
      repo.all(Authors.query().limit(1));
    }
    assertThat(events).extracting(QueryEvent::server).containsOnly("second");

    first.execute("postgres", "SELECT pg_wal_replay_resume()");
    primary.awaitReplayed(first, WAIT);
    events.clear();
    await("the caught-up replica serving again").atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() -> {
      repo.all(Authors.query().limit(1));
      return events.stream().anyMatch(event -> event.server().equals("first"));
    });
  }

  /** A replica that is down costs no failed read: the others, then the primary, serve; it comes back after its recheck. */
  @Test
  void aReplicaThatIsDownIsSkippedAndComesBack() throws Exception {
    Repo repo = repo(both().readYourWrites(false));
    second.stop(PostgresProcess.ShutdownMode.FAST);
    events.clear();
    for (int i = 0; i < 4; i++) {
      assertThat(repo.all(Authors.query())).isEmpty();
    }
    assertThat(events).extracting(QueryEvent::server).containsOnly("first");
    assertThat(repo.replicaStatus().get(1).problem()).startsWith("down: ");

    first.stop(PostgresProcess.ShutdownMode.FAST);
    assertThat(repo.all(Authors.query())).isEmpty();
    assertThat(lastServer()).as("no replica left").isEqualTo("primary");

    first.start();
    second.start();
    primary.awaitReplayed(first, WAIT);
    primary.awaitReplayed(second, WAIT);
    events.clear();
    await("the restarted replicas serving again").atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() -> {
      repo.all(Authors.query());
      return events.stream().map(QueryEvent::server).toList().containsAll(List.of("first", "second"));
    });
    assertThat(repo.replicaStatus()).allMatch(ReplicaStatus::serving);
  }
}
