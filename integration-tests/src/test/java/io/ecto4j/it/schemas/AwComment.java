package io.ecto4j.it.schemas;

import io.ecto4j.schema.BelongsTo;
import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;
import io.ecto4j.schema.Where;

/**
 * Ecto's planner_test.exs Comment: {@code crazyPost} is its
 * {@code belongs_to :crazy_post, Post, where: [title: "crazypost"]} and {@code crazyPostWithList} its
 * {@code belongs_to :crazy_post_with_list, Post, where: [title: {:in, ["crazypost1", "crazypost2"]}]}
 * (over a column of its own, where Ecto's shares {@code crazy_post_id}).
 */
@Schema("aw_comments")
public interface AwComment {
  @Field String text();

  @BelongsTo AwPost post();

  @BelongsTo(whereColumn = "title", whereValue = "crazypost") AwPost crazyPost();

  @BelongsTo(where = @Where(column = "title", in = {"crazypost1", "crazypost2"})) AwPost crazyPostWithList();
}
