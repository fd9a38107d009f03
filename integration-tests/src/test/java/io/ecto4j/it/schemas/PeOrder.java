package io.ecto4j.it.schemas;

import io.ecto4j.schema.BelongsTo;
import io.ecto4j.schema.EmbedsMany;
import io.ecto4j.schema.EmbedsOne;
import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;
import java.util.List;

/** An order embedding one item and many, as Ecto's {@code Ecto.Integration.Order}; a customer's. */
@Schema("pe_orders")
public interface PeOrder {
  @Field String label();

  @EmbedsOne PeItem item();

  @EmbedsMany List<PeItem> items();

  @BelongsTo PeCustomer customer();
}
