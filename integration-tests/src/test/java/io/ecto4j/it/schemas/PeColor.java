package io.ecto4j.it.schemas;

import io.ecto4j.schema.BelongsTo;
import io.ecto4j.schema.Embedded;
import io.ecto4j.schema.Field;
import io.ecto4j.schema.PrimaryKey;

/** An item's colour, embedded in the embedded item, chosen by a user: a preload two embeds deep. */
@Embedded(primaryKey = @PrimaryKey(type = PrimaryKey.Type.NONE))
public interface PeColor {
  @Field String name();

  @BelongsTo User chooser();
}
