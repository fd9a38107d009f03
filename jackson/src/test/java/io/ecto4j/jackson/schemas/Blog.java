package io.ecto4j.jackson.schemas;

import io.ecto4j.changeset.Changeset;
import io.ecto4j.changeset.Length;
import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;
import java.util.Map;

/** The test schemas' tables, from the DDL the processor generated, and their changesets. */
public final class Blog {
  private Blog() {}

  public static void create(TestDatabase db) throws SQLException {
    db.execute(Authors.DDL);
    db.execute(Posts.DDL);
    db.execute(Comments.DDL);
    db.execute(Tags.DDL);
    db.execute(Posts.JOIN_TABLES_DDL);
    db.execute(Profiles.DDL);
  }

  public static Changeset<PostStruct> post(PostStruct post, Map<String, ?> params) {
    return Changeset.cast(post, params, Posts.TITLE, Posts.PUBLISHED, Posts.VIEWS, Posts.LIKES, Posts.PRICE,
            Posts.RATING, Posts.PUBLISHED_ON, Posts.PUBLISHED_AT, Posts.REF)
        .validateRequired(Posts.TITLE)
        .validateLength(Posts.TITLE, Length.min(3))
        .castAssoc(Posts.AUTHOR, Blog::author)
        .castAssoc(Posts.COMMENTS, Blog::comment);
  }

  public static Changeset<AuthorStruct> author(AuthorStruct author, Map<String, ?> params) {
    return Changeset.cast(author, params, Authors.NAME, Authors.EMAIL, Authors.PASSWORD)
        .validateRequired(Authors.EMAIL)
        .validateLength(Authors.PASSWORD, Length.min(8));
  }

  public static Changeset<ProfileStruct> profile(ProfileStruct profile, Map<String, ?> params) {
    return Changeset.cast(profile, params, Profiles.SETTINGS, Profiles.LABELS, Profiles.SCORES, Profiles.THEME);
  }

  public static Changeset<CommentStruct> comment(CommentStruct comment, Map<String, ?> params) {
    return Changeset.cast(comment, params, Comments.BODY)
        .validateRequired(Comments.BODY)
        .validateLength(Comments.BODY, Length.max(20));
  }
}
