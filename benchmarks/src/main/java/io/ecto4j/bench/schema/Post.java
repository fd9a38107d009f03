package io.ecto4j.bench.schema;

import io.ecto4j.schema.BelongsTo;
import io.ecto4j.schema.Field;
import io.ecto4j.schema.HasMany;
import io.ecto4j.schema.Schema;
import io.ecto4j.schema.Timestamps;
import java.util.List;

/** A blog post, the centre of every workload. */
@Schema("posts")
@Timestamps
public interface Post {
  Long id();
  @Field String title();
  @Field(type = "text") String body();
  @Field(defaultValue = "false") boolean published();
  @Field(defaultValue = "0") int viewCount();
  @BelongsTo User author();
  @HasMany List<Comment> comments();
}
