package io.ecto4j.it.schemas;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;
import io.ecto4j.schema.TimePrecision;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** Ecto's integration {@code Post} as interval.exs uses it: a date and a {@code :naive_datetime} (whole seconds). */
@Schema("iv_posts")
public interface IvPost {
  @Field LocalDate posted();

  @Field(precision = TimePrecision.SECONDS) LocalDateTime insertedAt();

  @Field Integer visits();
}
