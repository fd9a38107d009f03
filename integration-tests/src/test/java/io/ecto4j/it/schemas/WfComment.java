package io.ecto4j.it.schemas;

import io.ecto4j.schema.BelongsTo;
import io.ecto4j.schema.Field;
import io.ecto4j.schema.HasMany;
import io.ecto4j.schema.Schema;
import io.ecto4j.schema.Where;
import java.util.List;

/**
 * Ecto's planner_test.exs Comment: its {@code post} and {@code comment_posts}, and
 * {@code livePost}, a belongs_to whose parent must not be archived ({@code where: [archived_at: nil]}).
 */
@Schema("wf_comments")
public interface WfComment {
  @Field String text();

  @Field WfState state();

  @Field int votes();

  @BelongsTo WfPost post();

  @BelongsTo(foreignKey = "live_post_id", where = @Where(column = "archived_at", isNil = true)) WfPost livePost();

  @HasMany(foreignKey = "comment_id") List<WfCommentPost> commentPosts();
}
