package io.ecto4j.it.schemas;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.ManyToMany;
import io.ecto4j.schema.PrimaryKey;
import io.ecto4j.schema.ReferenceAction;
import io.ecto4j.schema.Schema;
import java.util.List;

/**
 * Ecto's integration Custom: a UUID key ({@code :binary_id}) and a many_to_many to itself through
 * {@code jr_customs_customs(custom_id1, custom_id2)}.
 */
@Schema(value = "jr_customs", primaryKey = @PrimaryKey(name = "bid", type = PrimaryKey.Type.UUID))
public interface JrCustom {
  @Field java.util.UUID uuid();

  @ManyToMany(joinThrough = "jr_customs_customs", joinKey = "custom_id1", inverseJoinKey = "custom_id2",
      onDelete = ReferenceAction.DELETE_ALL)
  List<JrCustom> customs();
}
