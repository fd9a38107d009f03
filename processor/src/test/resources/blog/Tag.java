package blog;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.ManyToMany;
import io.ecto4j.schema.PrimaryKey;
import io.ecto4j.schema.Schema;
import java.util.List;
import java.util.UUID;

@Schema(value = "tags", primaryKey = @PrimaryKey(type = PrimaryKey.Type.UUID))
public interface Tag {
  UUID id();
  @Field(nullable = false) String name();
  @ManyToMany(joinThrough = "posts_tags") List<Post> posts();
}
