package io.ecto4j.it.schemas;

import io.ecto4j.changeset.Changeset;
import io.ecto4j.schema.Field;
import io.ecto4j.schema.PrimaryKey;
import io.ecto4j.schema.Schema;
import java.util.Map;

/** Ecto's {@code CompositePk}: {@code @primary_key false} and two {@code primary_key: true} fields. */
@Schema(value = "cpk_pairs", primaryKey = @PrimaryKey(type = PrimaryKey.Type.NONE))
public interface CpkPair {
  @Field(primaryKey = true) Long a();

  @Field(primaryKey = true) Long b();

  @Field String name();

  @Field Integer lockVersion();

  static Changeset<CpkPairStruct> changeset(CpkPairStruct pair, Map<String, ?> params) {
    return Changeset.cast(pair, params, CpkPairs.A, CpkPairs.B, CpkPairs.NAME);
  }
}
