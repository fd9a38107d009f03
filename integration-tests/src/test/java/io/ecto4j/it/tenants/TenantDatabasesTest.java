package io.ecto4j.it.tenants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.Result;
import io.ecto4j.it.schemas.TagStruct;
import io.ecto4j.it.schemas.Tags;
import io.ecto4j.repo.NoTenantException;
import io.ecto4j.repo.Repo;
import io.ecto4j.repo.Tenants;
import io.ecto4j.repo.UnknownTenantException;
import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A database per tenant, Ecto's dynamic repos: four databases on the shared server, created here
 * and dropped after, each holding one tag that names its tenant.
 */
class TenantDatabasesTest {
  private static final List<String> IDS = List.of("a", "b", "c", "d");
  private static final Map<String, TestDatabase> DATABASES = new LinkedHashMap<>();
  private Tenants tenants;

  @BeforeAll
  static void createDatabases() throws SQLException {
    for (String id : IDS) {
      TestDatabase db = TestDatabase.create();
      DATABASES.put(id, db);
      db.execute(Tags.DDL + "; INSERT INTO tags (name) VALUES ('tag of " + id + "')");
    }
  }

  @AfterAll
  static void dropDatabases() throws SQLException {
    for (TestDatabase db : DATABASES.values()) {
      db.close();
    }
  }

  @AfterEach
  void close() {
    if (tenants != null) {
      tenants.close();
    }
  }

  private Tenants tenants(int maxOpenPools) {
    Tenants.Builder builder = Tenants.databases().maxOpenPools(maxOpenPools)
        .pool(options -> options.maximumPoolSize(2));
    DATABASES.forEach((id, db) -> builder.tenant(id, options -> options.url(db.jdbcUrl()).username(db.user())
        .password(db.password())));
    tenants = builder.build();
    return tenants;
  }

  private static List<String> tagNames(Repo repo) {
    return repo.all(Tags.query()).stream().map(TagStruct::name).toList();
  }

  @Test
  void eachTenantsRepoReadsItsOwnDatabase() {
    tenants(4);
    for (String id : IDS) {
      assertThat(tagNames(tenants.repo(id))).containsExactly("tag of " + id);
    }
    assertThat(tenants.ids()).containsExactlyElementsOf(IDS);
  }

  @Test
  void poolsOpenOnFirstUseOnly() {
    tenants(4);
    assertThat(tenants.openPools()).isZero();
    Repo a = tenants.repo("a");
    assertThat(tenants.openPools()).as("asking for the repo opens nothing").isZero();
    tagNames(a);
    assertThat(tenants.openTenants()).containsExactly("a");
  }

  @Test
  void openingOneMoreThanTheBoundClosesTheLeastRecentlyUsed() {
    tenants(2);
    tagNames(tenants.repo("a"));
    tagNames(tenants.repo("b"));
    tagNames(tenants.repo("a"));          // b is now the least recently used
    tagNames(tenants.repo("c"));
    assertThat(tenants.openPools()).isEqualTo(2);
    assertThat(tenants.openTenants()).containsExactly("a", "c");

    // A repo whose pool was closed opens it again on its next use.
    assertThat(tagNames(tenants.repo("b"))).containsExactly("tag of b");
    assertThat(tenants.openTenants()).containsExactly("c", "b");
  }

  @Test
  void aTenantInUseIsNotEvicted() {
    tenants(1);
    Result<List<String>, Object> inTransaction = tenants.repo("a").transaction(tx -> {
      List<String> seen = new ArrayList<>(tagNames(tenants.repo("a")));
      seen.addAll(tagNames(tenants.repo("b")));   // opening b exceeds the bound, but a holds a connection
      assertThat(tenants.openTenants()).containsExactlyInAnyOrder("a", "b");
      seen.addAll(tagNames(tenants.repo("a")));   // still a's transaction, on a's connection
      return seen;
    });
    assertThat(inTransaction).isEqualTo(Result.ok(List.of("tag of a", "tag of b", "tag of a")));

    // A stream keeps its connection, so its pool stays open while it is read.
    List<String> streamed = tenants.repo("c").stream(Tags.query(), rows -> {
      tagNames(tenants.repo("d"));
      assertThat(tenants.openTenants()).contains("c", "d");
      return rows.map(TagStruct::name).toList();
    });
    assertThat(streamed).containsExactly("tag of c");

    // Once they are idle, the next pool opened brings the count back to the bound.
    tagNames(tenants.repo("a"));
    assertThat(tenants.openTenants()).containsExactly("a");
  }

