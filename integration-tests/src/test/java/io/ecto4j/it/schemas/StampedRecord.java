package io.ecto4j.it.schemas;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;
import io.ecto4j.schema.Timestamps;

/** Ecto's {@code timestamps(autogenerate: {M, F, A})}: the timestamps come from {@link TickingClock}. */
@Schema("stamped_records")
@Timestamps(type = Timestamps.Type.LOCAL_DATE_TIME, autogenerate = TickingClock.class)
public interface StampedRecord {
  @Field String name();
}
