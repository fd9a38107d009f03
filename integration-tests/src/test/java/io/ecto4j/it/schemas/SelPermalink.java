package io.ecto4j.it.schemas;

import io.ecto4j.schema.BelongsTo;
import io.ecto4j.schema.Field;
import io.ecto4j.schema.HasMany;
import io.ecto4j.schema.Schema;
import java.util.List;

/** Ecto's integration Permalink: its url is stored in a column of another name (Ecto's field source). */
@Schema("sel_permalinks")
public interface SelPermalink {
  Long id();

  @Field(column = "uniform_resource_locator") String url();

  @BelongsTo SelPost post();

  @BelongsTo SelUser user();

  /** Ecto's post_comments_authors: through post, then the post's own through association. */
  @HasMany(through = {"post", "commentsAuthors"}) List<SelUser> postCommentsAuthors();
  /** Ecto's user_posts: has_many through the user, then the user's posts. */
  @HasMany(through = {"user", "posts"}) List<SelPost> userPosts();
}
