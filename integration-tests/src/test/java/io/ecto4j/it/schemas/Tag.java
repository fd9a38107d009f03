package io.ecto4j.it.schemas;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.ManyToMany;
import io.ecto4j.schema.Schema;
import java.util.List;

@Schema("tags")
public interface Tag {
  @Field(nullable = false) String name();

  @ManyToMany(joinThrough = "posts_tags", preloadOrder = "title DESC, id") List<Post> posts();
}
