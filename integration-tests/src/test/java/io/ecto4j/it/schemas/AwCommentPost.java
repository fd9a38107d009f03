package io.ecto4j.it.schemas;

import io.ecto4j.schema.BelongsTo;
import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;

/** Ecto's planner_test.exs CommentPost, the join schema whose {@code deleted} rows {@code joinWhere} filters. */
@Schema("aw_comment_posts")
public interface AwCommentPost {
  @BelongsTo AwComment comment();

  @BelongsTo AwPost post();

  @Field(defaultValue = "false") boolean deleted();
}
