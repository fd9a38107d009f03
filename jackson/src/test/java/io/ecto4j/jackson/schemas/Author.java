package io.ecto4j.jackson.schemas;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.HasMany;
import io.ecto4j.schema.Schema;
import java.util.List;

@Schema("authors")
public interface Author {
  Long id();

  @Field String name();

  @Field(nullable = false) String email();

  @Field(redact = true) String passwordHash();

  @Field(virtual = true, redact = true) String password();

  @HasMany(preloadOrder = "id") List<Post> posts();

  /** has_many through: the comments on the author's posts. */
  @HasMany(through = {"posts", "comments"}) List<Comment> comments();
}
