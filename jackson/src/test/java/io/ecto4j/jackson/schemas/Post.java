package io.ecto4j.jackson.schemas;

import io.ecto4j.schema.BelongsTo;
import io.ecto4j.schema.Field;
import io.ecto4j.schema.HasMany;
import io.ecto4j.schema.ManyToMany;
import io.ecto4j.schema.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One field of each kind a JSON body carries: text, integers, decimals, floats, dates, a UUID. */
@Schema("posts")
public interface Post {
  Long id();

  @Field String title();

  @Field(defaultValue = "false") boolean published();

  @Field(defaultValue = "0") int views();

  @Field Long likes();

  @Field(type = "numeric(10,2)") BigDecimal price();

  @Field Double rating();

  @Field LocalDate publishedOn();

  @Field Instant publishedAt();

  @Field UUID ref();

  @BelongsTo Author author();

  @HasMany(preloadOrder = "id") List<Comment> comments();

  @ManyToMany(joinThrough = "posts_tags", preloadOrder = "name") List<Tag> tags();
}
