package io.ecto4j.it.schemas;

import io.ecto4j.schema.Embedded;
import io.ecto4j.schema.Field;
import io.ecto4j.schema.PrimaryKey;
import java.util.List;

/** An embed of a custom type and of remapped enums: how each is written inside the JSON. */
@Embedded(primaryKey = @PrimaryKey(type = PrimaryKey.Type.NONE))
public interface EmbedTyped {
  @Field(using = CtEmail.Type.class) CtEmail contact();

  @Field TicketStatus status();

  @Field List<TicketStatus> history();
}
