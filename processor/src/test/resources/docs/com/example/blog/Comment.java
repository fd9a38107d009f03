package com.example.blog;

import io.ecto4j.changeset.Changeset;
import io.ecto4j.schema.BelongsTo;
import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;
import io.ecto4j.schema.Timestamps;
import java.util.Map;

/** A comment on a {@link Post}, by a {@link User} or a named guest. */
@Schema("comments")
@Timestamps
public interface Comment {
  @Field(type = "text") String body();
  @Field String authorName();
  @Field(defaultValue = "false") boolean approved();
  @BelongsTo(nullable = false) Post post();
  @BelongsTo User user();

  static Changeset<CommentStruct> changeset(CommentStruct comment, Map<String, ?> params) {
    return Changeset.cast(comment, params, Comments.BODY, Comments.AUTHOR_NAME).validateRequired(Comments.BODY);
  }
}
