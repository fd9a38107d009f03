package io.ecto4j.it.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.Result;
import io.ecto4j.it.schemas.BlogSchema;
import io.ecto4j.it.schemas.PostStruct;
import io.ecto4j.it.schemas.Posts;
import io.ecto4j.query.Query;
import io.ecto4j.repo.QueryException;
import io.ecto4j.repo.Repo;
import io.ecto4j.repo.Transaction;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import io.ecto4j.type.Types;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Repo.stream over a server-side cursor: a million rows counted without holding them. Memory is not
 * timed or sampled; instead the test shows what keeps it flat: the statement runs with autoCommit
 * off and the fetch size set, and while the stream is read its cursor is open on the server
 * (pg_cursors), which holds the rows not yet fetched.
 */
@EctoTest
class StreamTest {
  private static final int MILLION = 1_000_000;

  @BeforeAll
  static void aMillionPosts(TestDatabase db) throws SQLException {
    BlogSchema.create(db);
    db.execute("INSERT INTO posts (title, body, published, view_count, inserted_at, updated_at)"
        + " SELECT 'post ' || g, 'body', g % 2 = 0, g % 100, now(), now() FROM generate_series(1, " + MILLION + ") AS g");
  }

  /** What the driver was asked to do, recorded from a DataSource wrapped around the real one. */
  static final class Recording {
    final List<Integer> fetchSizes = new CopyOnWriteArrayList<>();
    final List<Boolean> autoCommitAtExecute = new CopyOnWriteArrayList<>();

    DataSource wrap(DataSource dataSource) {
      return proxy(DataSource.class, dataSource, (target, method, args) -> {
        Object result = call(target, method, args);
        return method.getName().equals("getConnection") ? connection((Connection) result) : result;
      });
    }

    private Connection connection(Connection connection) {
      return proxy(Connection.class, connection, (target, method, args) -> {
        Object result = call(target, method, args);
        return method.getName().equals("prepareStatement") ? statement((PreparedStatement) result, connection) : result;
      });
    }

    private PreparedStatement statement(PreparedStatement statement, Connection connection) {
      return proxy(PreparedStatement.class, statement, (target, method, args) -> {
        if (method.getName().equals("setFetchSize")) {
          fetchSizes.add((Integer) args[0]);
        } else if (method.getName().equals("executeQuery")) {
          autoCommitAtExecute.add(connection.getAutoCommit());
        }
        return call(target, method, args);
      });
    }

    interface Handler {
      Object handle(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, T target, Handler handler) {
      InvocationHandler invocation = (proxy, method, args) -> handler.handle(target, method, args);
      return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, invocation));
    }

    private static Object call(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }

  @Test
  void streamsAMillionRowsOverACursor(DataSource dataSource) {
    Recording recording = new Recording();
    Repo repo = Repo.of(recording.wrap(dataSource));
    Query<String> openCursors = Query.from("pg_cursors").select(Query.column("statement", Types.TEXT));
    AtomicReference<List<String>> cursorsWhileReading = new AtomicReference<>();
    AtomicLong evenViews = new AtomicLong();

    long count = repo.stream(Posts.query(), 1_000, posts -> posts
        .peek(post -> {
          if (cursorsWhileReading.get() == null) {
            cursorsWhileReading.set(repo.all(openCursors));   // joins the stream's transaction
          }
        })
        .filter(PostStruct::published)
        .peek(post -> evenViews.addAndGet(post.viewCount()))
        .count());

    assertThat(count).isEqualTo(MILLION / 2);
    assertThat(evenViews.get()).isEqualTo(49L * MILLION / 2);   // the mean of 0, 2, … 98
    assertThat(recording.fetchSizes).containsExactly(1_000);
    assertThat(recording.autoCommitAtExecute.get(0)).isFalse();
    assertThat(cursorsWhileReading.get()).anySatisfy(statement -> assertThat(statement).contains("FROM \"posts\" AS p0"));
    assertThat(repo.all(openCursors)).noneSatisfy(statement -> assertThat(statement).contains("\"posts\""));
  }

  @Test
  void aStreamIsReadLazilyAndCanStopEarly(Repo repo) {
    List<String> firstThree = repo.stream(Posts.query().orderBy(Posts.ID.asc()).select(Posts.TITLE), 2,
        titles -> titles.limit(3).toList());
    assertThat(firstThree).containsExactly("post 1", "post 2", "post 3");
  }

  @Test
  void aStreamInsideATransactionJoinsIt(Repo repo) {
    Result<Long, Long> outcome = repo.transaction((Transaction<Long> tx) -> {
      tx.repo().insertOrThrow(new PostStruct().withTitle("written in the transaction"));
      long seen = tx.repo().stream(Posts.query().where(Posts.TITLE.eq("written in the transaction")),
          posts -> posts.count());
      return tx.rollback(seen);
    });
    assertThat(outcome).isEqualTo(Result.err(1L));
    assertThat(repo.exists(Posts.query().where(Posts.TITLE.eq("written in the transaction")))).isFalse();
  }

  @Test
  void anExceptionInTheWorkEndsTheTransaction(Repo repo) {
    assertThatThrownBy(() -> repo.stream(Posts.query(), posts -> posts.map(p -> {
      throw new IllegalStateException("stop at " + p.title());
    }).count())).isInstanceOf(IllegalStateException.class).hasMessageStartingWith("stop at post");
    assertThatThrownBy(() -> repo.stream(Posts.query(), 0, posts -> posts.count()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> repo.stream(Posts.query().where(io.ecto4j.query.Condition.fragment("1/0 = 1")),
        posts -> posts.count())).isInstanceOf(QueryException.class).hasMessageContaining("division by zero");
  }
}
