package io.ecto4j.it.schemas;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.ManyToMany;
import io.ecto4j.schema.Schema;
import java.util.List;

/** The other side of {@link JrPost#users()}. */
@Schema("jr_users")
public interface JrUser {
  @Field String name();

  @ManyToMany(joinSchema = JrPostUser.class, joinKey = "user_id", inverseJoinKey = "post_id") List<JrPost> posts();
}
