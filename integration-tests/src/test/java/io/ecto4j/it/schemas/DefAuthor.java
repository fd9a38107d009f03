package io.ecto4j.it.schemas;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.HasMany;
import io.ecto4j.schema.HasOne;
import io.ecto4j.schema.Schema;
import java.util.List;

/** An author whose new posts and profile start from declared defaults, Ecto's association {@code defaults:}. */
@Schema("def_authors")
public interface DefAuthor {
  @Field String name();

  @HasMany(foreignKey = "author_id", defaults = DefDefaults.DraftPost.class) List<DefPost> posts();

  @HasOne(foreignKey = "author_id", defaults = DefDefaults.OwnedProfile.class) DefProfile profile();
}
