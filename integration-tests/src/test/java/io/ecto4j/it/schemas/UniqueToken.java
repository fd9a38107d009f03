package io.ecto4j.it.schemas;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;
import java.util.UUID;

/** A unique UUID column, Ecto's {@code Custom} schema with its unique {@code uuid}. */
@Schema("unique_tokens")
public interface UniqueToken {
  @Field(unique = true) UUID token();
}
