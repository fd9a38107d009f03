package io.ecto4j.example.shop;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.Result;
import io.ecto4j.example.ExampleDatabase;
import io.ecto4j.example.accounts.UserStruct;
import io.ecto4j.example.shop.Shop.CartItem;
import io.ecto4j.query.Aggregate;
import io.ecto4j.repo.Repo;
import io.ecto4j.repo.WriteOptions;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** place_order: all or nothing, and a race for the last item has one winner. */
@EctoTest
class ShopTest {
  private Shop shop;
  private UserStruct buyer;

  @BeforeAll
  static void migrate(TestDatabase db) {
    ExampleDatabase.migrate(db);
  }

  @BeforeEach
  void seed(TestDatabase db, Repo repo) throws SQLException {
    ExampleDatabase.truncate(db);
    shop = new Shop(repo);
    buyer = repo.insertOrThrow(new UserStruct().withName("Ada").withEmail("ada@example.com"));
    repo.insertAll(Inventories.SCHEMA, List.of(new InventoryStruct().withProductId(1).withStock(5),
        new InventoryStruct().withProductId(2).withStock(1)), WriteOptions.defaults().timestamps());
  }

  @Test
  void anOrderTakesItsStock(Repo repo) {
    OrderStruct order = shop.placeOrder(buyer, List.of(new CartItem(1, 2), new CartItem(2, 1))).orElseThrow();
    assertThat(order.status()).isEqualTo("pending");
    assertThat(repo.aggregate(Orders.LINE_ITEMS.of(order), Aggregate.count())).isEqualTo(2L);
    assertThat(shop.stock(1)).isEqualTo(3);
    assertThat(shop.stock(2)).isZero();
  }

  @Test
  void aShortItemRollsBackEverything(Repo repo) {
    assertThat(shop.placeOrder(buyer, List.of(new CartItem(1, 2), new CartItem(2, 2))))
        .isEqualTo(Result.err("insufficient stock for product 2"));
    assertThat(repo.aggregate(Orders.query(), Aggregate.count())).isZero();
    assertThat(repo.aggregate(LineItems.query(), Aggregate.count())).isZero();
    assertThat(shop.stock(1)).isEqualTo(5);
  }

  @Test
  void twoBuyersOfTheLastItemOneWins() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Result<OrderStruct, String>>> results = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      Callable<Result<OrderStruct, String>> buy = () -> {
        start.await();
        return shop.placeOrder(buyer, List.of(new CartItem(2, 1)));
      };
      results.add(pool.submit(buy));
    }
    start.countDown();
    int won = 0;
    for (Future<Result<OrderStruct, String>> result : results) {
      won += result.get(30, TimeUnit.SECONDS).isOk() ? 1 : 0;
    }
    pool.shutdown();
    assertThat(won).isEqualTo(1);
    assertThat(shop.stock(2)).isZero();
  }
}
