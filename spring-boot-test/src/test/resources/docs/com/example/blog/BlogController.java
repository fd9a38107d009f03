package com.example.blog;

import io.ecto4j.multi.Key;
import io.ecto4j.repo.Repo;

/** What spring.md's and jackson.md's controller methods use but do not show. */
public abstract class BlogController {
  protected static final Key<PostStruct> POST = Key.named("post");
  protected static final Key<CommentStruct> COMMENT = Key.named("comment");

  protected Repo repo;
  protected Blog blog;
}
