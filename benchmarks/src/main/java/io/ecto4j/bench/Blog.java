package io.ecto4j.bench;

import io.ecto4j.bench.impl.Ecto;
import io.ecto4j.bench.impl.Hibernate;
import io.ecto4j.bench.impl.Jdbc;
import io.ecto4j.bench.impl.Jooq;
import io.ecto4j.bench.model.CommentRow;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.postgresql.PGConnection;

/**
 * W1–W8, one method per workload and implementation ({@code w<n>_<implementation>}). Each JMH state
 * builds one implementation on its own pool with the same settings; after every iteration the rows
 * the writes added are deleted again.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class Blog {

  /**
   * What every implementation's state shares: the pool, the cycling ids, and the JMH life cycle
   * (JMH runs the helper methods of a state's superclasses too): a pool per trial, the reset after
   * every iteration.
   */
  public abstract static class Base {
    com.zaxxer.hikari.HikariDataSource pool;
    private boolean ownsPool;
    private long next;

    @Setup
    public void open() {
      open(BenchDb.pool(System.getProperty(BenchDb.URL_PROPERTY)));
      ownsPool = true;
    }

    /** Builds the implementation on {@code pool}, which another owns and closes ({@link Paired}'s, shared by a pair). */
    void open(com.zaxxer.hikari.HikariDataSource pool) {
      this.pool = pool;
      build();
    }

    /** Builds the implementation on {@link #pool}. */
    abstract void build();

    /** Post ids 1..10,000 and author ids 1..1,000 in turn, the same sequence for everyone. */
    long postId() {
      return next++ % BenchDb.Size.FULL.posts() + 1;
    }

    long authorId() {
      return next++ % BenchDb.Size.FULL.users() + 1;
    }

    @TearDown(Level.Iteration)
    public void reset() throws SQLException {
      try (Connection c = pool.getConnection()) {
        BenchDb.reset(c, BenchDb.Size.FULL);
      }
    }

    @TearDown
    public void close() throws SQLException {
      if (!ownsPool) {
        return;
      }
      try (Connection c = pool.getConnection()) {
        BenchDb.analyze(c);
      }
      pool.close();
    }
  }

  @State(Scope.Benchmark)
  public static class EctoState extends Base {
    Ecto impl;

    @Override
    void build() {
      impl = new Ecto(pool);
    }
  }

  @State(Scope.Benchmark)
  public static class JdbcState extends Base {
    Jdbc impl;
    String copyText;

    @Override
    void build() {
      impl = new Jdbc(pool);
      StringBuilder text = new StringBuilder();
      for (CommentRow c : Inputs.comments()) {
        text.append(c.body()).append('\t').append(c.postId()).append('\t').append(c.insertedAt()).append('\t')
            .append(c.updatedAt()).append('\n');
      }
      copyText = text.toString();
    }

    /** W4's physical limit: the same 1,000 rows through COPY. */
    long copy() throws SQLException, IOException {
      try (Connection c = pool.getConnection()) {
        return c.unwrap(PGConnection.class).getCopyAPI().copyIn(
            "COPY comments (body, post_id, inserted_at, updated_at) FROM STDIN", new StringReader(copyText));
      }
    }
  }

  @State(Scope.Benchmark)
  public static class JooqState extends Base {
    Jooq impl;

    @Override
    void build() {
      impl = new Jooq(pool);
    }
  }

  @State(Scope.Benchmark)
  public static class HibernateState extends Base {
    Hibernate impl;

    @Override
    void build() {
      impl = new Hibernate(pool);
    }

    @Override
    public void close() throws SQLException {
      impl.close();
      super.close();
    }
  }

  // W1: a post by a random id
  @Benchmark public Object w1_ecto4j(EctoState s) { return s.impl.get(s.postId()); }
  @Benchmark public Object w1_jdbc(JdbcState s) { return s.impl.getPost(s.postId()); }
  @Benchmark public Object w1_jooq(JooqState s) { return s.impl.getPost(s.postId()); }
  @Benchmark public Object w1_hibernate(HibernateState s) { return s.impl.get(s.postId()); }

  // W2: published posts with view_count > 100, newest first, limit 100
  @Benchmark public List<?> w2_ecto4j(EctoState s) { return s.impl.popular(); }
  @Benchmark public List<?> w2_jdbc(JdbcState s) { return s.impl.popularPosts(); }
  @Benchmark public List<?> w2_jooq(JooqState s) { return s.impl.popularPosts(); }
  @Benchmark public List<?> w2_hibernate(HibernateState s) { return s.impl.popular(); }

  // W3: insert one post returning id and timestamps
  @Benchmark public Object w3_ecto4j(EctoState s) { return s.impl.insert(s.authorId()); }
  @Benchmark public Object w3_jdbc(JdbcState s) { return s.impl.insertPost(s.authorId()); }
  @Benchmark public Object w3_jooq(JooqState s) { return s.impl.insertPost(s.authorId()); }
  @Benchmark public Object w3_hibernate(HibernateState s) { return s.impl.insert(s.authorId()); }

  // W4: insert 1,000 comments in one call (JDBC: unnest of arrays; addBatch and multi-row VALUES
  // for reference),
  // and through COPY
  @Benchmark public long w4_ecto4j(EctoState s) { return s.impl.insertComments(); }
  @Benchmark public long w4_jdbc(JdbcState s) { return s.impl.insertComments(); }
  @Benchmark public long w4_jdbcBatch(JdbcState s) { return s.impl.insertCommentsBatch(); }
  @Benchmark public long w4_jdbcValues(JdbcState s) { return s.impl.insertCommentsValues(); }
  @Benchmark public long w4_jooq(JooqState s) { return s.impl.insertComments(); }
  @Benchmark public long w4_hibernate(HibernateState s) { return s.impl.insertComments(); }
  @Benchmark public long w4_copy(JdbcState s) throws SQLException, IOException { return s.copy(); }

  // W5: 100 posts with their comments and authors
  @Benchmark public List<?> w5_ecto4j(EctoState s) { return s.impl.graphs(); }
  @Benchmark public List<?> w5_jdbc(JdbcState s) { return s.impl.postsWithAuthorsAndComments(); }
  @Benchmark public List<?> w5_jooq(JooqState s) { return s.impl.postsWithAuthorsAndComments(); }
  @Benchmark public List<?> w5_hibernate(HibernateState s) { return s.impl.graphs(); }
  @Benchmark public List<?> w5_hibernateLazy(HibernateState s) { return s.impl.graphsLazy(); }

  // W6: top 5 posts by comment count
  @Benchmark public List<?> w6_ecto4j(EctoState s) { return s.impl.topPosts(); }
  @Benchmark public List<?> w6_jdbc(JdbcState s) { return s.impl.topPosts(); }
  @Benchmark public List<?> w6_jooq(JooqState s) { return s.impl.topPosts(); }
  @Benchmark public List<?> w6_hibernate(HibernateState s) { return s.impl.topPosts(); }

  // W7: increment view_count of one author's published posts
  @Benchmark public long w7_ecto4j(EctoState s) { return s.impl.bumpViews(s.authorId()); }
  @Benchmark public long w7_jdbc(JdbcState s) { return s.impl.bumpViews(s.authorId()); }
  @Benchmark public long w7_jooq(JooqState s) { return s.impl.bumpViews(s.authorId()); }
  @Benchmark public long w7_hibernate(HibernateState s) { return s.impl.bumpViews(s.authorId()); }

  // W8: insert a post and its first comment in one transaction
  @Benchmark public Object w8_ecto4j(EctoState s) { return s.impl.postAndComment(s.authorId()); }
  @Benchmark public Object w8_jdbc(JdbcState s) { return s.impl.postWithFirstComment(s.authorId()); }
  @Benchmark public Object w8_jooq(JooqState s) { return s.impl.postWithFirstComment(s.authorId()); }
  @Benchmark public Object w8_hibernate(HibernateState s) { return s.impl.postAndComment(s.authorId()); }
}
