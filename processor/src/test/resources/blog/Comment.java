package blog;

import io.ecto4j.schema.BelongsTo;
import io.ecto4j.schema.Field;
import io.ecto4j.schema.ReferenceAction;
import io.ecto4j.schema.Schema;
import io.ecto4j.schema.Timestamps;

@Schema("comments")
@Timestamps
public interface Comment {
  @Field(type = "text") String body();
  @BelongsTo(nullable = false, onDelete = ReferenceAction.DELETE_ALL) Post post();
}
