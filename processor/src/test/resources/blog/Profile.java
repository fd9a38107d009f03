package blog;

import io.ecto4j.schema.BelongsTo;
import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;

@Schema("profiles")
public interface Profile {
  @Field String bio();
  @BelongsTo User user();
}
