package io.ecto4j.it.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.it.schemas.BlogSchema;
import io.ecto4j.it.schemas.PostStruct;
import io.ecto4j.it.schemas.Posts;
import io.ecto4j.query.Lock;
import io.ecto4j.query.Query;
import io.ecto4j.query.Sql;
import io.ecto4j.repo.QueryException;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Row locks, seen from a second session: another connection holds a lock in its open transaction
 * while the repo's query skips the row, fails at once, or shares it. Not sandboxed, since the rows
 * and the locks must be visible across sessions.
 */
@EctoTest
class LockTest {
  private static List<PostStruct> posts;

  @BeforeAll
  static void seed(TestDatabase db, Repo repo) throws SQLException {
    BlogSchema.create(db);
    for (String title : List.of("job 1", "job 2", "job 3")) {
      repo.insertOrThrow(new PostStruct().withTitle(title));
    }
    posts = repo.all(Posts.query().orderBy(Posts.ID.asc()));
  }

  private static Query<String> jobs(Lock lock) {
    return Posts.query().orderBy(Posts.ID.asc()).lock(lock).select(Posts.TITLE);
  }

  /** Runs {@code sql} in {@code connection}'s open transaction, which keeps its locks. */
  private static void holdLocks(Connection connection, Sql sql) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql.text())) {
      sql.bind(statement);
      try (ResultSet rows = statement.executeQuery()) {
        assertThat(rows.next()).isTrue();
      }
    }
  }

  @Test
  void forUpdateWithSkipLockedAndNoWait(Repo repo, DataSource dataSource) throws SQLException {
    try (Connection other = dataSource.getConnection()) {
      other.setAutoCommit(false);
      holdLocks(other, repo.toSql(Posts.query().where(Posts.ID.eq(posts.get(0).id())).lock(Lock.forUpdate())));

      assertThat(repo.all(jobs(Lock.forUpdate().skipLocked()))).containsExactly("job 2", "job 3");
      assertThat(repo.all(jobs(Lock.forShare().skipLocked()))).containsExactly("job 2", "job 3");
      assertThatThrownBy(() -> repo.all(jobs(Lock.forUpdate().noWait())))
          .isInstanceOf(QueryException.class)
          .satisfies(e -> assertThat(((QueryException) e).sqlState()).isEqualTo("55P03"));
      assertThat(repo.all(jobs(Lock.forUpdate().skipLocked()).limit(1))).containsExactly("job 2");
      other.rollback();
    }
    assertThat(repo.all(jobs(Lock.forUpdate().noWait()))).hasSize(3);
  }

  @Test
  void weakerLocksDoNotConflictWithEachOther(Repo repo, DataSource dataSource) throws SQLException {
    try (Connection other = dataSource.getConnection()) {
      other.setAutoCommit(false);
      holdLocks(other, repo.toSql(Posts.query().where(Posts.ID.eq(posts.get(1).id())).lock(Lock.forNoKeyUpdate())));
      assertThat(repo.all(jobs(Lock.forKeyShare().noWait()))).hasSize(3);
      assertThat(repo.all(jobs(Lock.forShare().skipLocked()))).containsExactly("job 1", "job 3");
      other.rollback();
    }
    assertThat(jobs(Lock.forUpdate().skipLocked()).toSql().text()).endsWith("ORDER BY p0.\"id\" FOR UPDATE SKIP LOCKED");
  }
}
