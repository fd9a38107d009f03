package io.ecto4j.it.schemas;

import io.ecto4j.schema.BelongsTo;
import io.ecto4j.schema.Field;
import io.ecto4j.schema.PrimaryKey;
import io.ecto4j.schema.Schema;

/** Ecto's {@code MySchemaNoPK}: rows without a primary key, which cannot be reloaded or join-preloaded. */
@Schema(value = "rp_log_lines", primaryKey = @PrimaryKey(type = PrimaryKey.Type.NONE))
public interface RpLogLine {
  @Field Integer n();

  @BelongsTo RpUser user();
}
