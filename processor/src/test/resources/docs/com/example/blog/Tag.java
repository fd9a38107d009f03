package com.example.blog;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.ManyToMany;
import io.ecto4j.schema.Schema;
import java.util.List;

/** A tag, on many posts. */
@Schema("tags")
public interface Tag {
  @Field(nullable = false) String name();
  @ManyToMany(joinThrough = "posts_tags") List<Post> posts();
}
