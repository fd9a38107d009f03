package io.ecto4j.it.schemas;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.HasMany;
import io.ecto4j.schema.HasOne;
import io.ecto4j.schema.OnReplace;
import io.ecto4j.schema.Schema;
import io.ecto4j.schema.Timestamps;
import java.util.List;

/** The parent side of the changeset association tests. */
@Schema("authors")
@Timestamps
public interface Author {
  Long id();

  @Field(nullable = false) String name();

  @Field String email();

  @Field(defaultValue = "1") int lockVersion();

  @Field(defaultValue = "0") int balance();

  @HasMany List<Book> books();

  @HasOne(onReplace = OnReplace.UPDATE) Bio bio();
}
