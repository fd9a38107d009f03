package io.ecto4j.it.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.Result;
import io.ecto4j.changeset.Changeset;
import io.ecto4j.it.schemas.Inventories;
import io.ecto4j.it.schemas.InventoryStruct;
import io.ecto4j.it.schemas.LineItems;
import io.ecto4j.it.schemas.OrderStruct;
import io.ecto4j.it.schemas.Orders;
import io.ecto4j.it.schemas.ShopSchema;
import io.ecto4j.it.schemas.UserStruct;
import io.ecto4j.it.transaction.Shop.CartItem;
import io.ecto4j.meta.Table;
import io.ecto4j.multi.Changes;
import io.ecto4j.multi.Key;
import io.ecto4j.multi.Multi;
import io.ecto4j.multi.MultiFailure;
import io.ecto4j.query.Aggregate;
import io.ecto4j.query.Query;
import io.ecto4j.query.Update;
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

/** place_order from the lesson: committed whole, or rolled back whole when any item is short. */
@EctoTest
class ShopTest {
  private UserStruct ada;

  @BeforeAll
  static void tables(TestDatabase db) throws SQLException {
    ShopSchema.create(db);
  }

  @BeforeEach
  void seed(TestDatabase db, Repo repo) throws SQLException {
    ShopSchema.truncate(db);
    ada = repo.insertOrThrow(new UserStruct().withName("Ada").withEmail("ada@example.com"));
    repo.insertAll(Inventories.SCHEMA, List.of(
        new InventoryStruct().withProductId(1).withStock(5),
        new InventoryStruct().withProductId(2).withStock(1)), WriteOptions.defaults().timestamps());
  }

  private static long count(Repo repo, Table<?> table) {
    return repo.aggregate(Query.from(table), Aggregate.count());
  }

  private static int stock(Repo repo, long product) {
    return repo.getByOrThrow(Inventories.PRODUCT_ID, product).stock();
  }

  @Test
  void anOrderWithEnoughStockCommitsEverything(Repo repo) {
    Result<OrderStruct, String> result = Shop.placeOrder(repo, ada, List.of(new CartItem(1, 2), new CartItem(2, 1)));
    assertThat(result.isOk()).isTrue();
    assertThat(result.orElseThrow().status()).isEqualTo("pending");
    assertThat(count(repo, LineItems.SCHEMA)).isEqualTo(2);
    assertThat(stock(repo, 1)).isEqualTo(3);
    assertThat(stock(repo, 2)).isZero();
  }

  @Test
  void aShortItemRollsBackTheOrderItsItemsAndTheStock(Repo repo) {
    Result<OrderStruct, String> result = Shop.placeOrder(repo, ada, List.of(new CartItem(1, 2), new CartItem(2, 3)));
    assertThat(result).isEqualTo(Result.err("insufficient stock for product 2"));
    assertThat(count(repo, Orders.SCHEMA)).isZero();
    assertThat(count(repo, LineItems.SCHEMA)).isZero();
    assertThat(stock(repo, 1)).isEqualTo(5);
  }

  @Test
  void twoBuyersOfTheLastItemAtOnceExactlyOneSucceeds(Repo repo) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Result<OrderStruct, String>>> results = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      Callable<Result<OrderStruct, String>> buy = () -> {
        start.await();
        return Shop.placeOrder(repo, ada, List.of(new CartItem(2, 1)));
      };
      results.add(pool.submit(buy));
    }
    start.countDown();
    int ok = 0;
    for (Future<Result<OrderStruct, String>> result : results) {
      ok += result.get(30, TimeUnit.SECONDS).isOk() ? 1 : 0;
    }
    pool.shutdown();
    assertThat(ok).isEqualTo(1);
    assertThat(stock(repo, 2)).isZero();
    assertThat(count(repo, Orders.SCHEMA)).isEqualTo(1);
  }

  @Test
  void theSameOrderAsAMultiWithBulkSteps(Repo repo) {
    Key<OrderStruct> order = Key.named("order");
    Key<Long> items = Key.named("line_items");
    Key<Long> decremented = Key.named("decrement");
    Key<Long> stockChecked = Key.named("stock_checked");
    Key<Long> cleaned = Key.named("cleanup");
    Multi multi = Multi.create()
        .insert(order, Changeset.change(new OrderStruct().withUserId(ada.id())))
        .merge(changes -> Multi.create().insertAll(items, LineItems.SCHEMA, List.of(
            new io.ecto4j.it.schemas.LineItemStruct().withOrderId(changes.get(order).id()).withProductId(1).withQuantity(9))))
        .updateAll(decremented, Inventories.query().where(Inventories.PRODUCT_ID.eq(1L).and(Inventories.STOCK.ge(9))),
            Update.inc(Inventories.STOCK, -9))
        .run(stockChecked, (r, changes) -> changes.get(decremented) == 1 ? Result.ok(1L) : Result.err("insufficient stock"))
        .deleteAll(cleaned, Orders.query().where(Orders.STATUS.eq("abandoned")));
    Result<Changes, MultiFailure> result = repo.transaction(multi);
    assertThat(result.isErr()).isTrue();
    MultiFailure failure = ((Result.Err<Changes, MultiFailure>) result).error();
    assertThat(failure.step()).isEqualTo(stockChecked);
    assertThat(failure.changesSoFar().get(items)).isEqualTo(1L);
    assertThat(failure.changesSoFar().get(decremented)).isZero();
    assertThat(count(repo, Orders.SCHEMA)).isZero();
    assertThat(count(repo, LineItems.SCHEMA)).isZero();
  }
}
