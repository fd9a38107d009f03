package io.ecto4j.jackson.schemas;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;
import java.util.List;
import java.util.Map;

/** The values a JSON body nests: a jsonb map, an array column, an enum. */
@Schema("profiles")
public interface Profile {
  /** Stored by constant name. */
  enum Theme { LIGHT, DARK }

  Long id();

  @Field Map<String, Object> settings();

  @Field List<String> labels();

  @Field List<Long> scores();

  @Field Theme theme();
}
