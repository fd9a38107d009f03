package io.ecto4j.it.schemas;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;

/** Room bookings whose slots may not overlap: an exclusion constraint. */
@Schema("bookings")
public interface Booking {
  Long id();

  @Field(nullable = false) String room();

  @Field int startSlot();

  @Field int endSlot();
}
