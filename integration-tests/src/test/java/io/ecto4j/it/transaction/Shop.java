package io.ecto4j.it.transaction;

import io.ecto4j.Result;
import io.ecto4j.changeset.Changeset;
import io.ecto4j.it.schemas.Inventories;
import io.ecto4j.it.schemas.LineItemStruct;
import io.ecto4j.it.schemas.LineItems;
import io.ecto4j.it.schemas.OrderStruct;
import io.ecto4j.it.schemas.Orders;
import io.ecto4j.it.schemas.UserStruct;
import io.ecto4j.query.Update;
import io.ecto4j.repo.Repo;
import io.ecto4j.repo.Transaction;
import java.util.List;
import java.util.Map;

/** The lesson's MyApp.Shop.place_order: the order, its line items and the stock, all or nothing. */
final class Shop {
  record CartItem(long productId, int quantity) {}

  private Shop() {}

  static Result<OrderStruct, String> placeOrder(Repo repo, UserStruct user, List<CartItem> cart) {
    return repo.transaction((Transaction<String> tx) -> {
      OrderStruct order = repo.insertOrThrow(Changeset.cast(new OrderStruct(),
          Map.of("userId", user.id(), "status", "pending"), Orders.USER_ID, Orders.STATUS));
      for (CartItem item : cart) {
        repo.insertOrThrow(Changeset.cast(new LineItemStruct(),
            Map.of("orderId", order.id(), "productId", item.productId(), "quantity", item.quantity()),
            LineItems.ORDER_ID, LineItems.PRODUCT_ID, LineItems.QUANTITY));
        long decremented = repo.updateAll(
            Inventories.query().where(Inventories.PRODUCT_ID.eq(item.productId()).and(Inventories.STOCK.ge(item.quantity()))),
            Update.inc(Inventories.STOCK, -item.quantity()));
        if (decremented != 1) {
          return tx.rollback("insufficient stock for product " + item.productId());
        }
      }
      return order;
    });
  }
}
