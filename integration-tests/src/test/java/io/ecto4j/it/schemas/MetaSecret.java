package io.ecto4j.it.schemas;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;

/** Ecto's {@code @schema_redact :all_except_primary_keys}: every field hidden but the key, and those said otherwise. */
@Schema(value = "meta_secrets", redact = Schema.Redact.ALL_EXCEPT_PRIMARY_KEYS)
public interface MetaSecret {
  Long id();

  @Field String username();

  @Field String password();

  @Field(redact = false) String label();
}
