package io.ecto4j.bench.impl;

import io.ecto4j.bench.Inputs;
import io.ecto4j.bench.model.CommentRow;
import io.ecto4j.bench.model.PostGraph;
import io.ecto4j.bench.model.PostRow;
import io.ecto4j.bench.model.PostWithComment;
import io.ecto4j.bench.model.TopPost;
import io.ecto4j.bench.model.UserRow;
import io.ecto4j.bench.schema.CommentStruct;
import io.ecto4j.bench.schema.Comments;
import io.ecto4j.bench.schema.PostStruct;
import io.ecto4j.bench.schema.Posts;
import io.ecto4j.bench.schema.UserStruct;
import io.ecto4j.bench.schema.Users;
import io.ecto4j.changeset.Changeset;
import io.ecto4j.multi.Changes;
import io.ecto4j.multi.Key;
import io.ecto4j.multi.Multi;
import io.ecto4j.query.Aggregate;
import io.ecto4j.query.Alias;
import io.ecto4j.query.Query;
import io.ecto4j.query.Update;
import io.ecto4j.repo.Repo;
import io.ecto4j.repo.WriteOptions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;

/**
 * ecto4j as a user writes it, the way the docs teach: the generated schema classes, the query DSL,
 * changesets declaring the constraints the database has (the foreign keys of W3's and W8's rows:
 * {@code assocConstraint}; the blog's tables have no unique index besides the keys, so there is no
 * {@code uniqueConstraint} to declare) and Multi.
 */
public final class Ecto implements Workloads {
  private static final Key<PostStruct> POST = Key.named("post");
  private static final Key<CommentStruct> COMMENT = Key.named("comment");
  private static final Alias<UserStruct> AUTHOR = Alias.of(Users.SCHEMA, "a");

  private final Repo repo;
  private final List<CommentStruct> comments = Inputs.comments().stream().map(Ecto::struct).toList();

  public Ecto(DataSource pool) {
    this.repo = Repo.of(pool);
  }

  public PostStruct get(long id) {
    return repo.get(Posts.SCHEMA, id).orElse(null);
  }

  public List<PostStruct> popular() {
    return repo.all(popularQuery());
  }

  /** W2's query, also what the replica benchmark reads. */
  public static Query<PostStruct> popularQuery() {
    return Posts.query()
        .where(Posts.PUBLISHED.eq(true).and(Posts.VIEW_COUNT.gt(Inputs.W2_MIN_VIEWS)))
        .orderBy(Posts.INSERTED_AT.desc())
        .limit(Inputs.W2_LIMIT);
  }

  public PostStruct insert(long authorId) {
    return repo.insert(postChangeset(authorId)).orElseThrow();
  }

  private static Changeset<PostStruct> postChangeset(long authorId) {
    PostRow p = Inputs.newPost(authorId);
    return Changeset.change(new PostStruct().withTitle(p.title()).withBody(p.body()).withPublished(p.published())
            .withAuthorId(p.authorId()).withInsertedAt(p.insertedAt()).withUpdatedAt(p.updatedAt()))
        .validateRequired(Posts.TITLE, Posts.AUTHOR_ID)
        .assocConstraint(Posts.AUTHOR);
  }

  @Override
  public long insertComments() {
    return repo.insertAll(Comments.SCHEMA, comments, WriteOptions.defaults().timestamps());
  }

  /**
   * W5 as docs/associations.md recommends: the to-one author join-preloaded from the main statement,
   * the to-many comments of many parents by a separate query — two statements.
   */
  public List<PostStruct> graphs() {
    return repo.all(Posts.query()
        .join(Posts.AUTHOR, AUTHOR)
        .where(Posts.ID.le(Inputs.W5_POSTS))
        .orderBy(Posts.ID.asc())
        .preload(Posts.AUTHOR, AUTHOR)
        .preload(Posts.COMMENTS));
  }

  @Override
  public List<TopPost> topPosts() {
    return repo.all(Posts.query()
        .join(Posts.COMMENTS)
        .groupBy(Posts.ID)
        .orderBy(Aggregate.count(Comments.ID).desc(), Posts.ID.asc())
        .limit(Inputs.W6_LIMIT)
        .select(TopPost::new, Posts.ID, Posts.TITLE, Aggregate.count(Comments.ID)));
  }

  @Override
  public long bumpViews(long authorId) {
    return repo.updateAll(Posts.query().where(Posts.AUTHOR_ID.eq(authorId).and(Posts.PUBLISHED.eq(true))),
        Update.inc(Posts.VIEW_COUNT, 1));
  }

  public Changes postAndComment(long authorId) {
    return repo.transaction(Multi.create()
        .insert(POST, postChangeset(authorId))
        .insert(COMMENT, changes -> Changeset.change(struct(Inputs.newComment(changes.get(POST).id())))
            .assocConstraint(Comments.POST)))
        .orElseThrow();
  }

  private static CommentStruct struct(CommentRow c) {
    return new CommentStruct().withBody(c.body()).withPostId(c.postId())
        .withInsertedAt(c.insertedAt()).withUpdatedAt(c.updatedAt());
  }

  // ---- the common shape, for the smoke test (not timed) ----

  @Override
  public PostRow getPost(long id) {
    return row(get(id));
  }

  @Override
  public List<PostRow> popularPosts() {
    return popular().stream().map(Ecto::row).toList();
  }

  @Override
  public PostRow insertPost(long authorId) {
    return row(insert(authorId));
  }

  @Override
  public List<PostGraph> postsWithAuthorsAndComments() {
    List<PostGraph> graphs = new ArrayList<>();
    for (PostStruct p : graphs()) {
      UserStruct a = p.author();
      List<CommentRow> cs = p.comments().stream().map(c -> row((CommentStruct) c))
          .sorted(Comparator.comparing(CommentRow::id)).toList();
      graphs.add(new PostGraph(row(p), new UserRow(a.id(), a.name(), a.email(), a.insertedAt(), a.updatedAt()), cs));
    }
    return graphs;
  }

  @Override
  public PostWithComment postWithFirstComment(long authorId) {
    Changes changes = postAndComment(authorId);
    return new PostWithComment(row(changes.get(POST)), row(changes.get(COMMENT)));
  }

  static PostRow row(PostStruct p) {
    return p == null ? null : new PostRow(p.id(), p.title(), p.body(), p.published(), p.viewCount(), p.authorId(),
        p.insertedAt(), p.updatedAt());
  }

  static CommentRow row(CommentStruct c) {
    return new CommentRow(c.id(), c.body(), c.postId(), c.insertedAt(), c.updatedAt());
  }

  @Override
  public void close() {}
}
