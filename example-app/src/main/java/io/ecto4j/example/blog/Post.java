package io.ecto4j.example.blog;

import io.ecto4j.changeset.Changeset;
import io.ecto4j.changeset.Length;
import io.ecto4j.example.accounts.User;
import io.ecto4j.schema.BelongsTo;
import io.ecto4j.schema.Field;
import io.ecto4j.schema.HasMany;
import io.ecto4j.schema.ManyToMany;
import io.ecto4j.schema.Schema;
import io.ecto4j.schema.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A blog post, the lesson's {@code MyApp.Blog.Post}. */
@Schema("posts")
@Timestamps
public interface Post {
  Long id();

  @Field(unique = true) String title();

  @Field(type = "text") String body();

  @Field(defaultValue = "false") boolean published();

  @Field(defaultValue = "0") int viewCount();

  @Field Instant publishedAt();

  @BelongsTo User author();

  @HasMany List<Comment> comments();

  @ManyToMany(joinThrough = "posts_tags") List<Tag> tags();

  /** The exercise's rules: a title of 5+ characters, a body of 20+, a unique title. */
  static Changeset<PostStruct> changeset(PostStruct post, Map<String, ?> attrs) {
    return Changeset.cast(post, attrs, Posts.TITLE, Posts.BODY, Posts.PUBLISHED, Posts.PUBLISHED_AT, Posts.AUTHOR_ID)
        .validateRequired(Posts.TITLE, Posts.BODY)
        .validateLength(Posts.TITLE, Length.min(5), Length.max(200))
        .validateLength(Posts.BODY, Length.min(20))
        .uniqueConstraint(Posts.TITLE)
        .assocConstraint(Posts.AUTHOR);
  }
}
