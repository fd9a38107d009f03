package io.ecto4j.it.schemas;

import io.ecto4j.schema.BelongsTo;
import io.ecto4j.schema.Field;
import io.ecto4j.schema.HasMany;
import io.ecto4j.schema.HasOne;
import io.ecto4j.schema.ManyToMany;
import io.ecto4j.schema.Schema;
import java.util.List;

/** Ecto's integration Post, for the selection and association-join tests of issue #18. */
@Schema("sel_posts")
public interface SelPost {
  Long id();

  @Field String title();

  @Field Integer counter();

  @BelongsTo SelUser author();

  @HasMany(foreignKey = "post_id") List<SelComment> comments();

  @HasOne(foreignKey = "post_id") SelPermalink permalink();

  /** Ecto's comments_authors: has_many through comments, then each comment's author. */
  @HasMany(through = {"comments", "author"}) List<SelUser> commentsAuthors();

  @ManyToMany(joinThrough = "sel_posts_users", joinKey = "post_id", inverseJoinKey = "user_id") List<SelUser> users();

  /** Ecto's users_comments: has_many through a many_to_many, then the users' comments. */
  @HasMany(through = {"users", "comments"}) List<SelComment> usersComments();
}
