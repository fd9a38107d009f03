package io.ecto4j.it.schemas;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;
import io.ecto4j.schema.TimePrecision;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Every type that {@code insertAll} sends as one array per column, boxed and primitive (UnnestInsertTest). */
@Schema("scalars")
public interface Scalar {
  @Field int position();

  @Field String string();

  @Field(type = "text") String text();

  @Field boolean flag();

  @Field Boolean maybeFlag();

  @Field short small();

  @Field Short maybeSmall();

  @Field Integer maybeNumber();

  @Field long big();

  @Field Long maybeBig();

  @Field double real();

  @Field Double maybeReal();

  @Field(type = "numeric(30,6)") BigDecimal amount();

  @Field UUID reference();

  @Field Instant instant();

  @Field(precision = TimePrecision.SECONDS) Instant instantSeconds();

  @Field OffsetDateTime offsetDateTime();

  @Field(precision = TimePrecision.SECONDS) OffsetDateTime offsetDateTimeSeconds();

  @Field LocalDateTime localDateTime();

  @Field(precision = TimePrecision.SECONDS) LocalDateTime localDateTimeSeconds();

  @Field LocalDate localDate();

  @Field byte[] bytes();
}
