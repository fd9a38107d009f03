package io.ecto4j.it.schemas;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.HasOne;
import io.ecto4j.schema.Schema;

/** Ecto's {@code Post} as far as {@code has_one :post_user_composite_pk} goes. */
@Schema("cpk_posts")
public interface CpkPost {
  @Field String title();

  @HasOne(foreignKey = "post_id") CpkPostUser postUser();
}
