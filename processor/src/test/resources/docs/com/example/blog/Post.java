package com.example.blog;

import io.ecto4j.changeset.Changeset;
import io.ecto4j.changeset.Length;
import io.ecto4j.schema.BelongsTo;
import io.ecto4j.schema.Field;
import io.ecto4j.schema.HasMany;
import io.ecto4j.schema.HasOne;
import io.ecto4j.schema.ManyToMany;
import io.ecto4j.schema.Schema;
import io.ecto4j.schema.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The post of the docs' snippets: every field and association a page names. */
@Schema("posts")
@Timestamps
public interface Post {
  Long id();
  @Field(unique = true) String title();
  @Field(type = "text") String body();
  @Field(defaultValue = "false") boolean published();
  @Field(defaultValue = "0") int viewCount();
  @Field Instant publishedAt();
  @Field Instant deletedAt();
  @Field(defaultValue = "1") int lockVersion();
  @Field(virtual = true, redact = true) String password();
  @BelongsTo User author();
  @HasMany List<Comment> comments();
  @HasOne Summary summary();
  @ManyToMany(joinThrough = "posts_tags") List<Tag> tags();

  static Changeset<PostStruct> changeset(PostStruct post, Map<String, ?> params) {
    return Changeset.cast(post, params, Posts.TITLE, Posts.BODY, Posts.PUBLISHED)
        .validateRequired(Posts.TITLE)
        .validateLength(Posts.TITLE, Length.min(3))
        .castAssoc(Posts.AUTHOR, User::registrationChangeset)
        .castAssoc(Posts.COMMENTS, Comment::changeset)
        .uniqueConstraint(Posts.TITLE);
  }
}
