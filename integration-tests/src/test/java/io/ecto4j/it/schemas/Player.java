package io.ecto4j.it.schemas;

import io.ecto4j.schema.BelongsTo;
import io.ecto4j.schema.Field;
import io.ecto4j.schema.ReferenceAction;
import io.ecto4j.schema.Schema;

/** A child whose foreign key names a non-key column of its parent, and whose DDL nilifies it on delete. */
@Schema("players")
public interface Player {
  Long id();

  @Field(nullable = false) String name();

  @BelongsTo(references = "code", foreignKey = "team_code", onDelete = ReferenceAction.NILIFY_ALL) Team team();
}
