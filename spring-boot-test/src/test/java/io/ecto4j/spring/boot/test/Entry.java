package io.ecto4j.spring.boot.test;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;

/** A journal entry, what the test application keeps. */
@Schema("entries")
public interface Entry {
  String TABLE = "CREATE TABLE entries (id bigserial PRIMARY KEY, body text NOT NULL UNIQUE)";

  @Field(nullable = false) String body();
}
