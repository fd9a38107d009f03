package io.ecto4j.it.schemas;

import io.ecto4j.schema.EmbedsMany;
import io.ecto4j.schema.EmbedsOne;
import io.ecto4j.schema.Field;
import io.ecto4j.schema.OnReplace;
import io.ecto4j.schema.Schema;
import java.util.List;

/** Ecto's changeset/embedded_test.exs {@code Author}: an embed per on_replace. */
@Schema("embed_authors")
public interface EmbedAuthor {
  @Field String name();

  @EmbedsOne(onReplace = OnReplace.DELETE) EmbedProfile profile();

  @EmbedsOne EmbedProfile raiseProfile();

  @EmbedsOne(onReplace = OnReplace.MARK_AS_INVALID) EmbedProfile invalidProfile();

  @EmbedsOne(onReplace = OnReplace.UPDATE) EmbedProfile updateProfile();

  @EmbedsOne EmbedNested nested();

  @EmbedsMany(onReplace = OnReplace.DELETE) List<EmbedPost> posts();

  @EmbedsMany List<EmbedPost> raisePosts();

  @EmbedsMany(onReplace = OnReplace.MARK_AS_INVALID) List<EmbedPost> invalidPosts();
}
