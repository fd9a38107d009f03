package io.ecto4j.example.demo;

import io.ecto4j.example.accounts.Accounts;
import io.ecto4j.example.accounts.UserStruct;
import io.ecto4j.example.blog.CommentStruct;
import io.ecto4j.example.blog.Comments;
import io.ecto4j.example.blog.PostStruct;
import io.ecto4j.example.blog.Posts;
import io.ecto4j.example.blog.TagStruct;
import io.ecto4j.example.blog.Tags;
import io.ecto4j.example.shop.Inventories;
import io.ecto4j.example.shop.InventoryStruct;
import io.ecto4j.query.OnConflict;
import io.ecto4j.repo.Repo;
import io.ecto4j.repo.WriteOptions;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Deterministic demo data: users registered through the Accounts context, then bulk-inserted posts. */
public final class Seeds {
  public static final int USERS = 12;
  public static final int POSTS = 300;
  /** The average number of comments per post. */
  public static final int COMMENTS_PER_POST = 10;
  private static final String[] TAGS = {"elixir", "ecto", "java", "postgres", "databases"};
  private static final String[] WORDS = {"schemas", "changesets", "queries", "preloads", "migrations",
      "transactions", "multi", "repos", "constraints", "indexes"};

  private final Repo repo;
  private final PrintStream out;

  public Seeds(Repo repo, PrintStream out) {
    this.repo = repo;
    this.out = out;
  }

  /** Seeds users, posts, comments, tags and stock, with a progress bar per kind. */
  public void run() {
    Random random = new Random(2026);
    List<UserStruct> users = users();
    List<PostStruct> posts = posts(users, random);
    comments(users, posts, random);
    tags(posts);
    repo.insertAll(Inventories.SCHEMA, List.of(
        new InventoryStruct().withProductId(1).withStock(10),
        new InventoryStruct().withProductId(2).withStock(1),
        new InventoryStruct().withProductId(3).withStock(0)), WriteOptions.defaults().timestamps());
  }

  private List<UserStruct> users() {
    Accounts accounts = new Accounts(repo);
    ProgressBar bar = new ProgressBar(out, "users", USERS);
    List<UserStruct> users = new ArrayList<>();
    for (int i = 0; i < USERS; i++) {
      users.add(accounts.registerUser(Map.of("name", "User " + i, "email", "user" + i + "@example.com",
          "password", "password-" + i, "age", String.valueOf(20 + i))).orElseThrow());
      bar.update(i + 1);
    }
    return users;
  }

  private List<PostStruct> posts(List<UserStruct> users, Random random) {
    ProgressBar bar = new ProgressBar(out, "posts", POSTS);
    Instant start = Instant.parse("2026-01-01T09:00:00Z");
    List<PostStruct> rows = new ArrayList<>();
    for (int i = 0; i < POSTS; i++) {
      Instant at = start.plus(Duration.ofHours(7L * i));
      rows.add(new PostStruct().withTitle("Post " + i + " on " + WORDS[i % WORDS.length])
          .withBody("A post about " + WORDS[random.nextInt(WORDS.length)] + " and " + WORDS[random.nextInt(WORDS.length)] + ".")
          .withPublished(i % 2 == 0).withPublishedAt(i % 2 == 0 ? at : null)
          .withViewCount(random.nextInt(1000)).withAuthorId(users.get(i % users.size()).id())
          .withInsertedAt(at).withUpdatedAt(at));
    }
    List<PostStruct> inserted = new ArrayList<>();
    for (int from = 0; from < rows.size(); from += 100) {
      inserted.addAll(repo.insertAllReturning(Posts.SCHEMA, rows.subList(from, Math.min(rows.size(), from + 100)),
          WriteOptions.defaults().timestamps().onConflict(OnConflict.raise())));
      bar.update(inserted.size());
    }
    return inserted;
  }

  private void comments(List<UserStruct> users, List<PostStruct> posts, Random random) {
    int[] counts = new int[posts.size()];
    int total = 0;
    for (int i = 0; i < counts.length; i++) {
      // Between 1 and 2 * COMMENTS_PER_POST - 1, so that posts differ for the top-5 query.
      counts[i] = 1 + (int) ((posts.get(i).id() * 7) % (2 * COMMENTS_PER_POST - 1));
      total += counts[i];
    }
    ProgressBar bar = new ProgressBar(out, "comments", total);
    List<CommentStruct> batch = new ArrayList<>();
    int done = 0;
    for (int i = 0; i < posts.size(); i++) {
      for (int c = 0; c < counts[i]; c++) {
        UserStruct user = users.get(random.nextInt(users.size()));
        batch.add(new CommentStruct().withBody("Great post about " + WORDS[c % WORDS.length])
            .withAuthorName(user.name()).withUserId(user.id()).withPostId(posts.get(i).id()));
      }
      if (batch.size() >= 1000 || i == posts.size() - 1) {
        done += (int) repo.insertAll(Comments.SCHEMA, batch, WriteOptions.defaults().timestamps());
        batch.clear();
        bar.update(done);
      }
    }
  }

  private void tags(List<PostStruct> posts) {
    List<TagStruct> tags = new ArrayList<>();
    for (String name : TAGS) {
      tags.add(new TagStruct().withName(name));
    }
    List<TagStruct> inserted = repo.insertAllReturning(Tags.SCHEMA, tags,
        WriteOptions.defaults().timestamps().onConflict(OnConflict.raise()));
    List<Map<String, Object>> links = new ArrayList<>();
    for (int i = 0; i < posts.size(); i++) {
      links.add(Map.of("post_id", posts.get(i).id(), "tag_id", inserted.get(i % inserted.size()).id()));
    }
    // Thousands of join rows at once: insert_all into the join table, as Ecto's seeds do.
    for (int from = 0; from < links.size(); from += 5000) {
      repo.insertAll("posts_tags", links.subList(from, Math.min(links.size(), from + 5000)));
    }
  }
}
