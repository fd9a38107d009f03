package io.ecto4j.it.schemas;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;
import io.ecto4j.schema.TimePrecision;
import io.ecto4j.schema.Timestamps;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;

/** Date and time fields at both precisions: Ecto's {@code :utc_datetime} beside {@code :utc_datetime_usec}. */
@Schema("value_shifts")
@Timestamps(precision = TimePrecision.SECONDS)
public interface Shift {
  @Field(precision = TimePrecision.SECONDS) Instant startsAt();

  @Field Instant startsAtUsec();

  @Field(precision = TimePrecision.SECONDS) OffsetDateTime endsAt();

  @Field(precision = TimePrecision.SECONDS) LocalDateTime localStart();

  @Field LocalDateTime localStartUsec();

  @Field(precision = TimePrecision.SECONDS) LocalTime opensAt();

  @Field LocalTime opensAtUsec();

  @Field LocalDate day();

  @Field(precision = TimePrecision.SECONDS) List<Instant> breaks();
}
