package io.ecto4j.it.schemas;

import io.ecto4j.schema.EmbedsMany;
import io.ecto4j.schema.EmbedsOne;
import io.ecto4j.schema.Field;
import io.ecto4j.schema.OnReplace;
import io.ecto4j.schema.Schema;
import java.util.List;

/** Ecto's changeset/embedded_no_pk_test.exs {@code Author}: an embed per on_replace. */
@Schema("no_pk_authors")
public interface NoPkAuthor {
  @Field String name();

  @EmbedsOne(onReplace = OnReplace.DELETE) NoPkProfile profile();

  @EmbedsOne NoPkProfile raiseProfile();

  @EmbedsOne(onReplace = OnReplace.MARK_AS_INVALID) NoPkProfile invalidProfile();

  @EmbedsOne(onReplace = OnReplace.UPDATE) NoPkProfile updateProfile();

  @EmbedsMany(onReplace = OnReplace.DELETE) List<NoPkPost> posts();

  @EmbedsMany List<NoPkPost> raisePosts();

  @EmbedsMany(onReplace = OnReplace.MARK_AS_INVALID) List<NoPkPost> invalidPosts();
}
