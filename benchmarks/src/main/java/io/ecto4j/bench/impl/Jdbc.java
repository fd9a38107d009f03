package io.ecto4j.bench.impl;

import io.ecto4j.bench.Inputs;
import io.ecto4j.bench.model.CommentRow;
import io.ecto4j.bench.model.PostGraph;
import io.ecto4j.bench.model.PostRow;
import io.ecto4j.bench.model.PostWithComment;
import io.ecto4j.bench.model.TopPost;
import io.ecto4j.bench.model.UserRow;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** Hand-written JDBC: prepared statements, columns read by position — the practical limit. */
public final class Jdbc implements Workloads {
  static final String POST_COLUMNS = "id, title, body, published, view_count, author_id, inserted_at, updated_at";
  private static final String COMMENT_COLUMNS = "id, body, post_id, inserted_at, updated_at";

  private final DataSource pool;
  private final List<CommentRow> comments = Inputs.comments();

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

  private static PostRow insertPost(Connection c, PostRow p) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("INSERT INTO posts (title, body, published, view_count, author_id,"
        + " inserted_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING " + POST_COLUMNS)) {
      s.setString(1, p.title());
      s.setString(2, p.body());
      s.setBoolean(3, p.published());
      s.setInt(4, p.viewCount());
      s.setLong(5, p.authorId());
      s.setObject(6, utc(p.insertedAt()));
      s.setObject(7, utc(p.updatedAt()));
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return post(rs, 0);
      }
    }
  }

  @Override
  public long insertComments() {
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

  @Override
  public List<PostGraph> postsWithAuthorsAndComments() {
    try (Connection c = pool.getConnection()) {
      List<PostRow> posts;
      try (PreparedStatement s = c.prepareStatement("SELECT " + POST_COLUMNS + " FROM posts WHERE id <= ? ORDER BY id")) {
        s.setLong(1, Inputs.W5_POSTS);
        posts = posts(s);
      }
      Map<Long, UserRow> authors = authors(c, posts);
      Map<Long, List<CommentRow>> comments = comments(c, posts);
      List<PostGraph> graphs = new ArrayList<>(posts.size());
      for (PostRow p : posts) {
        graphs.add(new PostGraph(p, authors.get(p.authorId()), comments.getOrDefault(p.id(), List.of())));
      }
      return graphs;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<Long, UserRow> authors(Connection c, List<PostRow> posts) throws SQLException {
    Object[] ids = posts.stream().map(PostRow::authorId).distinct().toArray();
    Map<Long, UserRow> byId = new HashMap<>();
    try (PreparedStatement s = c.prepareStatement(
        "SELECT id, name, email, inserted_at, updated_at FROM users WHERE id = ANY(?)")) {
      Array array = c.createArrayOf("bigint", ids);
      s.setArray(1, array);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          UserRow u = new UserRow(rs.getLong(1), rs.getString(2), rs.getString(3), instant(rs, 4), instant(rs, 5));
          byId.put(u.id(), u);
        }
      }
    }
    return byId;
  }

  private static Map<Long, List<CommentRow>> comments(Connection c, List<PostRow> posts) throws SQLException {
    Object[] ids = posts.stream().map(PostRow::id).toArray();
    Map<Long, List<CommentRow>> byPost = new LinkedHashMap<>();
    try (PreparedStatement s = c.prepareStatement(
        "SELECT " + COMMENT_COLUMNS + " FROM comments WHERE post_id = ANY(?) ORDER BY id")) {
      s.setArray(1, c.createArrayOf("bigint", ids));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          CommentRow row = comment(rs);
          byPost.computeIfAbsent(row.postId(), k -> new ArrayList<>()).add(row);
        }
      }
    }
    return byPost;
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
        + " VALUES (?, ?, ?, ?) RETURNING " + COMMENT_COLUMNS)) {
      s.setString(1, row.body());
      s.setLong(2, row.postId());
      s.setObject(3, utc(row.insertedAt()));
      s.setObject(4, utc(row.updatedAt()));
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return comment(rs);
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
