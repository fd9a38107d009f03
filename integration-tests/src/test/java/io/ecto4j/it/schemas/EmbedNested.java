package io.ecto4j.it.schemas;

import io.ecto4j.changeset.Changeset;
import io.ecto4j.schema.Embedded;
import io.ecto4j.schema.EmbedsOne;
import java.util.Map;
import java.util.UUID;

/** Ecto's changeset/embedded_test.exs {@code Nested}: an embedded schema embedding another. */
@Embedded(companion = "EmbedNesteds")
public interface EmbedNested {
  UUID id();

  @EmbedsOne EmbedProfile profile();

  /** Ecto's {@code Nested.changeset/2}: casts its own embed. */
  static Changeset<EmbedNestedStruct> changeset(EmbedNestedStruct nested, Map<String, ?> params) {
    return Changeset.cast(nested, params).castEmbed(EmbedNesteds.PROFILE, EmbedProfile::changeset);
  }
}
