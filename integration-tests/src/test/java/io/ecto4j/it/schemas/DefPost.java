package io.ecto4j.it.schemas;

import io.ecto4j.schema.BelongsTo;
import io.ecto4j.schema.Field;
import io.ecto4j.schema.ManyToMany;
import io.ecto4j.schema.Schema;
import java.util.List;

/** A post whose new author starts from declared defaults. */
@Schema("def_posts")
public interface DefPost {
  @Field String title();

  @Field String body();

  @BelongsTo(defaults = DefDefaults.GuestAuthor.class) DefAuthor author();

  @ManyToMany(joinThrough = "def_posts_tags", defaults = DefDefaults.TagFromPost.class) List<DefTag> tags();
}
