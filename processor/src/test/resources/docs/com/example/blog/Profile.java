package com.example.blog;

import io.ecto4j.changeset.Changeset;
import io.ecto4j.schema.BelongsTo;
import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;
import java.util.Map;

/** A user's profile, made in the registration Multi. */
@Schema("profiles")
public interface Profile {
  @Field String displayName();
  @BelongsTo(nullable = false) User user();

  static Changeset<ProfileStruct> changeset(ProfileStruct profile, Map<String, ?> params) {
    return Changeset.cast(profile, params, Profiles.DISPLAY_NAME, Profiles.USER_ID).validateRequired(Profiles.USER_ID);
  }
}
