package io.ecto4j.it.schemas;

import io.ecto4j.schema.BelongsTo;
import io.ecto4j.schema.Field;
import io.ecto4j.schema.HasMany;
import io.ecto4j.schema.ManyToMany;
import io.ecto4j.schema.Schema;
import io.ecto4j.schema.Timestamps;
import java.time.Instant;
import java.util.List;

@Schema("posts")
@Timestamps
public interface Post {
  Long id();

  @Field String title();

  @Field(type = "text") String body();

  @Field(defaultValue = "false") boolean published();

  @Field(defaultValue = "0") int viewCount();

  @Field Instant publishedAt();

  @BelongsTo User author();

  @HasMany List<Comment> comments();

  @ManyToMany(joinThrough = "posts_tags") List<Tag> tags();

  /** The users who commented: has_many through comments, then each comment's user. */
  @HasMany(through = {"comments", "user"}) List<User> commenters();
}
