package io.ecto4j.it.schemas;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;

/** A schema in a PostgreSQL schema of its own, Ecto's {@code @schema_prefix "meta_tenant"}. */
@Schema(value = "meta_companies", prefix = "meta_tenant", companion = "MetaCompanies")
public interface MetaCompany {
  Long id();

  @Field(nullable = false) String name();
}
