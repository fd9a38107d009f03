package io.ecto4j.example.shop;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;

/** Stock per product. */
@Schema("inventories")
public interface Inventory {
  Long id();

  @Field(unique = true) long productId();

  @Field int stock();
}
