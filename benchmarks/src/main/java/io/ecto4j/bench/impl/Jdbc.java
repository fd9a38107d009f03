package io.ecto4j.bench.impl;

import io.ecto4j.bench.Inputs;
import io.ecto4j.bench.model.CommentRow;
import io.ecto4j.bench.model.PostGraph;
import io.ecto4j.bench.model.PostRow;
import io.ecto4j.bench.model.PostWithComment;
import io.ecto4j.bench.model.TopPost;
import io.ecto4j.bench.model.UserRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Hand-written JDBC, the fastest plain JDBC a careful engineer writes: one pooled connection per
 * operation, prepared statements, columns read by position, only what the database generated read
 * back after a write, arrays of primitives where pgjdbc takes them — the practical limit.
 */
public final class Jdbc implements Workloads {
  static final String POST_COLUMNS = "id, title, body, published, view_count, author_id, inserted_at, updated_at";
  private static final String COMMENT_COLUMNS = "id, body, post_id, inserted_at, updated_at";

  private final DataSource pool;
  private final List<CommentRow> comments = Inputs.comments();
  private final String valuesSql = valuesSql(comments.size());

  public Jdbc(DataSource pool) {
    this.pool = pool;
  }

  @Override
  public PostRow getPost(long id) {
    try (Connection c = pool.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT " + POST_COLUMNS + " FROM posts WHERE id = ?")) {
      s.setLong(1, id);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? post(rs, 0) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public List<PostRow> popularPosts() {
    try (Connection c = pool.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT " + POST_COLUMNS
            + " FROM posts WHERE published = ? AND view_count > ? ORDER BY inserted_at DESC LIMIT ?")) {
      s.setBoolean(1, true);
      s.setInt(2, Inputs.W2_MIN_VIEWS);
      s.setInt(3, Inputs.W2_LIMIT);
      return posts(s);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public PostRow insertPost(long authorId) {
    try (Connection c = pool.getConnection()) {
      return insertPost(c, Inputs.newPost(authorId));
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The client set every column but the id, so only the id comes back: {@code RETURNING id}, read by
   * position, and the row built from what was sent.
   */
  private static PostRow insertPost(Connection c, PostRow p) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("INSERT INTO posts (title, body, published, view_count, author_id,"
        + " inserted_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
      s.setString(1, p.title());
      s.setString(2, p.body());
      s.setBoolean(3, p.published());
      s.setInt(4, p.viewCount());
      s.setLong(5, p.authorId());
      s.setObject(6, utc(p.insertedAt()));
      s.setObject(7, utc(p.updatedAt()));
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return new PostRow(rs.getLong(1), p.title(), p.body(), p.published(), p.viewCount(), p.authorId(),
            p.insertedAt(), p.updatedAt());
      }
    }
  }

  /**
   * W4's baseline, the fastest of the three forms measured (docs/benchmarks.md), and the one that
   * allocates least: one statement whose four parameters are arrays of 1,000, which PostgreSQL
   * unnests into rows. The post ids and the timestamps (as microseconds since the epoch, turned back
   * into {@code timestamptz} by the server) are {@code long[]}, which pgjdbc sends as binary
   * {@code int8[]} without boxing or formatting a date; only the bodies go as text.
   */
  @Override
  public long insertComments() {
    int n = comments.size();
    String[] bodies = new String[n];
    long[] postIds = new long[n];
    long[] inserted = new long[n];
    long[] updated = new long[n];
    for (int i = 0; i < n; i++) {
      CommentRow row = comments.get(i);
      bodies[i] = row.body();
      postIds[i] = row.postId();
      inserted[i] = micros(row.insertedAt());
      updated[i] = micros(row.updatedAt());
    }
    try (Connection c = pool.getConnection();
        PreparedStatement s = c.prepareStatement("INSERT INTO comments (body, post_id, inserted_at, updated_at)"
            + " SELECT b, p, timestamptz 'epoch' + i * interval '1 microsecond',"
            + " timestamptz 'epoch' + u * interval '1 microsecond'"
            + " FROM unnest(?::text[], ?::bigint[], ?::bigint[], ?::bigint[]) AS t (b, p, i, u)")) {
      s.setObject(1, bodies);
      s.setObject(2, postIds);
      s.setObject(3, inserted);
      s.setObject(4, updated);
      return s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long micros(Instant instant) {
    return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
  }

  /** W4 reference: a plain {@code addBatch} loop (pgjdbc sends one Bind/Execute per row in one flush). */
  public long insertCommentsBatch() {
    try (Connection c = pool.getConnection();
        PreparedStatement s = c.prepareStatement(
            "INSERT INTO comments (body, post_id, inserted_at, updated_at) VALUES (?, ?, ?, ?)")) {
      for (CommentRow row : comments) {
        s.setString(1, row.body());
        s.setLong(2, row.postId());
        s.setObject(3, utc(row.insertedAt()));
        s.setObject(4, utc(row.updatedAt()));
        s.addBatch();
      }
      long n = 0;
      for (int count : s.executeBatch()) {
        n += count;
      }
      return n;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * W4 reference: what pgjdbc's {@code reWriteBatchedInserts} produces, written out — one multi-row
   * {@code VALUES} of 4,000 parameters, its SQL built once.
   */
  public long insertCommentsValues() {
    try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(valuesSql)) {
      int p = 0;
      for (CommentRow row : comments) {
        s.setString(++p, row.body());
        s.setLong(++p, row.postId());
        s.setObject(++p, utc(row.insertedAt()));
        s.setObject(++p, utc(row.updatedAt()));
      }
      return s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String valuesSql(int rows) {
    StringBuilder sql = new StringBuilder("INSERT INTO comments (body, post_id, inserted_at, updated_at) VALUES ");
    for (int i = 0; i < rows; i++) {
      sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?)");
    }
    return sql.toString();
  }

  /**
   * W5 in two statements, as a careful engineer writes it: the posts joined to their authors (a
   * to-one: no row repeated), then their comments by {@code post_id = ANY(long[])} in post order,
   * handed out to the posts in one merge pass (both sides sorted by post id), no map and no boxed key.
   */
  @Override
  public List<PostGraph> postsWithAuthorsAndComments() {
    try (Connection c = pool.getConnection()) {
      List<PostRow> posts = new ArrayList<>((int) Inputs.W5_POSTS);
      List<UserRow> authors = new ArrayList<>((int) Inputs.W5_POSTS);
      try (PreparedStatement s = c.prepareStatement("SELECT p.id, p.title, p.body, p.published, p.view_count,"
          + " p.author_id, p.inserted_at, p.updated_at, u.id, u.name, u.email, u.inserted_at, u.updated_at"
          + " FROM posts p JOIN users u ON u.id = p.author_id WHERE p.id <= ? ORDER BY p.id")) {
        s.setLong(1, Inputs.W5_POSTS);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            posts.add(post(rs, 0));
            authors.add(new UserRow(rs.getLong(9), rs.getString(10), rs.getString(11), instant(rs, 12),
                instant(rs, 13)));
          }
        }
      }
      long[] ids = new long[posts.size()];
      for (int i = 0; i < ids.length; i++) {
        ids[i] = posts.get(i).id();
      }
      List<PostGraph> graphs = new ArrayList<>(posts.size());
      try (PreparedStatement s = c.prepareStatement(
          "SELECT " + COMMENT_COLUMNS + " FROM comments WHERE post_id = ANY(?) ORDER BY post_id, id")) {
        s.setObject(1, ids);
        try (ResultSet rs = s.executeQuery()) {
          boolean more = rs.next();
          for (int i = 0; i < ids.length; i++) {
            List<CommentRow> children = new ArrayList<>();
            while (more && rs.getLong(3) == ids[i]) {
              children.add(comment(rs));
              more = rs.next();
            }
            graphs.add(new PostGraph(posts.get(i), authors.get(i), children));
          }
        }
      }
      return graphs;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public List<TopPost> topPosts() {
    try (Connection c = pool.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT p.id, p.title, count(c.id) FROM posts p"
            + " JOIN comments c ON c.post_id = p.id GROUP BY p.id ORDER BY count(c.id) DESC, p.id LIMIT ?")) {
      s.setInt(1, Inputs.W6_LIMIT);
      List<TopPost> top = new ArrayList<>(Inputs.W6_LIMIT);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          top.add(new TopPost(rs.getLong(1), rs.getString(2), rs.getLong(3)));
        }
      }
      return top;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public long bumpViews(long authorId) {
    try (Connection c = pool.getConnection();
        PreparedStatement s = c.prepareStatement(
            "UPDATE posts SET view_count = view_count + ? WHERE author_id = ? AND published = ?")) {
      s.setInt(1, 1);
      s.setLong(2, authorId);
      s.setBoolean(3, true);
      return s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public PostWithComment postWithFirstComment(long authorId) {
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try {
        PostRow post = insertPost(c, Inputs.newPost(authorId));
        CommentRow comment = insertComment(c, Inputs.newComment(post.id()));
        c.commit();
        return new PostWithComment(post, comment);
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static CommentRow insertComment(Connection c, CommentRow row) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("INSERT INTO comments (body, post_id, inserted_at, updated_at)"
        + " VALUES (?, ?, ?, ?) RETURNING id")) {
      s.setString(1, row.body());
      s.setLong(2, row.postId());
      s.setObject(3, utc(row.insertedAt()));
      s.setObject(4, utc(row.updatedAt()));
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return new CommentRow(rs.getLong(1), row.body(), row.postId(), row.insertedAt(), row.updatedAt());
      }
    }
  }

  private static List<PostRow> posts(PreparedStatement s) throws SQLException {
    List<PostRow> rows = new ArrayList<>();
    try (ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        rows.add(post(rs, 0));
      }
    }
    return rows;
  }

  private static PostRow post(ResultSet rs, int at) throws SQLException {
    return new PostRow(rs.getLong(at + 1), rs.getString(at + 2), rs.getString(at + 3), rs.getBoolean(at + 4),
        rs.getInt(at + 5), rs.getLong(at + 6), instant(rs, at + 7), instant(rs, at + 8));
  }

  private static CommentRow comment(ResultSet rs) throws SQLException {
    return new CommentRow(rs.getLong(1), rs.getString(2), rs.getLong(3), instant(rs, 4), instant(rs, 5));
  }

  static Instant instant(ResultSet rs, int column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  @Override
  public void close() {}
}
