package io.ecto4j.it.schemas;

import io.ecto4j.changeset.Changeset;
import io.ecto4j.changeset.Length;
import io.ecto4j.schema.Embedded;
import io.ecto4j.schema.Field;
import java.util.Map;
import io.ecto4j.schema.PrimaryKey;

/** Ecto's embedded_test.exs {@code Profile}: without a primary key (embedded_no_pk_test.exs). */
@Embedded(primaryKey = @PrimaryKey(type = PrimaryKey.Type.NONE))
public interface NoPkProfile {
  @Field String name();

  /** Ecto's {@code Profile.changeset/2}: name required, at least 3 characters. */
  static Changeset<NoPkProfileStruct> changeset(NoPkProfileStruct profile, Map<String, ?> params) {
    return Changeset.cast(profile, params, NoPkProfiles.NAME)
        .validateRequired(NoPkProfiles.NAME)
        .validateLength(NoPkProfiles.NAME, Length.min(3));
  }

  /** Ecto's {@code Profile.optional_changeset/2}: the cast only. */
  static Changeset<NoPkProfileStruct> optionalChangeset(NoPkProfileStruct profile, Map<String, ?> params) {
    return Changeset.cast(profile, params, NoPkProfiles.NAME);
  }

  /** Ecto's {@code Profile.set_action/2}: the changeset marked as an update. */
  static Changeset<NoPkProfileStruct> setAction(NoPkProfileStruct profile, Map<String, ?> params) {
    return changeset(profile, params).withAction(Changeset.Action.UPDATE);
  }
}
