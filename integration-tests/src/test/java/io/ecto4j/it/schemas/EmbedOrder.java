package io.ecto4j.it.schemas;

import io.ecto4j.schema.EmbedsMany;
import io.ecto4j.schema.EmbedsOne;
import io.ecto4j.schema.Field;
import io.ecto4j.schema.HasOne;
import io.ecto4j.schema.OnReplace;
import io.ecto4j.schema.Schema;
import java.util.List;
import java.util.Map;

/** An order whose details and lines are embedded: the jsonb columns of the embeds integration tests. */
@Schema("embed_orders")
public interface EmbedOrder {
  @Field String number();

  @Field(column = "meta") Map<String, Object> metadata();

  @EmbedsOne(onReplace = OnReplace.UPDATE) EmbedDetails details();

  @EmbedsMany(onReplace = OnReplace.DELETE) List<EmbedPost> lines();

  @HasOne(foreignKey = "order_id") EmbedOrderNote note();

  @EmbedsMany(column = "no_pk_lines", onReplace = OnReplace.DELETE) List<NoPkPost> noKeyLines();

  @EmbedsOne(onReplace = OnReplace.UPDATE) EmbedTyped typed();
}
