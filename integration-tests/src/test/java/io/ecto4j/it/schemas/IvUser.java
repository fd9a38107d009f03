package io.ecto4j.it.schemas;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;
import io.ecto4j.schema.TimePrecision;
import java.time.Instant;

/** Ecto's integration {@code User} as interval.exs uses it: a {@code :utc_datetime} (whole seconds). */
@Schema("iv_users")
public interface IvUser {
  @Field(precision = TimePrecision.SECONDS) Instant insertedAt();
}
