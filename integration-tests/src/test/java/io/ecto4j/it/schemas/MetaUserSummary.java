package io.ecto4j.it.schemas;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;

/** A narrower schema over {@link MetaUser}'s table, as Ecto allows: the columns they share are defined alike. */
@Schema(value = "meta_users", companion = "MetaUserSummaries")
public interface MetaUserSummary {
  Long id();

  @Field(nullable = false) String email();
}
