package io.ecto4j.it.schemas;

import io.ecto4j.schema.AssocDefaults;

/** The defaults of the {@code Def*} schemas' associations: Ecto's keyword defaults and its function defaults. */
public final class DefDefaults {
  private DefDefaults() {}

  /** Ecto's {@code defaults: [title: "default"]}. */
  public static final class DraftPost implements AssocDefaults<DefPostStruct, DefAuthorStruct> {
    @Override
    public DefPostStruct apply(DefPostStruct post, DefAuthorStruct author) {
      return post.withTitle("default");
    }
  }

  /** Ecto's function defaults: the owner is given too. */
  public static final class OwnedProfile implements AssocDefaults<DefProfileStruct, DefAuthorStruct> {
    @Override
    public DefProfileStruct apply(DefProfileStruct profile, DefAuthorStruct author) {
      return profile.withName("default").withOwner(author.name());
    }
  }

  /** A new tag of a post names the post it came from. */
  public static final class TagFromPost implements AssocDefaults<DefTagStruct, DefPostStruct> {
    @Override
    public DefTagStruct apply(DefTagStruct tag, DefPostStruct post) {
      return tag.withOrigin("from " + post.title());
    }
  }

  /** A new author of a post starts as a guest. */
  public static final class GuestAuthor implements AssocDefaults<DefAuthorStruct, DefPostStruct> {
    @Override
    public DefAuthorStruct apply(DefAuthorStruct author, DefPostStruct post) {
      return author.withName("guest of " + post.title());
    }
  }
}
