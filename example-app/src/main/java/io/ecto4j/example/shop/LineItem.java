package io.ecto4j.example.shop;

import io.ecto4j.changeset.Changeset;
import io.ecto4j.changeset.Numbers;
import io.ecto4j.schema.BelongsTo;
import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;
import java.util.Map;

/** One product and quantity of an order. */
@Schema("line_items")
public interface LineItem {
  Long id();

  @Field long productId();

  @Field int quantity();

  /** The price of one, in euros: a custom type (see {@link Money.Type}). */
  @Field(using = Money.Type.class, params = "currency=EUR") Money unitPrice();

  @BelongsTo(nullable = false) Order order();

  static Changeset<LineItemStruct> changeset(LineItemStruct item, Map<String, ?> attrs) {
    return Changeset.cast(item, attrs, LineItems.ORDER_ID, LineItems.PRODUCT_ID, LineItems.QUANTITY,
            LineItems.UNIT_PRICE)
        .validateRequired(LineItems.ORDER_ID, LineItems.PRODUCT_ID, LineItems.QUANTITY)
        .validateNumber(LineItems.QUANTITY, Numbers.greaterThan(0));
  }
}
