package io.ecto4j.it.schemas;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.PrimaryKey;
import io.ecto4j.schema.Schema;

/** Ecto's integration {@code Barebone}: one integer field and no primary key. */
@Schema(value = "src_barebones", primaryKey = @PrimaryKey(type = PrimaryKey.Type.NONE))
public interface SrcBarebone {
  @Field Integer num();
}
