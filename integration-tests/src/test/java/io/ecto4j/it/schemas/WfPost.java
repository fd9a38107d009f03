package io.ecto4j.it.schemas;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.HasMany;
import io.ecto4j.schema.HasOne;
import io.ecto4j.schema.ManyToMany;
import io.ecto4j.schema.Schema;
import io.ecto4j.schema.Where;
import java.time.Instant;
import java.util.List;

/**
 * Ecto's planner_test.exs Post with an association of each filter kind (issue #18):
 * {@code specialComments} is its {@code has_many :special_comments, where: [text: {:not, nil}]}; the
 * others test {@code nil}, {@code {:in, list}} with a negated list, a negated equality, a fragment on
 * a has_one, and a many-to-many's {@code where} and {@code join_where}.
 */
@Schema("wf_posts")
public interface WfPost {
  @Field String title();

  @Field Instant archivedAt();

  @HasMany(foreignKey = "post_id", where = @Where(column = "text", notNil = true)) List<WfComment> specialComments();

  @HasMany(foreignKey = "post_id", where = @Where(column = "text", isNil = true)) List<WfComment> blankComments();

  @HasMany(foreignKey = "post_id", where = {@Where(column = "state", in = {"NEW", "SEEN"}),
      @Where(column = "votes", notIn = {"0"})}) List<WfComment> visibleComments();

  @HasMany(foreignKey = "post_id", where = @Where(column = "state", notEqual = "SPAM")) List<WfComment> hamComments();

  @HasOne(foreignKey = "post_id", where = @Where(column = "text", fragment = "length(?) > 100")) WfComment longComment();

  @ManyToMany(joinSchema = WfCommentPost.class, joinKey = "post_id", inverseJoinKey = "comment_id",
      where = @Where(column = "state", notIn = "SPAM"), joinWhere = @Where(column = "removed_at", isNil = true),
      preloadOrder = "id")
  List<WfComment> linkedComments();
}
