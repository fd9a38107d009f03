package io.ecto4j.example.blog;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.ManyToMany;
import io.ecto4j.schema.Schema;
import java.util.List;

/** A tag, attached to posts through {@code posts_tags}. */
@Schema("tags")
public interface Tag {
  Long id();

  @Field(nullable = false, unique = true) String name();

  @ManyToMany(joinThrough = "posts_tags") List<Post> posts();
}
