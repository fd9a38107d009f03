package io.ecto4j.example.demo;

import io.ecto4j.Result;
import io.ecto4j.changeset.Changeset;
import io.ecto4j.example.accounts.Accounts;
import io.ecto4j.example.accounts.User;
import io.ecto4j.example.accounts.UserStruct;
import io.ecto4j.example.accounts.Users;
import io.ecto4j.example.blog.Blog.ListOptions;
import io.ecto4j.example.blog.Blog.Sort;
import io.ecto4j.example.blog.Blog;
import io.ecto4j.example.blog.CommentStruct;
import io.ecto4j.example.blog.Comments;
import io.ecto4j.example.blog.PostStruct;
import io.ecto4j.example.blog.Posts;
import io.ecto4j.example.shop.Shop.CartItem;
import io.ecto4j.example.shop.Shop;
import io.ecto4j.multi.Changes;
import io.ecto4j.multi.MultiFailure;
import io.ecto4j.query.Aggregate;
import io.ecto4j.query.Query;
import io.ecto4j.repo.Repo;
import io.ecto4j.type.Types;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** The lesson, section by section, each call printed with its result as in its IEx sessions. */
public final class Walkthrough {
  private final Repo repo;
  private final Console console;
  private final Blog blog;
  private final Accounts accounts;
  private final Shop shop;

  public Walkthrough(Repo repo, java.io.PrintStream out, java.util.function.LongSupplier statements, Clock clock) {
    this.repo = repo;
    this.console = new Console(out, statements);
    this.blog = new Blog(repo, clock);
    this.accounts = new Accounts(repo);
    this.shop = new Shop(repo);
  }

  public void run() {
    theRepo();
    schemas();
    changesets();
    queries();
    preloading();
    transactions();
    multi();
    exercise();
    console.summary();
  }

  private void theRepo() {
    console.section("1. The Repo");
    console.show("repo.all(Posts.query().limit(2))", () -> repo.all(Posts.query().orderBy(Posts.ID.asc()).limit(2)));
    console.show("repo.getOrThrow(Posts.SCHEMA, 1L)", () -> repo.getOrThrow(Posts.SCHEMA, 1L));
    console.show("repo.getBy(Posts.TITLE, \"Post 1 on changesets\")", () -> repo.getBy(Posts.TITLE, "Post 1 on changesets"));
    console.show("repo.one(Posts.query().where(Posts.ID.eq(1L)))", () -> repo.one(Posts.query().where(Posts.ID.eq(1L))));
    console.show("repo.aggregate(Posts.query(), Aggregate.count())", () -> repo.aggregate(Posts.query(), Aggregate.count()));
    console.show("repo.get(Posts.SCHEMA, 404_404L)   // Repo.get/2 returns nil", () -> repo.get(Posts.SCHEMA, 404_404L));
    console.show("repo.getOrThrow(Posts.SCHEMA, 404_404L)   // Repo.get!/2 raises", () -> attempt(() -> repo.getOrThrow(Posts.SCHEMA, 404_404L)));
  }

  private void schemas() {
    console.section("2. Schemas");
    console.show("new PostStruct()   // %Post{} with its defaults", PostStruct::new);
    console.show("Posts.VIEW_COUNT   // a typed Field<PostStruct, Integer>", () -> Posts.VIEW_COUNT + " -> column "
        + Posts.VIEW_COUNT.column() + " " + Posts.VIEW_COUNT.type().sqlType());
    console.show("repo.getOrThrow(Posts.SCHEMA, 1L).comments()   // not preloaded",
        () -> attempt(() -> repo.getOrThrow(Posts.SCHEMA, 1L).comments()));
  }

