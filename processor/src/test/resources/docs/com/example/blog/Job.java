package com.example.blog;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;

/** A job of a queue, taken with {@code FOR UPDATE SKIP LOCKED}. */
@Schema("jobs")
public interface Job {
  @Field(defaultValue = "ready") String state();
}
