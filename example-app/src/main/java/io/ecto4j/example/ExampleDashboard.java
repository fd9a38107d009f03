package io.ecto4j.example;

import io.ecto4j.dashboard.Dashboard;
import io.ecto4j.dashboard.QueryRecorder;
import io.ecto4j.example.accounts.Users;
import io.ecto4j.example.blog.CommentStruct;
import io.ecto4j.example.blog.PostStruct;
import io.ecto4j.example.blog.Posts;
import io.ecto4j.example.migrations.Migrations;
import io.ecto4j.example.shop.Orders;
import io.ecto4j.migration.Migrator;
import io.ecto4j.repo.Repo;
import java.util.List;

/**
 * The {@code --dashboard} flag: the example's repo, migrations and schemas shown by ecto4j's
 * dashboard (docs/dashboard.md), and a little traffic so its charts move. The browser test serves
 * the same wiring.
 */
public final class ExampleDashboard {
  /** Where {@code --dashboard} listens when it names no port. */
  public static final int DEFAULT_PORT = 4040;

  private ExampleDashboard() {}

  /** The dashboard over {@code repo}, whose statements {@code recorder} records. */
  public static Dashboard create(Repo repo, QueryRecorder recorder) {
    Migrator migrator = Migrator.builder(repo.dataSource()).migrations(Migrations.all()).output(line -> { }).build();
    return Dashboard.builder(repo, recorder).migrator(migrator).migrations(Migrations.all())
        .tables(Posts.SCHEMA, Users.SCHEMA, Orders.SCHEMA).build();
  }

  /**
   * One round of a feed page's traffic, written the naive way on purpose: the posts, then each
   * post's comments one query at a time (the N+1 the dashboard then names, with its preload), in
   * a unit of work as a web request would be.
   */
  public static int feed(Repo repo, QueryRecorder recorder) {
    try (QueryRecorder.UnitOfWork request = recorder.unit()) {
      int comments = 0;
      for (PostStruct post : repo.all(Posts.query())) {
        List<CommentStruct> loaded = repo.all(Posts.COMMENTS.of(post));
        comments += loaded.size();
      }
      return comments;
    }
  }
}
