package io.ecto4j.it.schemas;

import io.ecto4j.schema.BelongsTo;
import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;

/** Ecto's integration Post with its unique {@code uuid} column. */
@Schema("jr_articles")
public interface JrArticle {
  @Field String title();

  @Field java.util.UUID uuid();

  @BelongsTo JrWriter writer();
}
