package io.ecto4j.it.schemas;

import io.ecto4j.schema.BelongsTo;
import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;

/** One product and quantity of an order. */
@Schema("line_items")
public interface LineItem {
  Long id();

  @Field long productId();

  @Field int quantity();

  @BelongsTo(nullable = false) Order order();
}
