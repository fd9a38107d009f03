package blog;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.HasMany;
import io.ecto4j.schema.Schema;
import io.ecto4j.schema.Timestamps;
import java.util.List;

@Schema("users")
@Timestamps
public interface User {
  @Field(nullable = false) String email();
  @Field String name();
  @Field(defaultValue = "MEMBER") Role role();
  @HasMany(foreignKey = "author_id") List<Post> posts();
}
