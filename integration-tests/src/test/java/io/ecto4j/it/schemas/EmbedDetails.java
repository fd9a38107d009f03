package io.ecto4j.it.schemas;

import io.ecto4j.schema.Embedded;
import io.ecto4j.schema.EmbedsMany;
import io.ecto4j.schema.EmbedsOne;
import io.ecto4j.schema.Field;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An embedded schema with a field of each kind of JSON value, and embeds of its own. */
@Embedded(companion = "EmbedDetailsSchema")
public interface EmbedDetails {
  UUID id();

  @Field String note();

  @Field BigDecimal price();

  @Field LocalDate day();

  @Field Instant at();

  @Field UUID ref();

  @Field Mood mood();

  @Field List<String> labels();

  @Field(defaultValue = "1") int count();

  @Field(redact = true) String secret();

  @EmbedsOne EmbedProfile profile();

  @EmbedsMany List<EmbedPost> posts();
}
