package io.ecto4j.example.blog;

import io.ecto4j.changeset.Changeset;
import io.ecto4j.changeset.Length;
import io.ecto4j.example.accounts.User;
import io.ecto4j.schema.BelongsTo;
import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;
import io.ecto4j.schema.Timestamps;
import java.util.Map;

/** A comment on a post; {@code user} is set when a registered user wrote it. */
@Schema("comments")
@Timestamps
public interface Comment {
  Long id();

  @Field(type = "text") String body();

  @Field String authorName();

  @BelongsTo(nullable = false) Post post();

  @BelongsTo User user();

  static Changeset<CommentStruct> changeset(CommentStruct comment, Map<String, ?> attrs) {
    return Changeset.cast(comment, attrs, Comments.BODY, Comments.AUTHOR_NAME, Comments.POST_ID, Comments.USER_ID)
        .validateRequired(Comments.BODY, Comments.AUTHOR_NAME)
        .validateLength(Comments.BODY, Length.min(2))
        .assocConstraint(Comments.POST);
  }
}
