package io.ecto4j.bench.impl;

import io.ecto4j.bench.model.PostGraph;
import io.ecto4j.bench.model.PostRow;
import io.ecto4j.bench.model.PostWithComment;
import io.ecto4j.bench.model.TopPost;
import java.util.List;

/**
 * W1–W8 with results in one shape, so the smoke test can compare implementations. JDBC and jOOQ
 * materialise these rows directly; ecto4j and Hibernate materialise their own objects (timed) and
 * convert here (not timed).
 */
public interface Workloads extends AutoCloseable {
  /** W1: a post by id. */
  PostRow getPost(long id);

  /** W2: published posts with more than 100 views, newest first, 100 of them. */
  List<PostRow> popularPosts();

  /** W3: insert one post, returning it with its id and timestamps. */
  PostRow insertPost(long authorId);

  /** W4: insert 1,000 comments in one call; the number inserted. */
  long insertComments();

  /** W5: posts 1–100 with their authors and comments, one query per association. */
  List<PostGraph> postsWithAuthorsAndComments();

  /** W6: the five posts with most comments (ties by id). */
  List<TopPost> topPosts();

  /** W7: add one to the view count of an author's published posts; the rows updated. */
  long bumpViews(long authorId);

  /** W8: a post and its first comment in one transaction. */
  PostWithComment postWithFirstComment(long authorId);

  @Override
  void close();
}
