package io.ecto4j.it.schemas;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.ManyToMany;
import io.ecto4j.schema.Schema;
import java.util.List;

/**
 * Ecto's integration Post for the join-row tests: {@code users} through a join schema with
 * timestamps and a default (Ecto's {@code schema_posts}/{@code constraint_users}), {@code uniqueUsers}
 * through a plain table with {@code unique: true}.
 */
@Schema("jr_posts")
public interface JrPost {
  @Field String title();

  @ManyToMany(joinSchema = JrPostUser.class, joinKey = "post_id", inverseJoinKey = "user_id") List<JrUser> users();

  @ManyToMany(joinThrough = "jr_posts_unique_users", joinKey = "post_id", inverseJoinKey = "user_id", unique = true)
  List<JrUser> uniqueUsers();
}
