package io.ecto4j.it.schemas;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;

/** A tag of a {@link DefPost}, whose new tags start from declared defaults. */
@Schema("def_tags")
public interface DefTag {
  @Field String name();

  @Field String origin();
}
