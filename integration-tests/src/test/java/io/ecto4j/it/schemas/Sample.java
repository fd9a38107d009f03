package io.ecto4j.it.schemas;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.PrimaryKey;
import io.ecto4j.schema.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Every supported type, boxed and primitive, for the round-trip tests. */
@Schema(value = "samples", primaryKey = @PrimaryKey(type = PrimaryKey.Type.UUID))
public interface Sample {
  @Field String string();

  @Field(type = "text") String text();

  @Field boolean flag();

  @Field Boolean maybeFlag();

  @Field short small();

  @Field Short maybeSmall();

  @Field int number();

  @Field Integer maybeNumber();

  @Field long big();

  @Field Long maybeBig();

  @Field double real();

  @Field Double maybeReal();

  @Field(type = "numeric(20,4)") BigDecimal amount();

  @Field UUID reference();

  @Field Instant instant();

  @Field OffsetDateTime offsetDateTime();

  @Field LocalDateTime localDateTime();

  @Field LocalDate localDate();

  @Field LocalTime localTime();

  @Field byte[] bytes();

  @Field Mood mood();

  @Field List<String> strings();

  @Field List<Integer> numbers();

  @Field List<Long> bigs();

  @Field List<BigDecimal> amounts();

  @Field List<UUID> references();

  @Field List<Instant> instants();

  @Field List<LocalDate> dates();

  @Field List<Mood> moods();

  @Field List<Boolean> flags();

  @Field List<Short> smalls();

  @Field List<Double> reals();

  @Field(type = "text[]") List<String> texts();

  @Field List<OffsetDateTime> offsetDateTimes();

  @Field List<LocalDateTime> localDateTimes();

  @Field List<LocalTime> times();

  @Field Map<String, Object> document();
}
