package com.example.blog;

import io.ecto4j.changeset.Changeset;
import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;
import io.ecto4j.schema.Timestamps;
import java.math.BigDecimal;
import java.util.Map;

/** An order of a shop, for the transaction examples. */
@Schema("orders")
@Timestamps
public interface Order {
  @Field(nullable = false) String sku();
  @Field(defaultValue = "1") int quantity();
  @Field BigDecimal total();

  static Changeset<OrderStruct> changeset(OrderStruct order, Map<String, ?> params) {
    return Changeset.cast(order, params, Orders.SKU, Orders.QUANTITY, Orders.TOTAL).validateRequired(Orders.SKU);
  }
}