  private void changesets() {
    console.section("3. Changesets");
    Changeset<UserStruct> invalid = console.show(
        "User.registrationChangeset(new UserStruct(), {name: \"Ada\", email: \"bad-email\", password: \"short\"})",
        () -> User.registrationChangeset(new UserStruct(), Map.of("name", "Ada", "email", "bad-email", "password", "short")));
    console.show("changeset.isValid()", invalid::isValid);
    console.show("changeset.errors()", () -> Console.ectoErrors(invalid.errors()));
    console.show("changeset.traverseErrors()", invalid::traverseErrors);
    Changeset<UserStruct> valid = console.show("User.registrationChangeset(new UserStruct(), {name: \"Ada\", email: \"ada@example.com\", password: \"correct horse\"})",
        () -> User.registrationChangeset(new UserStruct(), Map.of("name", "Ada", "email", "ada@example.com", "password", "correct horse")));
    console.show("changeset.changes()", valid::changes);
    UserStruct user = repo.getOrThrow(Users.SCHEMA, 1L);
    console.show("User.profileChangeset(user, {age: \"200\", email: \"hijack@example.com\"})   // email is not permitted",
        () -> User.profileChangeset(user, Map.of("age", "200", "email", "hijack@example.com")));
    console.show("accounts.registerUser({name: \"Twin\", email: \"user0@example.com\", …})   // unique_constraint",
        () -> accounts.registerUser(Map.of("name", "Twin", "email", "user0@example.com", "password", "long enough")));
  }

  private void queries() {
    console.section("4. Queries");
    console.note("from p in Post, where: p.published == true, where: p.view_count > 100, order_by: [desc: p.inserted_at], limit: 3");
    console.show("repo.all(Posts.query().where(Posts.PUBLISHED.eq(true)).where(Posts.VIEW_COUNT.gt(100))"
        + ".orderBy(Posts.INSERTED_AT.desc()).limit(3).select(Posts.TITLE, Posts.VIEW_COUNT))",
        () -> repo.all(Posts.query().where(Posts.PUBLISHED.eq(true)).where(Posts.VIEW_COUNT.gt(100))
            .orderBy(Posts.INSERTED_AT.desc()).limit(3).select(Posts.TITLE, Posts.VIEW_COUNT)));
    console.note("the piped style is the same values, composed by small functions:");
    console.show("blog.listPosts(new ListOptions(true, null, Sort.OLDEST, 3))",
        () -> titles(blog.listPosts(new ListOptions(true, null, Sort.OLDEST, 3))));
    console.note("from p in \"posts\", where: p.published == true, select: p.title — no schema");
    console.show("repo.all(Query.from(\"posts\").where(published.eq(true)).select(title).limit(3))", () -> repo.all(
        Query.from("posts").where(Query.column("published", Types.BOOLEAN).eq(true))
            .orderBy(Query.column("id", Types.LONG).asc()).limit(3).select(Query.column("title", Types.STRING))));
    console.note("from p in Post, join: c in assoc(p, :comments), group_by: p.id, select: {p.title, count(c.id)}");
    console.show("repo.all(Posts.query().join(Posts.COMMENTS).groupBy(Posts.ID).select(Posts.TITLE, count(Comments.ID)).limit(3))",
        () -> repo.all(Posts.query().join(Posts.COMMENTS).groupBy(Posts.ID).orderBy(Posts.ID.asc())
            .select(Posts.TITLE, Aggregate.count(Comments.ID)).limit(3)));
    console.show("repo.toSql(Posts.query().where(Posts.TITLE.eq(\"x\")))", () -> repo.toSql(Posts.query().where(Posts.TITLE.eq("x"))));
  }

  private void preloading() {
    console.section("5. Preloading");
    List<PostStruct> posts = repo.all(Posts.query().orderBy(Posts.ID.asc()).limit(100));
    List<PostStruct> loaded = console.show("repo.preload(posts, Posts.AUTHOR, Posts.COMMENTS.then(Comments.USER))   // 100 posts",
        () -> blog.withAuthorsAndComments(posts));
    console.show("loaded.get(0).author().name()", () -> loaded.get(0).author().name());
    console.show("((CommentStruct) loaded.get(0).comments().get(0)).user().email()",
        () -> ((CommentStruct) loaded.get(0).comments().get(0)).user().email());
    console.note("three statements for 100 posts: one per association and level, never one per post");
  }

