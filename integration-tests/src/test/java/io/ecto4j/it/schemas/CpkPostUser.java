package io.ecto4j.it.schemas;

import io.ecto4j.schema.BelongsTo;
import io.ecto4j.schema.PrimaryKey;
import io.ecto4j.schema.Schema;
import io.ecto4j.schema.Timestamps;

/** Ecto's {@code PostUserCompositePk}: keyed by its two parents, {@code belongs_to …, primary_key: true}. */
@Schema(value = "cpk_posts_users", primaryKey = @PrimaryKey(type = PrimaryKey.Type.NONE))
@Timestamps
public interface CpkPostUser {
  @BelongsTo(primaryKey = true) CpkUser user();

  @BelongsTo(primaryKey = true) CpkPost post();
}
