package io.ecto4j.it.schemas;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.HasMany;
import io.ecto4j.schema.HasOne;
import io.ecto4j.schema.OnReplace;
import io.ecto4j.schema.Schema;
import io.ecto4j.schema.Timestamps;
import java.util.List;

/**
 * An author whose update runs when only its children change, Ecto's {@code force_update_on_change}
 * (true by default); {@code quietPosts} declares it false.
 */
@Schema("fuc_authors")
@Timestamps
public interface FucAuthor {
  @Field String name();

  @HasOne(foreignKey = "author_id", onReplace = OnReplace.DELETE) FucProfile profile();

  @HasMany(foreignKey = "author_id", onReplace = OnReplace.DELETE) List<FucPost> posts();

  @HasMany(foreignKey = "author_id", onReplace = OnReplace.DELETE, forceUpdateOnChange = false)
  List<FucPost> quietPosts();
}
