package io.ecto4j.it.schemas;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;

/** Ecto's integration {@code Comment} as type.exs "tagged types" uses it: a text naming its post. */
@Schema("iv_comments")
public interface IvComment {
  @Field String text();

  @Field Long postId();
}
