package io.ecto4j.it.schemas;

import io.ecto4j.changeset.Changeset;
import io.ecto4j.changeset.Length;
import io.ecto4j.schema.Embedded;
import io.ecto4j.schema.Field;
import java.util.Map;
import java.util.UUID;

/** Ecto's changeset/embedded_test.exs {@code Post}: an embedded schema with the default UUID key. */
@Embedded
public interface EmbedPost {
  UUID id();

  @Field String title();

  @Field Integer position();

  /** Ecto's {@code Post.changeset/2}: title required, at least 3 characters. */
  static Changeset<EmbedPostStruct> changeset(EmbedPostStruct post, Map<String, ?> params) {
    return Changeset.cast(post, params, EmbedPosts.TITLE)
        .validateRequired(EmbedPosts.TITLE)
        .validateLength(EmbedPosts.TITLE, Length.min(3));
  }

  /** Ecto's {@code Post.changeset_with_position/3}: the changeset with the embed's position. */
  static Changeset<EmbedPostStruct> changesetWithPosition(EmbedPostStruct post, Map<String, ?> params, int position) {
    return changeset(post, params).putChange(EmbedPosts.POSITION, position);
  }

  /** Ecto's {@code Post.optional_changeset/2}: the cast only. */
  static Changeset<EmbedPostStruct> optionalChangeset(EmbedPostStruct post, Map<String, ?> params) {
    return Changeset.cast(post, params, EmbedPosts.TITLE);
  }

  /** Ecto's {@code Post.set_action/2}: the changeset marked with the {@code action} param, UPDATE by default. */
  static Changeset<EmbedPostStruct> setAction(EmbedPostStruct post, Map<String, ?> params) {
    Object action = params.get("action");
    return changeset(post, params)
        .withAction(action == null ? Changeset.Action.UPDATE : Changeset.Action.valueOf(action.toString()));
  }
}
