package io.ecto4j.it.schemas;

import io.ecto4j.changeset.Changeset;
import io.ecto4j.changeset.Length;
import io.ecto4j.schema.Embedded;
import io.ecto4j.schema.Field;
import java.util.Map;
import java.util.UUID;

/** Ecto's changeset/embedded_test.exs {@code Profile}: an embedded schema with the default UUID key. */
@Embedded
public interface EmbedProfile {
  UUID id();

  @Field String name();

  /** Ecto's {@code Profile.changeset/2}: casts name and id; name required, at least 3 characters. */
  static Changeset<EmbedProfileStruct> changeset(EmbedProfileStruct profile, Map<String, ?> params) {
    return Changeset.cast(profile, params, EmbedProfiles.NAME, EmbedProfiles.ID)
        .validateRequired(EmbedProfiles.NAME)
        .validateLength(EmbedProfiles.NAME, Length.min(3));
  }

  /** Ecto's {@code Profile.optional_changeset/2}: the cast only. */
  static Changeset<EmbedProfileStruct> optionalChangeset(EmbedProfileStruct profile, Map<String, ?> params) {
    return Changeset.cast(profile, params, EmbedProfiles.NAME);
  }

  /** Ecto's {@code Profile.set_action/2}: the changeset marked with the {@code action} param, UPDATE by default. */
  static Changeset<EmbedProfileStruct> setAction(EmbedProfileStruct profile, Map<String, ?> params) {
    Object action = params.get("action");
    return changeset(profile, params)
        .withAction(action == null ? Changeset.Action.UPDATE : Changeset.Action.valueOf(action.toString()));
  }
}
