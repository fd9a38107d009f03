package io.ecto4j.it.preload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.it.schemas.BlogSchema;
import io.ecto4j.it.schemas.CommentStruct;
import io.ecto4j.it.schemas.Comments;
import io.ecto4j.it.schemas.PostStruct;
import io.ecto4j.it.schemas.Posts;
import io.ecto4j.query.Condition;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One preload call borrows one connection for all its statements, as hand-written JDBC does, and
 * gives it back at its end; inside a transaction it uses the transaction's. Outside a sandbox, so
 * that the repo borrows from the data source itself.
 */
@EctoTest
class PreloadConnectionTest {
  @BeforeAll
  static void tables(TestDatabase db) throws SQLException {
    BlogSchema.create(db);
  }

  @Test
  void onePreloadCallBorrowsOneConnection(DataSource dataSource) {
    CountingDataSource counter = new CountingDataSource(dataSource);
    Repo repo = Repo.of(counter.dataSource());
    PreloadSeed.seed(repo);
    List<PostStruct> posts = repo.all(Posts.query().orderBy(Posts.ID.asc()));

    counter.reset();
    List<PostStruct> loaded = repo.preload(posts, Posts.AUTHOR, Posts.COMMENTS.then(Comments.USER), Posts.TAGS);
    assertThat(counter.count()).isEqualTo(4);
    assertThat(counter.checkouts()).isEqualTo(1);
    PostStruct third = loaded.get(3);
    assertThat(third.author().name()).isEqualTo("User 3");
    assertThat(third.comments()).hasSize(3)
        .allSatisfy(c -> assertThat(((CommentStruct) c).user().name()).startsWith("User "));
    assertThat(loaded.get(2).tags()).hasSize(2);

    // a query's preloads: its rows and their associations on one connection
    counter.reset();
    List<PostStruct> queried = repo.all(Posts.query().orderBy(Posts.ID.asc()).preload(Posts.AUTHOR, Posts.COMMENTS));
    assertThat(counter.count()).isEqualTo(3);
    assertThat(counter.checkouts()).isEqualTo(1);
    assertThat(queried.get(3).comments()).hasSize(3);

    // the connection went back: the next call borrows again, once
    counter.reset();
    repo.preload(posts, Posts.AUTHOR);
    repo.preload(posts, Posts.COMMENTS);
    assertThat(counter.checkouts()).isEqualTo(2);

    // in a transaction, its connection serves the preload
    counter.reset();
    repo.transaction(tx -> repo.preload(posts, Posts.AUTHOR, Posts.COMMENTS));
    assertThat(counter.checkouts()).isEqualTo(1);
  }

  @Test
  void aFailedPreloadStatementGivesTheConnectionBack(DataSource dataSource) {
    CountingDataSource counter = new CountingDataSource(dataSource);
    Repo repo = Repo.of(counter.dataSource());
    PreloadSeed.seed(repo);
    List<PostStruct> posts = repo.all(Posts.query().orderBy(Posts.ID.asc()).limit(5));
    counter.reset();
    assertThatThrownBy(() -> repo.preload(posts,
            Posts.COMMENTS.query(q -> q.where(Condition.fragment("1/0 = 1")))))
        .hasMessageContaining("division by zero");
    assertThat(counter.checkouts()).isEqualTo(1);
    // the pool is whole: a preload after it works
    assertThat(repo.preload(posts, Posts.COMMENTS)).hasSize(5);
  }
}
