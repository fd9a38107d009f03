package com.example.blog;

import io.ecto4j.Result;
import io.ecto4j.changeset.Changeset;
import io.ecto4j.repo.Repo;
import java.util.Map;

/** The blog's context (spring.md's controller calls it): writes through changesets. */
public class Blog {
  private final Repo repo;

  public Blog(Repo repo) {
    this.repo = repo;
  }

  public Result<PostStruct, Changeset<PostStruct>> createPost(Map<String, ?> params) {
    return repo.insert(Post.changeset(new PostStruct(), params));
  }
}
