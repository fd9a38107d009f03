package io.ecto4j.it.preload;

import io.ecto4j.it.schemas.CommentStruct;
import io.ecto4j.it.schemas.PostStruct;
import io.ecto4j.it.schemas.TagStruct;
import io.ecto4j.it.schemas.UserStruct;
import io.ecto4j.repo.Repo;
import java.util.ArrayList;
import java.util.List;

/**
 * The preload tests' blog: users "User 0".."User 4"; posts "Post 0".."Post 99", where post p has
 * p % 4 comments (comment c by user c % 5), no author when p % 7 == 0 (else user p % 5), and the
 * tags java and ecto when p is even.
 */
final class PreloadSeed {
  private PreloadSeed() {}

  static void seed(Repo repo) {
    List<UserStruct> users = new ArrayList<>();
    for (int u = 0; u < 5; u++) {
      users.add(repo.insertOrThrow(new UserStruct().withName("User " + u).withEmail("user" + u + "@example.com")));
    }
    List<TagStruct> tags = List.of(repo.insertOrThrow(new TagStruct().withName("java")),
        repo.insertOrThrow(new TagStruct().withName("ecto")));
    for (int p = 0; p < 100; p++) {
      PostStruct post = repo.insertOrThrow(new PostStruct().withTitle("Post " + p).withBody("Body")
          .withAuthorId(p % 7 == 0 ? null : users.get(p % 5).id()));
      for (int c = 0; c < p % 4; c++) {
        repo.insertOrThrow(new CommentStruct().withBody("Comment " + c + " on " + p).withPostId(post.id())
            .withUserId(users.get(c % 5).id()));
      }
      if (p % 2 == 0) {
        repo.query("INSERT INTO posts_tags (post_id, tag_id) VALUES (?, ?), (?, ?)",
            List.of(post.id(), tags.get(0).id(), post.id(), tags.get(1).id()), row -> null);
      }
    }
  }
}
