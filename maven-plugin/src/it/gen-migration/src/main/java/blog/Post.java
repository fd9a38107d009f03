package blog;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;
import io.ecto4j.schema.Timestamps;

@Schema("posts")
@Timestamps
public interface Post {
  @Field(unique = true, nullable = false) String title();

  @Field(type = "text") String body();

  @Field(defaultValue = "0") int viewCount();

  @Field(redact = true) String secret();
}
