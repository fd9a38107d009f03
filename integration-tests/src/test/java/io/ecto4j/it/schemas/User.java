package io.ecto4j.it.schemas;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.HasMany;
import io.ecto4j.schema.Schema;
import io.ecto4j.schema.Timestamps;
import java.util.List;

@Schema("users")
@Timestamps
public interface User {
  Long id();

  @Field String name();

  @Field(nullable = false) String email();

  @Field Integer age();

  @Field(virtual = true, redact = true) String password();

  @Field(redact = true) String passwordHash();

  @HasMany(foreignKey = "author_id", preloadOrder = "id DESC") List<Post> posts();

  @HasMany(foreignKey = "author_id", whereColumn = "published", whereValue = "true", preloadOrder = "title")
  List<Post> publishedPosts();
}
