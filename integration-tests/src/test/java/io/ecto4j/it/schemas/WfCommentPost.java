package io.ecto4j.it.schemas;

import io.ecto4j.schema.BelongsTo;
import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;
import io.ecto4j.schema.Where;
import java.time.Instant;

/**
 * Ecto's planner_test.exs CommentPost: {@code specialComment} is its
 * {@code belongs_to :special_comment, Comment, where: [text: nil]} and {@code specialLongComment} its
 * {@code belongs_to :special_long_comment, Comment, where: [text: {:fragment, "LEN(?) > 100"}]}
 * (PostgreSQL's {@code length}); {@code removedAt} is what {@link WfPost#linkedComments()}'s
 * {@code joinWhere} tests.
 */
@Schema("wf_comment_posts")
public interface WfCommentPost {
  @BelongsTo WfComment comment();

  @BelongsTo WfPost post();

  @BelongsTo(foreignKey = "special_comment_id", where = @Where(column = "text", isNil = true))
  WfComment specialComment();

  @BelongsTo(foreignKey = "special_long_comment_id", where = @Where(column = "text", fragment = "length(?) > 100"))
  WfComment specialLongComment();

  @Field Instant removedAt();
}
