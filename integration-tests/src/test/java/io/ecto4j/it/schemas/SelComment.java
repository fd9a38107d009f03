package io.ecto4j.it.schemas;

import io.ecto4j.schema.BelongsTo;
import io.ecto4j.schema.Field;
import io.ecto4j.schema.HasOne;
import io.ecto4j.schema.Schema;

/** Ecto's integration Comment: on a post, by an author. */
@Schema("sel_comments")
public interface SelComment {
  Long id();

  @Field String text();

  @BelongsTo SelPost post();

  @BelongsTo SelUser author();
  /** Ecto's post_permalink: has_one through the post, then its permalink. */
  @HasOne(through = {"post", "permalink"}) SelPermalink postPermalink();
  /** Ecto's author_permalink: has_one through the author, then the author's permalink. */
  @HasOne(through = {"author", "permalink"}) SelPermalink authorPermalink();
}
