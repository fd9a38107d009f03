package io.ecto4j.example.shop;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.changeset.Changeset;
import io.ecto4j.example.ExampleDatabase;
import io.ecto4j.example.accounts.UserStruct;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Line item prices: the custom type {@link Money.Type}, parameterized by the field's currency. */
@EctoTest
class MoneyTest {
  private static final Money PRICE = new Money(new BigDecimal("12.50"), "EUR");
  private OrderStruct order;

  @BeforeAll
  static void migrate(TestDatabase db) {
    ExampleDatabase.migrate(db);
  }

  @BeforeEach
  void seed(TestDatabase db, Repo repo) throws SQLException {
    ExampleDatabase.truncate(db);
    UserStruct buyer = repo.insertOrThrow(new UserStruct().withName("Ada").withEmail("ada@example.com"));
    order = repo.insertOrThrow(new OrderStruct().withUserId(buyer.id()));
  }

  private Changeset<LineItemStruct> priced(Object price) {
    return LineItem.changeset(new LineItemStruct(),
        Map.of("orderId", order.id(), "productId", 1, "quantity", 2, "unitPrice", price));
  }

  @Test
  void aBareAmountIsInTheFieldsCurrency() {
    assertThat(priced("12.50").getChange(LineItems.UNIT_PRICE)).contains(PRICE);
    assertThat(priced(Map.of("amount", 12.5, "currency", "EUR")).getChange(LineItems.UNIT_PRICE))
        .contains(new Money(new BigDecimal("12.5"), "EUR"));
  }

  @Test
  void anotherCurrencyIsRefusedWithTheFieldsOne() {
    Changeset<LineItemStruct> dollars = priced(Map.of("amount", "3", "currency", "USD"));
    assertThat(dollars.isValid()).isFalse();
    assertThat(dollars.errors().get(0).interpolated()).isEqualTo("must be in EUR");
    assertThat(dollars.errors().get(0).keys()).containsEntry("currency", "EUR").containsEntry("validation", "cast");
  }

  @Test
  void theSameAmountInAnotherScaleIsNoChange(Repo repo) {
    LineItemStruct item = repo.insertOrThrow(priced("12.50"));
    Changeset<LineItemStruct> again = LineItem.changeset(item, Map.of("unitPrice", "12.5"));
    assertThat(again.hasChange(LineItems.UNIT_PRICE)).isFalse();
  }

  @Test
  void storedAsJsonAndFoundByValue(Repo repo) {
    LineItemStruct item = repo.insertOrThrow(priced("12.50"));
    LineItemStruct loaded = repo.getOrThrow(LineItems.SCHEMA, item.id());
    assertThat(loaded.unitPrice()).isEqualTo(PRICE);
    assertThat(loaded.unitPrice().times(loaded.quantity())).isEqualTo(new Money(new BigDecimal("25.00"), "EUR"));
    assertThat(repo.all(LineItems.query().where(LineItems.UNIT_PRICE.eq(PRICE)))).extracting(LineItemStruct::id)
        .containsExactly(item.id());
  }
}
