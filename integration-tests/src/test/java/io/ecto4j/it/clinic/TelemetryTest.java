package io.ecto4j.it.clinic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.it.schemas.BlogSchema;
import io.ecto4j.it.schemas.PostStruct;
import io.ecto4j.it.schemas.Posts;
import io.ecto4j.repo.QueryException;
import io.ecto4j.repo.Repo;
import io.ecto4j.telemetry.QueryEvent;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every statement reaches the listeners with its source, counts, time breakdown and call site. */
@EctoTest(sandbox = true)
class TelemetryTest {
  @BeforeAll
  static void tables(TestDatabase db) throws SQLException {
    BlogSchema.create(db);
  }

  @Test
  void reportsQueriesWithTheirBreakdownAndCallSite(Repo repo) {
    List<QueryEvent> events = new ArrayList<>();
    Repo observed = repo.withListener(events::add);
    PostStruct post = observed.insertOrThrow(new PostStruct().withTitle("Hello").withBody("Body"));
    List<PostStruct> found = observed.all(Posts.query().where(Posts.TITLE.eq("Hello")));

    assertThat(found).hasSize(1);
    assertThat(events).hasSize(2);
    QueryEvent insert = events.get(0);
    QueryEvent select = events.get(1);
    assertThat(insert.source()).isEqualTo("INSERT posts");
    assertThat(insert.rows()).isEqualTo(1);
    assertThat(select.source()).isEqualTo("SELECT posts");
    assertThat(select.parameterCount()).isEqualTo(1);
    assertThat(select.parameters()).containsExactly("Hello");
    assertThat(select.rows()).isEqualTo(1);
    assertThat(select.total()).isEqualTo(select.queueTime().plus(select.queryTime()).plus(select.decodeTime()));
    assertThat(select.callSite()).startsWith(TelemetryTest.class.getName() + ".reportsQueriesWithTheirBreakdownAndCallSite(TelemetryTest.java:");
    assertThat(select.succeeded()).isTrue();
    assertThat(post.id()).isNotNull();
  }

  @Test
  void reportsFailures(Repo repo) {
    List<QueryEvent> events = new ArrayList<>();
    Repo observed = repo.withListener(events::add);
    repo.query("SELECT 1", List.of(), row -> 1);   // the unobserved repo reports nothing
    assertThatThrownBy(() -> observed.query("SELECT * FROM missing_table WHERE id = ?", List.of(1), row -> 1))
        .isInstanceOf(QueryException.class);

    assertThat(events).singleElement().satisfies(event -> {
      assertThat(event.succeeded()).isFalse();
      assertThat(event.source()).isEqualTo("SELECT missing_table");
      assertThat(event.failure()).isInstanceOf(QueryException.class);
      assertThat(event.lockWaits()).isEmpty();
    });
  }

  @Test
  void aBrokenListenerDoesNotFailTheStatement(Repo repo) {
    Repo observed = repo.withListener(event -> {
      throw new IllegalStateException("broken listener");
    });
    assertThat(observed.query("SELECT 1", List.of(), row -> row.getInt(1))).containsExactly(1);
  }

  @Test
  void slf4jLoggerAcceptsEvents(Repo repo) {
    Repo logged = repo.withListener(io.ecto4j.telemetry.Slf4jQueryLogger.slowerThan(Duration.ZERO));
    assertThat(logged.query("SELECT 2", List.of(), row -> row.getInt(1))).containsExactly(2);
  }
}
