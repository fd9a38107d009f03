package io.ecto4j.it.schemas;

import io.ecto4j.schema.BelongsTo;
import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;

/** A child with a has_many parent and a belongs_to of its own. */
@Schema("books")
public interface Book {
  Long id();

  @Field(nullable = false) String title();

  @Field Integer pages();

  @BelongsTo Author author();

  @BelongsTo Publisher publisher();
}
