package io.ecto4j.it.schemas;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.HasMany;
import io.ecto4j.schema.Schema;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * The Post of Ecto's subquery_test.exs and planner_test.exs, for the subquery, cast and union tests
 * of issue #18: a title stored under another column name ({@code source: :post_title}), a map
 * stored as {@code preferences}, and virtual fields a query may fill.
 */
@Schema("sq_posts")
public interface SqPost {
  Long id();

  @Field(column = "post_title") String title();

  @Field String text();

  @Field Integer visits();

  @Field LocalDateTime posted();

  @Field(column = "preferences") Map<String, Object> prefs();

  /** Filled by a query merging a comment's {@code updated_at}; never stored. */
  @Field(virtual = true) Instant commentUpdatedAt();

  /** When the post was last seen, filled by a query; never stored. */
  @Field(virtual = true) Instant lastSeenAt();

  /** A flag a query may select as a literal; never stored. */
  @Field(virtual = true) Boolean temp();

  @HasMany(foreignKey = "post_id") List<SqComment> comments();
}
