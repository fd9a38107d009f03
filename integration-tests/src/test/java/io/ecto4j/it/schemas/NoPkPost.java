package io.ecto4j.it.schemas;

import io.ecto4j.changeset.Changeset;
import io.ecto4j.changeset.Length;
import io.ecto4j.schema.Embedded;
import io.ecto4j.schema.Field;
import java.util.Map;
import io.ecto4j.schema.PrimaryKey;

/** Ecto's embedded_test.exs {@code Post}: without a primary key (embedded_no_pk_test.exs). */
@Embedded(primaryKey = @PrimaryKey(type = PrimaryKey.Type.NONE))
public interface NoPkPost {
  @Field String title();

  /** Ecto's {@code Post.changeset/2}: title required, at least 3 characters. */
  static Changeset<NoPkPostStruct> changeset(NoPkPostStruct post, Map<String, ?> params) {
    return Changeset.cast(post, params, NoPkPosts.TITLE)
        .validateRequired(NoPkPosts.TITLE)
        .validateLength(NoPkPosts.TITLE, Length.min(3));
  }

  /** Ecto's {@code Post.optional_changeset/2}: the cast only. */
  static Changeset<NoPkPostStruct> optionalChangeset(NoPkPostStruct post, Map<String, ?> params) {
    return Changeset.cast(post, params, NoPkPosts.TITLE);
  }

  /** Ecto's {@code Post.set_action/2}: the changeset marked as an update. */
  static Changeset<NoPkPostStruct> setAction(NoPkPostStruct post, Map<String, ?> params) {
    return changeset(post, params).withAction(Changeset.Action.UPDATE);
  }
}