  private void transactions() {
    console.section("6. Transactions");
    UserStruct buyer = repo.getOrThrow(Users.SCHEMA, 1L);
    console.show("shop.placeOrder(user, [product 1 x 2])", () -> shop.placeOrder(buyer, List.of(new CartItem(1, 2))));
    console.show("shop.placeOrder(user, [product 1 x 1, product 3 x 1])   // product 3 is out of stock",
        () -> shop.placeOrder(buyer, List.of(new CartItem(1, 1), new CartItem(3, 1))));
    console.show("shop.stock(1)   // only the first order took stock", () -> shop.stock(1));
  }

  private void multi() {
    console.section("7. Multi");
    console.show("accounts.registerUser({name: \"Grace\", email: \"grace@example.com\", password: \"analytical engine\"})",
        () -> accounts.registerUser(Map.of("name", "Grace", "email", "grace@example.com", "password", "analytical engine")));
    Result<UserStruct, Changeset<?>> failed = console.show("accounts.registerUser({name: \"Bad\", email: \"bad-email\", password: \"x\"})",
        () -> accounts.registerUser(Map.of("name", "Bad", "email", "bad-email", "password", "x")));
    console.show("the user step's errors", () -> Console.ectoErrors(((Result.Err<UserStruct, Changeset<?>>) failed).error().errors()));
  }

  private void exercise() {
    console.section("8. The exercise: a Blog context");
    console.show("1. blog.listPosts(new ListOptions(null, 1L, Sort.NEWEST, 3))",
        () -> titles(blog.listPosts(new ListOptions(null, 1L, Sort.NEWEST, 3))));
    PostStruct draft = blog.listPosts(new ListOptions(false, null, Sort.OLDEST, 1)).get(0);
    console.show("2. blog.publishPost(\"" + draft.title() + "\")", () -> {
      PostStruct published = blog.publishPost(draft);
      return "published=" + published.published() + ", publishedAt=" + published.publishedAt();
    });
    Result<Changes, MultiFailure> created = console.show("3. blog.createPostWithComment({title: \"Multi in Java\", …}, {body: \"First!\", …})",
        () -> blog.createPostWithComment(
            Map.of("title", "Multi in Java", "body", "Named steps in one transaction, typed keys.", "authorId", 1L),
            Map.of("body", "First!", "authorName", "Ada")));
    console.show("   changes by step", () -> created.orElseThrow().asMap().keySet());
    console.show("3. blog.createPostWithComment({title: \"Doomed post\", …}, {body: \"\"})   // invalid comment",
        () -> failureOf(blog.createPostWithComment(Map.of("title", "Doomed post", "body", "This post must not survive."),
            Map.of("body", "", "authorName", "Ada"))));
    console.show("   repo.getBy(Posts.TITLE, \"Doomed post\")", () -> repo.getBy(Posts.TITLE, "Doomed post"));
    console.show("4. blog.topPostsByCommentCount(5)   // the bonus", () -> blog.topPostsByCommentCount(5));
    console.show("5. blog.withAuthorsAndComments(latest 3) — authors", () -> blog.withAuthorsAndComments(
        blog.listPosts(new ListOptions(true, null, Sort.NEWEST, 3))).stream().map(p -> p.author().name()).toList());
  }

  private static String failureOf(Result<Changes, MultiFailure> result) {
    MultiFailure failure = ((Result.Err<Changes, MultiFailure>) result).error();
    Changeset<?> changeset = (Changeset<?>) failure.value();
    return "{:error, :" + failure.step() + ", " + changeset.traverseErrors() + ", changes so far: "
        + failure.changesSoFar().asMap().keySet() + "}";
  }

  private static List<String> titles(List<PostStruct> posts) {
    return posts.stream().map(PostStruct::title).toList();
  }

  private static Object attempt(java.util.function.Supplier<?> action) {
    try {
      return action.get();
    } catch (RuntimeException e) {
      return "** (" + e.getClass().getSimpleName() + ") " + e.getMessage();
    }
  }
}
