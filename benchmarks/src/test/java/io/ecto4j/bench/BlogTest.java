package io.ecto4j.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.ecto4j.bench.impl.Ecto;
import io.ecto4j.bench.impl.Hibernate;
import io.ecto4j.bench.impl.Jdbc;
import io.ecto4j.bench.impl.Jooq;
import io.ecto4j.bench.impl.Workloads;
import io.ecto4j.bench.model.CommentRow;
import io.ecto4j.bench.model.PostGraph;
import io.ecto4j.bench.model.PostRow;
import io.ecto4j.bench.model.PostWithComment;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The smoke test of the benchmark: on a small seed, every implementation returns the same data for
 * every workload. Nothing here is timed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BlogTest {
  private static final BenchDb.Size SMALL = new BenchDb.Size(50);
  /** The bytes of {@code posts} and its indexes. */
  private static final String POSTS_BYTES = "SELECT pg_total_relation_size('posts')";
  private static final String COMMENTS_BYTES = "SELECT pg_total_relation_size('comments')";
  /** The file of comments' rows, which a rewrite ({@code CLUSTER}) replaces. */
  private static final String COMMENTS_FILE = "SELECT pg_relation_filenode('comments')";
  /** Posts stored before a post of a smaller id: none in the seed's layout. */
  private static final String OUT_OF_KEY_ORDER = "SELECT count(*) FROM (SELECT ctid, lag(ctid) OVER (ORDER BY id)"
      + " AS before FROM posts) p WHERE p.ctid < p.before";

  private final BenchDb db = new BenchDb("ecto4j_bench_smoke");
  private HikariDataSource pool;
  private Jdbc jdbc;
  private Map<String, Workloads> others;
  private Hibernate hibernate;

  @BeforeAll
  void seed() throws Exception {
    db.create(SMALL);
    pool = BenchDb.pool(db.url());
    jdbc = new Jdbc(pool);
    hibernate = new Hibernate(pool);
    others = Map.of("ecto4j", new Ecto(pool), "jooq", new Jooq(pool), "hibernate", hibernate);
  }

  @AfterAll
  void drop() throws Exception {
    hibernate.close();
    pool.close();
    db.drop();
  }

  private <T> void allReturnTheSame(Function<Workloads, T> workload) {
    T expected = workload.apply(jdbc);
    others.forEach((name, impl) -> assertThat(workload.apply(impl)).as(name).isEqualTo(expected));
  }

  @Test
  void w1_getAPostById() {
    assertThat(jdbc.getPost(7).title()).isEqualTo("post 7");
    allReturnTheSame(w -> w.getPost(7));
    allReturnTheSame(w -> w.getPost(SMALL.posts() + 1_000));
  }

  @Test
  void w2_popularPosts() {
    assertThat(jdbc.popularPosts()).hasSize(100).allMatch(p -> p.published() && p.viewCount() > 100);
    allReturnTheSame(Workloads::popularPosts);
  }

  @Test
  void w3_insertAPost() {
    PostRow expected = jdbc.insertPost(3);
    assertThat(expected.id()).isGreaterThan(SMALL.posts());
    allReturnTheSame(w -> w.insertPost(3).withoutGenerated());
  }

  @Test
  void w4_insertAThousandComments() throws Exception {
    long before = count("SELECT count(*) FROM comments WHERE post_id = 1");
    allReturnTheSame(w -> w.insertComments());
    assertThat(jdbc.insertComments()).isEqualTo(1_000);
    assertThat(jdbc.insertCommentsBatch()).isEqualTo(1_000);
    assertThat(jdbc.insertCommentsValues()).isEqualTo(1_000);
    assertThat(count("SELECT count(*) FROM comments WHERE post_id = 1")).isEqualTo(before + 7 * 1_000);
    assertThat(count("SELECT count(DISTINCT (body, inserted_at, updated_at)) FROM comments WHERE id > "
        + SMALL.comments())).isEqualTo(1_000);
  }

  @Test
  void w5_postsWithAuthorsAndComments() {
    List<PostGraph> expected = jdbc.postsWithAuthorsAndComments();
    assertThat(expected).hasSize(100);
    assertThat(expected.get(41).comments()).hasSize(10);
    allReturnTheSame(Workloads::postsWithAuthorsAndComments);
    assertThat(hibernate.postsWithAuthorsAndCommentsLazy()).isEqualTo(expected);
  }

  @Test
  void w6_topPosts() {
    assertThat(jdbc.topPosts()).hasSize(5);
    allReturnTheSame(Workloads::topPosts);
  }

  @Test
  void w7_bumpViews() {
    assertThat(jdbc.bumpViews(4)).isEqualTo(5);
    allReturnTheSame(w -> w.bumpViews(4));
  }

  @Test
  void w8_postAndFirstComment() {
    PostWithComment expected = jdbc.postWithFirstComment(5);
    assertThat(expected.comment().postId()).isEqualTo(expected.post().id());
    allReturnTheSame(w -> {
      PostWithComment r = w.postWithFirstComment(5);
      assertThat(r.comment().postId()).isEqualTo(r.post().id());
      CommentRow c = r.comment();
      return List.of(r.post().withoutGenerated(), new CommentRow(null, c.body(), null, c.insertedAt(), c.updatedAt()));
    });
  }

  @Test
  void clientBoundSetsSynchronousCommitOffForTheBenchmarkDatabaseOnly() throws Exception {
    try {
      db.commits(BenchDb.Commits.CLIENT_BOUND);
      assertThat(show("synchronous_commit")).isEqualTo("off");
      assertThat(databaseSettings()).isEqualTo("{synchronous_commit=off}");
      db.commits(BenchDb.Commits.COMMIT_BOUND);
      assertThat(databaseSettings()).isNull();
    } finally {
      db.commits(BenchDb.Commits.COMMIT_BOUND);
    }
  }

  @Test
  void theTablesStayAsTheSeedLaidThemOutAndOnlyTheHarnessVacuums() throws Exception {
    assertThat(count("SELECT count(*) FROM pg_class WHERE relname IN ('users', 'posts', 'comments')"
        + " AND reloptions @> '{autovacuum_enabled=off}'")).isEqualTo(3);
    try (Connection c = pool.getConnection()) {
      jdbc.postWithFirstComment(1);
      BenchDb.reset(c, SMALL);
      long bytes = count(POSTS_BYTES);
      long commentsFile = count(COMMENTS_FILE);
      long commentsBytes = count(COMMENTS_BYTES);
      for (int i = 0; i < 200; i++) {
        jdbc.bumpViews(i % SMALL.users() + 1);
      }
      assertThat(count(POSTS_BYTES)).as("W7's updates stay on their pages").isEqualTo(bytes);
      assertThat(count(OUT_OF_KEY_ORDER)).as("updated rows moved within their pages").isPositive();
      for (int i = 0; i < 50; i++) {
        jdbc.insertPost(1);
      }
      assertThat(count(POSTS_BYTES)).isGreaterThan(bytes);
      BenchDb.reset(c, SMALL);
      assertThat(count(POSTS_BYTES)).isEqualTo(bytes);
      assertThat(count(OUT_OF_KEY_ORDER)).isZero();
      assertThat(count(COMMENTS_FILE)).as("comments, which nothing wrote, is not rewritten").isEqualTo(commentsFile);
      for (int i = 0; i < 200; i++) {
        jdbc.postWithFirstComment(1);
      }
      assertThat(count(COMMENTS_BYTES)).isGreaterThan(commentsBytes);
      BenchDb.reset(c, SMALL);
      assertThat(count(COMMENTS_FILE)).as("comments, written, is rewritten").isNotEqualTo(commentsFile);
      assertThat(count(COMMENTS_BYTES)).isEqualTo(commentsBytes);
    }
  }

  /** A setting as a new session sees it (the pool's connections were opened before). */
  private String show(String setting) throws Exception {
    try (Connection c = DriverManager.getConnection(db.url()); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SHOW " + setting)) {
      rs.next();
      return rs.getString(1);
    }
  }

  /** What ALTER DATABASE … SET stored for the benchmark database, null when nothing. */
  private String databaseSettings() throws Exception {
    try (Connection c = DriverManager.getConnection(db.url()); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT s.setconfig::text FROM pg_db_role_setting s JOIN pg_database d"
            + " ON d.oid = s.setdatabase WHERE d.datname = current_database() AND s.setrole = 0")) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  private long count(String sql) throws Exception {
    try (Connection c = pool.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
