package io.ecto4j.it.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.it.schemas.BlogSchema;
import io.ecto4j.it.schemas.PostStruct;
import io.ecto4j.it.schemas.Posts;
import io.ecto4j.repo.Repo;
import io.ecto4j.telemetry.QueryEvent;
import io.ecto4j.telemetry.TelemetryOptions;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The telemetry event of every statement, Ecto's {@code [:my_app, :repo, :query]}: measurements
 * (queue, query, decode, idle), parameters as given and cast, stack trace, custom event name and
 * options, and the {@code begin}/{@code commit}/{@code rollback} of transactions. Not sandboxed:
 * queue and idle time are about the real pool, and transactions must really begin and commit.
 */
@EctoTest
class TelemetryConformanceTest {
  private final List<QueryEvent> events = new ArrayList<>();

  @BeforeAll
  static void tables(TestDatabase db) throws SQLException {
    BlogSchema.create(db);
  }

  @AfterEach
  void clean(Repo repo) {
    repo.deleteAll(Posts.query());
  }

  private Repo observed(Repo repo) {
    return repo.withListener(events::add);
  }

  private List<String> statements() {
    return events.stream().map(QueryEvent::sql).toList();
  }

  /** Ports ecto_sql integration_test/sql/logging.exs "dispatches event". */
  @Test
  void dispatchesEvent(Repo repo) {
    Repo observed = observed(repo);
    observed.all(Posts.query());   // gives a connection back to the pool, so the next checkout knows its idle time
    observed.all(Posts.query());

    QueryEvent event = events.get(1);
    assertThat(event.succeeded()).isTrue();
    assertThat(event.telemetry().eventName()).isEqualTo("ecto4j.repo.query");
    assertThat(event.total()).isEqualTo(event.queryTime().plus(event.decodeTime()).plus(event.queueTime()));
    assertThat(event.idleTime()).isNotNull().isGreaterThanOrEqualTo(Duration.ZERO);
    assertThat(event.table()).isEqualTo("posts");
    assertThat(event.stacktrace()).isEmpty();
  }

  /** Ports ecto_sql integration_test/sql/logging.exs "dispatches event with stacktrace". */
  @Test
  void dispatchesEventWithStacktrace(Repo repo) {
    observed(repo).withTelemetry(TelemetryOptions.defaults().stacktrace(true)).all(Posts.query());

    assertThat(events).singleElement().satisfies(event -> assertThat(event.stacktrace())
        .anySatisfy(frame -> {
          assertThat(frame.getClassName()).isEqualTo(TelemetryConformanceTest.class.getName());
          assertThat(frame.getMethodName()).isEqualTo("dispatchesEventWithStacktrace");
        }));
  }

  /** Ports ecto_sql integration_test/sql/logging.exs "dispatches event with custom options". */
  @Test
  void dispatchesEventWithCustomOptions(Repo repo) {
    observed(repo).withTelemetry(TelemetryOptions.defaults().options(Map.of("custom_metadata", true))).all(Posts.query());

    assertThat(events).singleElement().satisfies(event -> {
      assertThat(event.telemetry().eventName()).isEqualTo(TelemetryOptions.DEFAULT_EVENT);
      assertThat(event.telemetry().options()).containsExactly(Map.entry("custom_metadata", true));
    });
  }

  /** Ports ecto_sql integration_test/sql/logging.exs "dispatches under another event name". */
  @Test
  void dispatchesUnderAnotherEventName(Repo repo) {
    Repo custom = observed(repo).withTelemetry(TelemetryOptions.defaults().event("custom"));
    custom.all(Posts.query());
    custom.all(Posts.query());

    assertThat(events).hasSize(2).allSatisfy(event -> {
      assertThat(event.telemetry().eventName()).isEqualTo("custom");
      assertThat(event.succeeded()).isTrue();
      assertThat(event.total()).isEqualTo(event.queryTime().plus(event.decodeTime()).plus(event.queueTime()));
    });
    assertThat(events.get(1).idleTime()).isNotNull();
  }

