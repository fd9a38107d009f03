package io.ecto4j.it.schemas;

import io.ecto4j.schema.BelongsTo;
import io.ecto4j.schema.Field;
import io.ecto4j.schema.PrimaryKey;
import io.ecto4j.schema.ReferenceAction;
import io.ecto4j.schema.Schema;
import io.ecto4j.schema.Timestamps;

/**
 * A join schema without a key of its own, Ecto's {@code PostUserCompositePk}: timestamps and a
 * default column the join rows must get; the tests add a unique index over the two keys.
 */
@Schema(value = "jr_post_users", primaryKey = @PrimaryKey(type = PrimaryKey.Type.NONE))
@Timestamps
public interface JrPostUser {
  @BelongsTo(nullable = false, onDelete = ReferenceAction.DELETE_ALL) JrPost post();

  @BelongsTo(nullable = false, onDelete = ReferenceAction.DELETE_ALL) JrUser user();

  @Field(defaultValue = "member") String role();
}
