package com.example.blog;

import io.ecto4j.changeset.Changeset;
import io.ecto4j.schema.Embedded;
import io.ecto4j.schema.Field;
import io.ecto4j.schema.PrimaryKey;
import java.math.BigDecimal;
import java.util.Map;

/** A line of an order, embedded without a key, for the embed examples. */
@Embedded(primaryKey = @PrimaryKey(type = PrimaryKey.Type.NONE))
public interface LineItem {
  @Field String sku();
  @Field int quantity();
  @Field BigDecimal price();

  static Changeset<LineItemStruct> changeset(LineItemStruct item, Map<String, ?> params) {
    return Changeset.cast(item, params, LineItems.SKU, LineItems.QUANTITY, LineItems.PRICE);
  }
}
