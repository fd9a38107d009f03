package io.ecto4j.it.schemas;

import io.ecto4j.schema.BelongsTo;
import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;
import java.time.Instant;
import java.time.LocalDateTime;

/** The Comment of Ecto's subquery_test.exs and planner_test.exs: on a {@link SqPost}. */
@Schema("sq_comments")
public interface SqComment {
  Long id();

  @Field String text();

  @Field Instant updatedAt();

  @Field LocalDateTime posted();

  /** A value only the struct holds; never stored. */
  @Field(virtual = true) String temp();

  @BelongsTo SqPost post();
}
