package io.ecto4j.it.schemas;

import io.ecto4j.schema.BelongsTo;
import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;

/** A child of {@link CtAccount} with a custom-typed field, for preloads. */
@Schema("ct_notes")
public interface CtNote {
  @Field(using = CtEmail.Type.class) CtEmail author();

  @BelongsTo CtAccount ctAccount();
}
