package io.ecto4j.it.schemas;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.HasMany;
import io.ecto4j.schema.ManyToMany;
import io.ecto4j.schema.Schema;
import io.ecto4j.schema.Where;
import java.util.List;

/**
 * Ecto's planner_test.exs Post with filtered associations: {@code crazyComments}, Ecto's
 * {@code many_to_many :crazy_comments_with_list, where: …, join_where: [deleted: true]}, filters
 * both the comments and the join rows; {@code crazyCommentsWithList} is that association as Ecto
 * declares it, with {@code where: [text: {:in, […]}]}; {@code deletedLinks} filters only the join
 * rows; {@code comments} is the plain has_many.
 */
@Schema("aw_posts")
public interface AwPost {
  @Field String title();

  @HasMany(foreignKey = "post_id") List<AwComment> comments();

  @ManyToMany(joinSchema = AwCommentPost.class, joinKey = "post_id", inverseJoinKey = "comment_id",
      whereColumn = "text", whereValue = "crazycomment", joinWhereColumn = "deleted", joinWhereValue = "true",
      preloadOrder = "id")
  List<AwComment> crazyComments();

  @ManyToMany(joinSchema = AwCommentPost.class, joinKey = "post_id", inverseJoinKey = "comment_id",
      where = @Where(column = "text", in = {"crazycomment1", "crazycomment2"}),
      joinWhere = @Where(column = "deleted", equal = "true"), preloadOrder = "id")
  List<AwComment> crazyCommentsWithList();

  @ManyToMany(joinSchema = AwCommentPost.class, joinKey = "post_id", inverseJoinKey = "comment_id",
      joinWhereColumn = "deleted", joinWhereValue = "true", preloadOrder = "id")
  List<AwComment> deletedLinks();
}
