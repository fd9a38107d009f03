package io.ecto4j.it.schemas;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;

/** Stock per product. */
@Schema("inventories")
public interface Inventory {
  Long id();

  @Field long productId();

  @Field int stock();
}
