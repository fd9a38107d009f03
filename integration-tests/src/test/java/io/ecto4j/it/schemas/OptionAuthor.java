package io.ecto4j.it.schemas;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.HasMany;
import io.ecto4j.schema.Schema;
import java.util.List;

/** The parent of {@link OptionBook}, whose foreign key field is named apart from its column. */
@Schema("option_authors")
public interface OptionAuthor {
  Long id();

  @Field String name();

  /** Names the child's foreign key by its field, as Ecto's {@code foreign_key:} does. */
  @HasMany(foreignKey = "author_id") List<OptionBook> books();
}
