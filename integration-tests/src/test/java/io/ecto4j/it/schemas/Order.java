package io.ecto4j.it.schemas;

import io.ecto4j.schema.BelongsTo;
import io.ecto4j.schema.Field;
import io.ecto4j.schema.HasMany;
import io.ecto4j.schema.Schema;
import io.ecto4j.schema.Timestamps;
import java.util.List;

/** A shop order, from the lesson's place_order. */
@Schema("orders")
@Timestamps
public interface Order {
  Long id();

  @Field(defaultValue = "pending") String status();

  @BelongsTo User user();

  @HasMany List<LineItem> lineItems();
}
