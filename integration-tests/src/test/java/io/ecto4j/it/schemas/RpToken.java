package io.ecto4j.it.schemas;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.PrimaryKey;
import io.ecto4j.schema.Schema;
import java.util.UUID;

/** Ecto's integration {@code Custom}: a {@code :binary_id} key ({@code bid}) and a unique UUID column. */
@Schema(value = "rp_tokens", primaryKey = @PrimaryKey(name = "bid", type = PrimaryKey.Type.UUID))
public interface RpToken {
  UUID bid();

  @Field(unique = true) UUID uuid();
}
