package io.ecto4j.example.accounts;

import io.ecto4j.changeset.Changeset;
import io.ecto4j.changeset.Length;
import io.ecto4j.schema.BelongsTo;
import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;
import io.ecto4j.schema.Timestamps;
import java.util.Map;

/** A user's public profile. */
@Schema("profiles")
@Timestamps
public interface Profile {
  Long id();

  @Field(nullable = false) String displayName();

  @Field(type = "text") String bio();

  @BelongsTo(nullable = false) User user();

  static Changeset<ProfileStruct> changeset(ProfileStruct profile, Map<String, ?> attrs) {
    return Changeset.cast(profile, attrs, Profiles.USER_ID, Profiles.DISPLAY_NAME, Profiles.BIO)
        .validateRequired(Profiles.USER_ID, Profiles.DISPLAY_NAME)
        .validateLength(Profiles.DISPLAY_NAME, Length.max(80))
        .assocConstraint(Profiles.USER);
  }
}
