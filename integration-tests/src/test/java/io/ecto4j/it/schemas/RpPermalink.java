package io.ecto4j.it.schemas;

import io.ecto4j.schema.BelongsTo;
import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;

/**
 * Ecto's integration {@code Permalink}, whose {@code url} field lives in a column of another name
 * ({@code field :url, :string, source: :uniform_resource_locator}).
 */
@Schema("rp_permalinks")
public interface RpPermalink {
  Long id();

  @Field(column = "uniform_resource_locator", unique = true) String url();

  @Field(defaultValue = "0") int visits();

  @BelongsTo RpUser user();
}
