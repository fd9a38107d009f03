package com.example.blog;

import io.ecto4j.query.Query;
import io.ecto4j.repo.Repo;

/** What queries.md's composing example calls but does not show. */
public abstract class PostListing {
  protected Repo repo;

  /** The listing's options, each optional. */
  public record Options(Boolean published, Long authorId, Sort sort, Integer limit) {
  }

  /** The listing's orders. */
  public enum Sort { NEWEST, OLDEST }

  protected abstract Query<PostStruct> applyAuthorFilter(Query<PostStruct> query, Long authorId);

  protected abstract Query<PostStruct> applyLimit(Query<PostStruct> query, Integer limit);
}
