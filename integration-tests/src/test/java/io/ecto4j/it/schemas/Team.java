package io.ecto4j.it.schemas;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.HasMany;
import io.ecto4j.schema.Schema;
import java.util.List;

/** A parent referenced by a unique column rather than its primary key: {@code references = "code"}. */
@Schema("teams")
public interface Team {
  Long id();

  @Field(nullable = false, unique = true) String code();

  @HasMany(references = "code", foreignKey = "team_code", preloadOrder = "name") List<Player> players();
}
