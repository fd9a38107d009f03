package io.ecto4j.it.schemas;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;
import java.util.UUID;

/** Ecto's integration {@code Post}, the fields its values-list and fragment-source tests read: bid, visits, title. */
@Schema("src_posts")
public interface SrcPost {
  Long id();

  @Field String title();

  @Field UUID bid();

  @Field Integer visits();
}
