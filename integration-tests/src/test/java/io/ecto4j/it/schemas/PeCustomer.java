package io.ecto4j.it.schemas;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.HasMany;
import io.ecto4j.schema.Schema;
import java.util.List;

/** A customer with orders: a preload that goes through an association, then an embed. */
@Schema("pe_customers")
public interface PeCustomer {
  @Field String name();

  @HasMany(foreignKey = "customer_id", preloadOrder = "id") List<PeOrder> orders();
}