  /** Ports ecto_sql integration_test/sql/logging.exs "is not dispatched with no event name". */
  @Test
  void isNotDispatchedWithNoEventName(Repo repo) {
    Repo silent = observed(repo).withTelemetry(TelemetryOptions.silent());
    silent.all(Posts.query());
    silent.transaction(tx -> silent.all(Posts.query()));

    assertThat(events).isEmpty();
  }

  /**
   * Ports ecto_sql integration_test/sql/logging.exs "cast params": the id as given ("42", a
   * string) and as cast to the key's type (42L), as Ecto gives a UUID as given and as dumped.
   */
  @Test
  void castParams(Repo repo) {
    PostStruct post = repo.insertOrThrow(new PostStruct().withTitle("cast").withBody("body"));
    String given = String.valueOf(post.id());
    assertThat(observed(repo).get(Posts.SCHEMA, given)).isPresent();

    assertThat(events).singleElement().satisfies(event -> {
      assertThat(event.parameters()).containsExactly(given);
      assertThat(event.castParameters()).containsExactly(post.id());
    });
  }

  /** Regression test for issue #19: a query's values are its parameters, given and cast alike; hand-written SQL's as given. */
  @Test
  void queryAndRawParameters(Repo repo) {
    Repo observed = observed(repo);
    observed.all(Posts.query().where(Posts.TITLE.eq("t")).where(Posts.VIEW_COUNT.eq(3)));
    observed.query("SELECT ?::int + ?::int", List.of(40, 2), row -> row.getInt(1));

    assertThat(events.get(0).parameters()).containsExactly("t", 3);
    assertThat(events.get(0).castParameters()).containsExactly("t", 3);
    assertThat(events.get(1).parameters()).containsExactly(40, 2);
  }

  /**
   * Ports the transaction commands of ecto_sql integration_test/pg/migrations_test.exs "logs
   * locking and transaction commands" ({@code begin []} and {@code commit []} go through the same
   * telemetry), and checks the documented zero queue time inside a transaction.
   */
  @Test
  void transactionCommandsAreEvents(Repo repo) {
    Repo observed = observed(repo);
    observed.transaction(tx -> observed.insertOrThrow(new PostStruct().withTitle("in").withBody("body")));

    assertThat(statements()).hasSize(3).startsWith("begin").endsWith("commit");
    assertThat(events.get(0).source()).isEqualTo("BEGIN");
    assertThat(events.get(0).succeeded()).isTrue();
    QueryEvent insert = events.get(1);
    assertThat(insert.source()).isEqualTo("INSERT posts");
    assertThat(insert.queueTime()).isEqualTo(Duration.ZERO);
    assertThat(insert.idleTime()).isEqualTo(Duration.ZERO);
    assertThat(events.get(2).queueTime()).isEqualTo(Duration.ZERO);
  }

  /** Regression test for issue #19: a rolled-back transaction reports {@code rollback}, as Ecto logs {@code rollback []}. */
  @Test
  void rollbackIsAnEvent(Repo repo) {
    Repo observed = observed(repo);
    observed.transaction(tx -> {
      observed.all(Posts.query());
      return tx.rollback("undo");
    });
    observed.transaction(tx -> observed.transaction(inner -> observed.all(Posts.query())));

    assertThat(statements()).hasSize(6);
    assertThat(statements().subList(0, 3)).startsWith("begin").endsWith("rollback");
    // a nested transaction joins the outer one: no begin or commit of its own
    assertThat(statements().subList(3, 6)).startsWith("begin").endsWith("commit");
  }

  /** Regression test for issue #19: queue and idle time are zero for statements on a checkout's connection too. */
  @Test
  void queueTimeIsZeroOnAHeldConnection(Repo repo) {
    Repo observed = observed(repo);
    observed.checkout(() -> observed.all(Posts.query()).size() + observed.all(Posts.query()).size());

    assertThat(events).hasSize(2).allSatisfy(event -> {
      assertThat(event.queueTime()).isEqualTo(Duration.ZERO);
      assertThat(event.idleTime()).isEqualTo(Duration.ZERO);
    });
  }
}
