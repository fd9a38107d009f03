package com.example.blog;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;
import java.math.BigDecimal;

/** An invoice, for the telemetry examples. */
@Schema("invoices")
public interface Invoice {
  @Field BigDecimal amount();
}
