package io.ecto4j.bench.impl;

import io.ecto4j.bench.Inputs;
import io.ecto4j.bench.hibernate.HComment;
import io.ecto4j.bench.hibernate.HPost;
import io.ecto4j.bench.hibernate.HUser;
import io.ecto4j.bench.model.CommentRow;
import io.ecto4j.bench.model.PostGraph;
import io.ecto4j.bench.model.PostRow;
import io.ecto4j.bench.model.PostWithComment;
import io.ecto4j.bench.model.TopPost;
import io.ecto4j.bench.model.UserRow;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;

/**
 * Hibernate ORM 7, its idiomatic best: a session per operation on the same pool, JDBC batching,
 * join fetch for W5; plus the naive lazy N+1 for W5 as a reference.
 */
public final class Hibernate implements Workloads {
  private final SessionFactory sessions;

  public Hibernate(DataSource pool) {
    Configuration cfg = new Configuration()
        .addAnnotatedClass(HUser.class).addAnnotatedClass(HPost.class).addAnnotatedClass(HComment.class);
    cfg.getProperties().put("hibernate.connection.datasource", pool);
    cfg.setProperty("hibernate.jdbc.batch_size", "50");
    cfg.setProperty("hibernate.order_inserts", "true");
    cfg.setProperty("hibernate.show_sql", "false");
    cfg.setProperty("hibernate.hbm2ddl.auto", "none");
    cfg.setProperty("hibernate.connection.provider_disables_autocommit", "false");
    this.sessions = cfg.buildSessionFactory();
  }

  public HPost get(long id) {
    return sessions.fromSession(s -> s.find(HPost.class, id));
  }

  public List<HPost> popular() {
    return sessions.fromSession(s -> s.createSelectionQuery(
            "from HPost p where p.published = true and p.viewCount > :views order by p.insertedAt desc", HPost.class)
        .setParameter("views", Inputs.W2_MIN_VIEWS)
        .setMaxResults(Inputs.W2_LIMIT)
        .getResultList());
  }

  public HPost insert(long authorId) {
    return sessions.fromTransaction(s -> persistPost(s, authorId));
  }

  private static HPost persistPost(Session s, long authorId) {
    PostRow row = Inputs.newPost(authorId);
    HPost p = new HPost();
    p.title = row.title();
    p.body = row.body();
    p.published = row.published();
    p.viewCount = row.viewCount();
    p.author = s.getReference(HUser.class, authorId);
    p.insertedAt = row.insertedAt();
    p.updatedAt = row.updatedAt();
    s.persist(p);
    return p;
  }

  private static HComment persistComment(Session s, HPost post, CommentRow row) {
    HComment c = new HComment();
    c.body = row.body();
    c.post = post;
    c.insertedAt = row.insertedAt();
    c.updatedAt = row.updatedAt();
    s.persist(c);
    return c;
  }

  @Override
  public long insertComments() {
    return sessions.fromTransaction(s -> {
      HPost post = s.getReference(HPost.class, 1L);
      long n = 0;
      for (CommentRow row : Inputs.comments()) {
        persistComment(s, post, row);
        n++;
      }
      return n;
    });
  }

  /** W5, best: one statement with two join fetches. */
  public List<HPost> graphs() {
    return sessions.fromSession(s -> s.createSelectionQuery(
            "select distinct p from HPost p join fetch p.author left join fetch p.comments"
                + " where p.id <= :last order by p.id", HPost.class)
        .setParameter("last", Inputs.W5_POSTS)
        .getResultList());
  }

  /** W5, naive: lazy loading, one query per author and per post's comments. */
  public List<HPost> graphsLazy() {
    return sessions.fromSession(s -> {
      List<HPost> posts = s.createSelectionQuery("from HPost p where p.id <= :last order by p.id", HPost.class)
          .setParameter("last", Inputs.W5_POSTS)
          .getResultList();
      for (HPost p : posts) {
        p.author.getName().length();
        p.comments.size();
      }
      return posts;
    });
  }

  @Override
  public List<TopPost> topPosts() {
    return sessions.fromSession(s -> s.createSelectionQuery(
            "select new io.ecto4j.bench.model.TopPost(p.id, p.title, count(c.id)) from HPost p join p.comments c"
                + " group by p.id, p.title order by count(c.id) desc, p.id", TopPost.class)
        .setMaxResults(Inputs.W6_LIMIT)
        .getResultList());
  }

  @Override
  public long bumpViews(long authorId) {
    return sessions.fromTransaction(s -> s.createMutationQuery(
            "update HPost p set p.viewCount = p.viewCount + 1 where p.author.id = :author and p.published = true")
        .setParameter("author", authorId)
        .executeUpdate());
  }

  public HComment postAndComment(long authorId) {
    return sessions.fromTransaction(s -> {
      HPost post = persistPost(s, authorId);
      return persistComment(s, post, Inputs.newComment(0));
    });
  }

  // ---- the common shape, for the smoke test (not timed) ----

  @Override
  public PostRow getPost(long id) {
    return row(get(id));
  }

  @Override
  public List<PostRow> popularPosts() {
    return popular().stream().map(Hibernate::row).toList();
  }

  @Override
  public PostRow insertPost(long authorId) {
    return row(insert(authorId));
  }

  @Override
  public List<PostGraph> postsWithAuthorsAndComments() {
    return graphs(graphs());
  }

  public List<PostGraph> postsWithAuthorsAndCommentsLazy() {
    return graphs(graphsLazy());
  }

  private static List<PostGraph> graphs(List<HPost> posts) {
    List<PostGraph> graphs = new ArrayList<>();
    for (HPost p : posts) {
      HUser a = p.author;
      graphs.add(new PostGraph(row(p), new UserRow(a.getId(), a.getName(), a.getEmail(), a.getInsertedAt(), a.getUpdatedAt()),
          p.comments.stream().map(Hibernate::row).toList()));
    }
    return graphs;
  }

  @Override
  public PostWithComment postWithFirstComment(long authorId) {
    HComment c = postAndComment(authorId);
    return new PostWithComment(row(c.post), row(c));
  }

  static PostRow row(HPost p) {
    return p == null ? null
        : new PostRow(p.id, p.title, p.body, p.published, p.viewCount, p.author.getId(), p.insertedAt, p.updatedAt);
  }

  static CommentRow row(HComment c) {
    return new CommentRow(c.id, c.body, c.post.id, c.insertedAt, c.updatedAt);
  }

  @Override
  public void close() {
    sessions.close();
  }

}
