package io.ecto4j.it.schemas;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;
import java.time.Duration;
import java.util.List;

/** {@code java.time.Duration} in {@code interval}, Ecto's {@code :duration}. */
@Schema("value_stints")
public interface Stint {
  @Field Duration length();

  @Field(defaultValue = "PT1H30M") Duration planned();

  @Field List<Duration> laps();
}
