package io.ecto4j.example.shop;

import io.ecto4j.changeset.Changeset;
import io.ecto4j.example.accounts.User;
import io.ecto4j.schema.BelongsTo;
import io.ecto4j.schema.Field;
import io.ecto4j.schema.HasMany;
import io.ecto4j.schema.Schema;
import io.ecto4j.schema.Timestamps;
import java.util.List;
import java.util.Map;

/** A shop order. */
@Schema("orders")
@Timestamps
public interface Order {
  Long id();

  @Field(defaultValue = "pending") String status();

  @BelongsTo(nullable = false) User user();

  @HasMany List<LineItem> lineItems();

  static Changeset<OrderStruct> changeset(OrderStruct order, Map<String, ?> attrs) {
    return Changeset.cast(order, attrs, Orders.USER_ID, Orders.STATUS)
        .validateRequired(Orders.USER_ID, Orders.STATUS)
        .validateInclusion(Orders.STATUS, List.of("pending", "paid", "shipped", "cancelled"))
        .assocConstraint(Orders.USER);
  }
}
