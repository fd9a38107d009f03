package io.ecto4j.it.schemas;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.PrimaryKey;
import io.ecto4j.schema.Schema;

/**
 * {@link CpkPair}'s shape on a table created without its primary key constraint (Ecto's
 * {@code CorruptedPk}, with a composite key): a key may be on several rows.
 */
@Schema(value = "cpk_loose_pairs", primaryKey = @PrimaryKey(type = PrimaryKey.Type.NONE))
public interface CpkLoosePair {
  @Field(primaryKey = true) Long a();

  @Field(primaryKey = true) Long b();

  @Field String name();
}
