package io.ecto4j.it.query;

import io.ecto4j.it.schemas.CommentStruct;
import io.ecto4j.it.schemas.PostStruct;
import io.ecto4j.it.schemas.TagStruct;
import io.ecto4j.it.schemas.UserStruct;
import io.ecto4j.repo.Repo;
import io.ecto4j.repo.WriteOptions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The lesson's blog as known rows: Ada wrote "Hello World" (5 comments) and "Ecto Guide" (12
 * comments), Grace wrote the unpublished "Phoenix Tips" (no comments), and "Draft" has no author.
 */
record BlogData(UserStruct ada, UserStruct grace, UserStruct linus, PostStruct hello, PostStruct guide,
    PostStruct tips, PostStruct draft, TagStruct elixir, TagStruct java) {

  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  static BlogData seed(Repo repo) {
    UserStruct ada = repo.insertOrThrow(new UserStruct().withName("Ada").withEmail("ada@example.com").withAge(36));
    UserStruct grace = repo.insertOrThrow(new UserStruct().withName("Grace").withEmail("grace@example.com").withAge(45));
    UserStruct linus = repo.insertOrThrow(new UserStruct().withName("Linus").withEmail("linus@example.com"));
    PostStruct hello = repo.insertOrThrow(post("Hello World", true, 10, 1).withAuthorId(ada.id()));
    PostStruct guide = repo.insertOrThrow(post("Ecto Guide", true, 250, 2).withAuthorId(ada.id()));
    PostStruct tips = repo.insertOrThrow(post("Phoenix Tips", false, 40, 3).withAuthorId(grace.id()));
    PostStruct draft = repo.insertOrThrow(post("Draft", false, 0, 4));
    List<CommentStruct> comments = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      comments.add(comment(hello, "Nice post " + i, i % 2 == 0 ? grace : linus));
    }
    for (int i = 1; i <= 12; i++) {
      comments.add(comment(guide, "Thanks " + i, grace));
    }
    repo.insertAll(io.ecto4j.it.schemas.Comments.SCHEMA, comments, WriteOptions.defaults().timestamps());
    TagStruct elixir = repo.insertOrThrow(new TagStruct().withName("elixir"));
    TagStruct java = repo.insertOrThrow(new TagStruct().withName("java"));
    tag(repo, hello, elixir);
    tag(repo, guide, elixir);
    tag(repo, guide, java);
    return new BlogData(ada, grace, linus, hello, guide, tips, draft, elixir, java);
  }

  static PostStruct post(String title, boolean published, int views, int day) {
    Instant at = T0.plusSeconds(86_400L * day);
    return new PostStruct().withTitle(title).withBody("Body of " + title).withPublished(published)
        .withViewCount(views).withInsertedAt(at).withUpdatedAt(at);
  }

  private static CommentStruct comment(PostStruct post, String body, UserStruct user) {
    return new CommentStruct().withPostId(post.id()).withBody(body).withAuthorName(user.name()).withUserId(user.id());
  }

  private static void tag(Repo repo, PostStruct post, TagStruct tag) {
    try (Connection connection = repo.dataSource().getConnection();
        PreparedStatement insert = connection.prepareStatement("INSERT INTO posts_tags (post_id, tag_id) VALUES (?, ?)")) {
      insert.setLong(1, post.id());
      insert.setLong(2, tag.id());
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
