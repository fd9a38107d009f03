package io.ecto4j.it.schemas;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;
import io.ecto4j.schema.TimePrecision;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * Ecto's integration {@code Post} as interval.exs and type.exs use it: a date, a
 * {@code :naive_datetime} (whole seconds) and one field of each primitive type.
 */
@Schema("iv_posts")
public interface IvPost {
  @Field LocalDate posted();

  @Field(precision = TimePrecision.SECONDS) LocalDateTime insertedAt();

  @Field Integer visits();

  @Field Long counter();

  @Field Double intensity();

  @Field Boolean isPublic();

  @Field byte[] blob();

  @Field UUID uuid();

  @Field(type = "numeric") BigDecimal cost();
}
