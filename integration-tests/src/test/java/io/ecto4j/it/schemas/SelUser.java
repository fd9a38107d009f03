package io.ecto4j.it.schemas;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.HasMany;
import io.ecto4j.schema.HasOne;
import io.ecto4j.schema.ManyToMany;
import io.ecto4j.schema.Schema;
import java.util.List;

/** Ecto's integration User: writes comments and posts, owns permalinks. */
@Schema("sel_users")
public interface SelUser {
  Long id();

  @Field String name();

  @HasMany(foreignKey = "author_id") List<SelComment> comments();

  @HasMany(foreignKey = "author_id") List<SelPost> posts();

  @HasOne(foreignKey = "user_id") SelPermalink permalink();

  @ManyToMany(joinThrough = "sel_posts_users", joinKey = "user_id", inverseJoinKey = "post_id") List<SelPost> memberOf();
}
