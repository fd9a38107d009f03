package io.ecto4j.example;

import io.ecto4j.example.accounts.UserStruct;
import io.ecto4j.example.accounts.Users;
import io.ecto4j.example.blog.Comments;
import io.ecto4j.example.blog.PostStruct;
import io.ecto4j.example.blog.Posts;
import io.ecto4j.example.blog.Tags;
import io.ecto4j.query.Aggregate;
import io.ecto4j.repo.Repo;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Supplier;

/**
 * The lesson, runnable: {@code mvn -q -B package -DskipTests -Pdemo}. Uses {@code DATABASE_URL}
 * (or {@code --database-url=…}) when given, an embedded PostgreSQL otherwise.
 */
public final class Main {
  private final Repo repo;
  private final PrintStream out;

  private Main(Repo repo, PrintStream out) {
    this.repo = repo;
    this.out = out;
  }

  public static void main(String[] args) throws Exception {
    String url = System.getenv("DATABASE_URL");
    for (String arg : args) {
      if (arg.startsWith("--database-url=")) {
        url = arg.substring("--database-url=".length());
      }
    }
    try (Database database = Database.open(url)) {
      System.out.println("ecto4j demo on " + database.describe() + ", database " + Database.DEMO_DATABASE);
      database.recreateDemoDatabase();
      try (Repo repo = Repo.builder().url(database.demoUrl()).maximumPoolSize(4).build()) {
        new Main(repo, System.out).run();
      }
    }
  }

  void run() throws SQLException {
    createTables();
    section("The Repo");
    UserStruct ada = show("repo.insertOrThrow(new UserStruct().withName(\"Ada\").withEmail(\"ada@example.com\"))",
        () -> repo.insertOrThrow(new UserStruct().withName("Ada").withEmail("ada@example.com").withPassword("correct horse")));
    PostStruct hello = show("repo.insertOrThrow(new PostStruct().withTitle(\"Hello World\")…)",
        () -> repo.insertOrThrow(new PostStruct().withTitle("Hello World").withBody("The first post of the blog.")
            .withAuthorId(ada.id())));
    show("repo.insertOrThrow(new PostStruct().withTitle(\"Ecto Guide\")…)",
        () -> repo.insertOrThrow(new PostStruct().withTitle("Ecto Guide").withBody("Schemas, changesets, queries.")
            .withPublished(true).withViewCount(120).withAuthorId(ada.id())));
    show("repo.all(Posts.SCHEMA)", () -> repo.all(Posts.SCHEMA));
    show("repo.getOrThrow(Posts.SCHEMA, " + hello.id() + ")", () -> repo.getOrThrow(Posts.SCHEMA, hello.id()));
    show("repo.getBy(Posts.TITLE, \"Ecto Guide\")", () -> repo.getBy(Posts.TITLE, "Ecto Guide"));
    show("repo.one(Posts.query().where(Posts.ID.eq(" + hello.id() + ")))",
        () -> repo.one(Posts.query().where(Posts.ID.eq(hello.id()))));
    show("repo.aggregate(Posts.query(), Aggregate.count())", () -> repo.aggregate(Posts.query(), Aggregate.count()));
    show("repo.exists(Posts.query().where(Posts.VIEW_COUNT.gt(100)))",
        () -> repo.exists(Posts.query().where(Posts.VIEW_COUNT.gt(100))));
    show("repo.get(Posts.SCHEMA, 404)", () -> repo.get(Posts.SCHEMA, 404));
  }

  private void createTables() throws SQLException {
    try (Connection connection = repo.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      for (String ddl : new String[] {Users.DDL, Tags.DDL, Posts.DDL, Comments.DDL, Posts.JOIN_TABLES_DDL}) {
        statement.execute(ddl);
      }
    }
  }

  private void section(String title) {
    out.println();
    out.println("== " + title + " ==");
  }

  private <T> T show(String call, Supplier<T> action) {
    out.println("ecto4j> " + call);
    T result = action.get();
    out.println("  => " + result);
    return result;
  }
}
