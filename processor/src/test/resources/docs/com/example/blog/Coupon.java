package com.example.blog;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;

/** A coupon applied to an order, in a savepoint. */
@Schema("coupons")
public interface Coupon {
  @Field String code();
}
