package io.ecto4j.it.schemas;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.HasMany;
import io.ecto4j.schema.Schema;
import java.util.List;

/** A user that posts link to through {@link CpkPostUser}, whose rows castAssoc matches by their two-column key. */
@Schema("cpk_users")
public interface CpkUser {
  @Field String name();

  @HasMany(foreignKey = "user_id") List<CpkPostUser> postUsers();
}