  @Test
  void concurrentFirstUsesOpenOnePool() throws Exception {
    tenants(4);
    int threads = 8;
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<List<String>>> reads = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        reads.add(pool.submit(() -> {
          start.await(30, TimeUnit.SECONDS);
          return tagNames(tenants.repo("a"));
        }));
      }
      for (Future<List<String>> read : reads) {
        assertThat(read.get(60, TimeUnit.SECONDS)).containsExactly("tag of a");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(tenants.openPools()).isEqualTo(1);
    assertThat(tenants.openTenants()).containsExactly("a");
  }

  @Test
  void anUnknownTenantIsNamed() {
    tenants(4);
    assertThatThrownBy(() -> tenants.repo("initech"))
        .isInstanceOf(UnknownTenantException.class)
        .hasMessageContaining("unknown tenant `initech`")
        .hasMessageContaining("a, b, c, d are");
    assertThatThrownBy(() -> tenants.with("initech", () -> 1)).isInstanceOf(UnknownTenantException.class);
  }

  @Test
  void theCurrentTenantsRepoFollowsTheScope() {
    tenants(4);
    Repo repo = tenants.repo();
    assertThat(tenants.with("a", () -> tagNames(repo))).containsExactly("tag of a");
    assertThat(tenants.with("b", () -> {
      List<String> seen = new ArrayList<>(tagNames(repo));
      seen.addAll(tenants.with("c", () -> tagNames(repo)));   // nested: c, then b again
      seen.addAll(tagNames(repo));
      return seen;
    })).containsExactly("tag of b", "tag of c", "tag of b");
    assertThat(tenants.current()).isEmpty();

    // A write in scope lands in the tenant's database.
    TagStruct written = tenants.with("d", () -> repo.insertOrThrow(new TagStruct().withName("written in d")));
    assertThat(tagNames(tenants.repo("d"))).containsExactly("tag of d", "written in d");
    tenants.with("d", () -> repo.deleteOrThrow(written));
  }

  /** Ports repo_test.exs "dynamic repo" "puts the dynamic repo in pdict": another thread, like another process, does not see it. */
  @Test
  void theCurrentTenantIsThisThreadsOnly() {
    tenants(4);
    tenants.with("a", () -> {
      assertThat(tenants.current()).contains("a");
      assertThat(CompletableFuture.supplyAsync(tenants::current).orTimeout(30, TimeUnit.SECONDS).join()).isEmpty();
    });
  }

  /** Ports repo_test.exs "dynamic repo" "keeps the proper repo in transact rollback". */
  @Test
  void transactOnTheCurrentTenantsRepoRollsBackThere() {
    tenants(4);
    Result<Object, String> rolledBack = tenants.with("b", () -> tenants.repo().transact(() -> Result.err("oops")));
    assertThat(rolledBack).isEqualTo(Result.err("oops"));
    assertThat(tenants.repo("b").transact(() -> Result.err("oops"))).isEqualTo(Result.err("oops"));
  }

  @Test
  void theCurrentTenantsRepoRefusesWithoutATenant() {
    tenants(4);
    assertThatThrownBy(() -> tagNames(tenants.repo()))
        .isInstanceOf(NoTenantException.class)
        .hasMessageContaining("no tenant is set on this thread for `SELECT")
        .hasMessageContaining("tenants.with(");
    assertThatThrownBy(() -> tenants.repo().transaction(tx -> 1))
        .isInstanceOf(NoTenantException.class)
        .hasMessageContaining("for `BEGIN`");
    assertThat(tenants.openPools()).isZero();
  }

  @Test
  void anotherTenantInsideATransactionOfTheCurrentOneIsRefused() {
    tenants(4);
    Repo repo = tenants.repo();
    assertThatThrownBy(() -> tenants.with("a", () -> repo.transaction(tx -> {
      tagNames(repo);
      return tenants.with("b", () -> tagNames(repo));
    }))).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("tenants.with(\"b\", …) inside a transaction or checkout of tenant a");
  }

  @Test
  void closingTheRegistryClosesEveryPool() {
    tenants(4);
    tagNames(tenants.repo("a"));
    tagNames(tenants.repo("b"));
    assertThat(tenants.openPools()).isEqualTo(2);
    tenants.close();
    assertThat(tenants.openPools()).isZero();
    assertThatThrownBy(() -> tagNames(tenants.repo("a")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the tenants registry is closed");
  }
}
