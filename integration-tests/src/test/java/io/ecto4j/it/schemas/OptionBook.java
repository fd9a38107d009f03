package io.ecto4j.it.schemas;

import io.ecto4j.schema.BelongsTo;
import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;

/** Ecto's {@code belongs_to :author, User, source: :author_uuid}: field {@code authorId}, column {@code author_uuid}. */
@Schema("option_books")
public interface OptionBook {
  Long id();

  @Field String title();

  @BelongsTo(column = "author_uuid") OptionAuthor author();

  Long authorId();
}
