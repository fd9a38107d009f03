package io.ecto4j.example.shop;

import io.ecto4j.Result;
import io.ecto4j.example.accounts.UserStruct;
import io.ecto4j.query.Update;
import io.ecto4j.repo.Repo;
import io.ecto4j.repo.Transaction;
import java.util.List;
import java.util.Map;

/** The Shop context: the lesson's {@code place_order}. */
public final class Shop {
  /** A product and how many of it. */
  public record CartItem(long productId, int quantity) {}

  private final Repo repo;

  public Shop(Repo repo) {
    this.repo = repo;
  }

  /**
   * The order, its line items, and the stock taken only where {@code stock >= quantity}; any short
   * item rolls everything back and says which.
   */
  public Result<OrderStruct, String> placeOrder(UserStruct user, List<CartItem> cart) {
    return repo.transaction((Transaction<String> tx) -> {
      OrderStruct order = repo.insertOrThrow(Order.changeset(new OrderStruct(),
          Map.of("userId", user.id(), "status", "pending")));
      for (CartItem item : cart) {
        repo.insertOrThrow(LineItem.changeset(new LineItemStruct(),
            Map.of("orderId", order.id(), "productId", item.productId(), "quantity", item.quantity())));
        long taken = repo.updateAll(
            Inventories.query().where(Inventories.PRODUCT_ID.eq(item.productId()).and(Inventories.STOCK.ge(item.quantity()))),
            Update.inc(Inventories.STOCK, -item.quantity()));
        if (taken != 1) {
          return tx.rollback("insufficient stock for product " + item.productId());
        }
      }
      return order;
    });
  }

  /** Stock of a product. */
  public int stock(long productId) {
    return repo.getByOrThrow(Inventories.PRODUCT_ID, productId).stock();
  }
}
