package io.ecto4j.it.schemas;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

/** Ecto's integration {@code Usec}: date-times at microsecond precision ({@code _usec}). */
@Schema("iv_usecs")
public interface IvUsec {
  @Field LocalDateTime naiveDatetimeUsec();

  @Field Instant utcDatetimeUsec();

  @Field OffsetDateTime offsetDatetimeUsec();
}
