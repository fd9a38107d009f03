package io.ecto4j.it.schemas;

import io.ecto4j.schema.BelongsTo;
import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;

/**
 * Ecto's planner_test.exs Comment: {@code crazyPost} is its
 * {@code belongs_to :crazy_post, Post, where: [title: "crazypost"]}.
 */
@Schema("aw_comments")
public interface AwComment {
  @Field String text();

  @BelongsTo AwPost post();

  @BelongsTo(whereColumn = "title", whereValue = "crazypost") AwPost crazyPost();
}
