package com.example.blog;

import io.ecto4j.changeset.Changeset;
import io.ecto4j.schema.EmbedsMany;
import io.ecto4j.schema.EmbedsOne;
import io.ecto4j.schema.Field;
import io.ecto4j.schema.OnReplace;
import io.ecto4j.schema.Schema;
import io.ecto4j.schema.Timestamps;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** An order of a shop, for the transaction and embed examples. */
@Schema("orders")
@Timestamps
public interface Order {
  @Field(nullable = false) String sku();
  @Field(defaultValue = "1") int quantity();
  @Field BigDecimal total();
  @Field String number();
  @EmbedsOne(onReplace = OnReplace.UPDATE) Address shippingAddress();
  @EmbedsMany(onReplace = OnReplace.DELETE) List<LineItem> items();

  static Changeset<OrderStruct> changeset(OrderStruct order, Map<String, ?> params) {
    return Changeset.cast(order, params, Orders.SKU, Orders.QUANTITY, Orders.TOTAL).validateRequired(Orders.SKU);
  }
}
