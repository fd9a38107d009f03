package io.ecto4j.it.query;

import static io.ecto4j.query.Functions.fragment;
import static io.ecto4j.query.Functions.plus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.it.schemas.BlogSchema;
import io.ecto4j.it.schemas.CommentStruct;
import io.ecto4j.it.schemas.Comments;
import io.ecto4j.it.schemas.PostStruct;
import io.ecto4j.it.schemas.Posts;
import io.ecto4j.it.schemas.SampleStruct;
import io.ecto4j.it.schemas.Samples;
import io.ecto4j.it.schemas.TagStruct;
import io.ecto4j.it.schemas.Tags;
import io.ecto4j.it.schemas.Users;
import io.ecto4j.query.Aggregate;
import io.ecto4j.query.OnConflict;
import io.ecto4j.query.Query;
import io.ecto4j.query.Update;
import io.ecto4j.repo.QueryException;
import io.ecto4j.repo.Repo;
import io.ecto4j.repo.WriteOptions;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import io.ecto4j.type.Types;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** update_all, delete_all and insert_all with on_conflict, conflict targets and returning. */
@EctoTest(sandbox = true)
class BulkOperationsTest {
  private BlogData blog;

  @BeforeAll
  static void createTables(TestDatabase db) throws SQLException {
    BlogSchema.create(db);
    db.execute("CREATE UNIQUE INDEX posts_title_index ON posts (title)");
    db.execute("ALTER TABLE tags ADD CONSTRAINT tags_name_key UNIQUE (name)");
  }

  @BeforeEach
  void seed(Repo repo) {
    blog = BlogData.seed(repo);
  }

  private static int views(Repo repo, PostStruct post) {
    return repo.getOrThrow(Posts.SCHEMA, post.id()).viewCount();
  }

  @Test
  void updateAllSetsAndIncrements(Repo repo) {
    long changed = repo.updateAll(Posts.query().where(Posts.PUBLISHED.eq(true)),
        Update.set(Posts.BODY, "rewritten"), Update.inc(Posts.VIEW_COUNT, 1));
    assertThat(changed).isEqualTo(2);
    assertThat(repo.all(Posts.query().where(Posts.BODY.eq("rewritten")).orderBy(Posts.ID.asc())))
        .extracting(PostStruct::viewCount).containsExactly(11, 251);
    repo.updateAll(Posts.query().where(Posts.ID.eq(blog.guide().id())),
        Update.set(Posts.VIEW_COUNT, plus(Posts.VIEW_COUNT, Posts.VIEW_COUNT)), Update.setNull(Posts.AUTHOR_ID));
    assertThat(repo.getOrThrow(Posts.SCHEMA, blog.guide().id()).authorId()).isNull();
    assertThat(views(repo, blog.guide())).isEqualTo(502);
    assertThat(repo.updateAll(Posts.query().where(Posts.ID.eq(-1L)), Update.inc(Posts.VIEW_COUNT, 1))).isZero();
  }

  @Test
  void decrementGuardedLikeTheLessonsPlaceOrder(Repo repo) {
    // from(i in Inventory, where: i.product_id == ^id and i.stock >= ^qty) |> Repo.update_all(inc: [stock: -qty])
    Query<PostStruct> enoughStock = Posts.query().where(Posts.ID.eq(blog.tips().id()).and(Posts.VIEW_COUNT.ge(30)));
    assertThat(repo.updateAll(enoughStock, Update.inc(Posts.VIEW_COUNT, -30))).isEqualTo(1);
    assertThat(repo.updateAll(enoughStock, Update.inc(Posts.VIEW_COUNT, -30))).isZero();
    assertThat(views(repo, blog.tips())).isEqualTo(10);
  }

  @Test
  void updateAllReturningAndJoins(Repo repo) {
    List<String> titles = repo.updateAllReturning(
        Posts.query().join(Posts.AUTHOR).where(Users.NAME.eq("Ada")).select(Posts.TITLE),
        Update.set(Posts.PUBLISHED, false));
    assertThat(titles).containsExactlyInAnyOrder("Hello World", "Ecto Guide");
    List<PostStruct> rows = repo.updateAllReturning(Posts.query().where(Posts.ID.eq(blog.hello().id())),
        Update.set(Posts.TITLE, fragment(Types.STRING, "upper(?)", Posts.TITLE)));
    assertThat(rows).containsExactly(blog.hello().withTitle("HELLO WORLD").withPublished(false));
  }

  @Test
  void pushAndPullOnArrays(Repo repo) {
    SampleStruct sample = repo.insertOrThrow(new SampleStruct().withStrings(List.of("a", "b", "a")).withNumbers(List.of(1)));
    Query<SampleStruct> it = Samples.query().where(Samples.ID.eq(sample.id()));
    repo.updateAll(it, Update.push(Samples.STRINGS, "c"), Update.push(Samples.NUMBERS, 2));
    assertThat(repo.one(it.select(Samples.STRINGS))).contains(List.of("a", "b", "a", "c"));
    assertThat(repo.one(it.select(Samples.NUMBERS))).contains(List.of(1, 2));
    repo.updateAll(it, Update.pull(Samples.STRINGS, "a"), Update.pull(Samples.NUMBERS, 1));
    assertThat(repo.one(it.select(Samples.STRINGS))).contains(List.of("b", "c"));
    assertThat(repo.one(it.select(Samples.NUMBERS))).contains(List.of(2));
  }

  @Test
  void updateAllOfATableWithoutSchema(Repo repo) {
    long changed = repo.updateAll(Query.from("posts").where(Query.column("title", Types.STRING).eq("Draft")),
        Update.set(Query.column("view_count", Types.INTEGER), 7));
    assertThat(changed).isEqualTo(1);
    assertThat(views(repo, blog.draft())).isEqualTo(7);
  }

  @Test
  void deleteAllWithAndWithoutReturning(Repo repo) {
    assertThat(repo.deleteAll(Comments.query().where(Comments.POST_ID.eq(blog.hello().id())))).isEqualTo(5);
    List<CommentStruct> deleted = repo.deleteAllReturning(
        Comments.query().join(Comments.POST).where(Posts.TITLE.eq("Ecto Guide")));
    assertThat(deleted).hasSize(12).allSatisfy(c -> assertThat(c.postId()).isEqualTo(blog.guide().id()));
    assertThat(repo.deleteAllReturning(Posts.query().where(Posts.AUTHOR_ID.isNull()).select(Posts.TITLE)))
        .containsExactly("Draft");
    assertThat(repo.exists(Comments.query())).isFalse();
  }

  @Test
  void bulkWritesTakeOnlyWhereJoinsAndCtes(Repo repo) {
    assertThatThrownBy(() -> repo.updateAll(Posts.query().limit(1), Update.inc(Posts.VIEW_COUNT, 1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("updateAll takes only where, inner joins");
    assertThatThrownBy(() -> repo.deleteAll(Posts.query().leftJoin(Posts.COMMENTS)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("deleteAll supports inner joins");
    assertThatThrownBy(() -> repo.updateAll(Posts.query(), Update.set(Users.NAME, "x")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("User.name is not a column of the table");
  }

  @Test
  void insertAllInOneStatement(Repo repo) {
    List<TagStruct> tags = List.of(new TagStruct().withName("go"), new TagStruct().withName("rust"));
    assertThat(repo.insertAll(Tags.SCHEMA, tags, WriteOptions.defaults().timestamps())).isEqualTo(2);
    List<PostStruct> inserted = repo.insertAllReturning(Posts.SCHEMA,
        List.of(new PostStruct().withTitle("One"), new PostStruct().withTitle("Two").withViewCount(2)),
            WriteOptions.defaults().timestamps().onConflict(OnConflict.raise()));
    assertThat(inserted).extracting(PostStruct::title).containsExactly("One", "Two");
    assertThat(inserted).allSatisfy(p -> assertThat(p.id()).isNotNull())
        .allSatisfy(p -> assertThat(p.insertedAt()).isNotNull().isEqualTo(p.updatedAt()));
    assertThat(repo.insertAll(Posts.SCHEMA, List.of(), WriteOptions.defaults().timestamps())).isZero();
    assertThatThrownBy(() -> repo.insertAll(Tags.SCHEMA, List.of(new TagStruct().withName("go")),
        WriteOptions.defaults().timestamps()))
        .isInstanceOf(QueryException.class).satisfies(e -> assertThat(((QueryException) e).sqlState()).isEqualTo("23505"));
  }

  @Test
  void onConflictNothingSkipsTheConflictingRows(Repo repo) {
    List<PostStruct> rows = List.of(BlogData.post("Hello World", false, 1, 9), BlogData.post("New", false, 1, 9));
    assertThat(repo.insertAll(Posts.SCHEMA, rows,
        WriteOptions.defaults().timestamps().onConflict(OnConflict.nothing()))).isEqualTo(1);
    assertThat(repo.insertAllReturning(Posts.SCHEMA, List.of(BlogData.post("New", false, 1, 9)),
        WriteOptions.defaults().timestamps().onConflict(OnConflict.nothing().target(Posts.TITLE)))).isEmpty();
    assertThat(views(repo, blog.hello())).isEqualTo(10);
  }

  @Test
  void onConflictReplaceFields(Repo repo) {
    PostStruct proposed = BlogData.post("Hello World", false, 99, 9).withBody("replaced body");
    List<PostStruct> rows = repo.insertAllReturning(Posts.SCHEMA, List.of(proposed),
        WriteOptions.defaults().timestamps().onConflict(OnConflict.replace(Posts.BODY).target(Posts.TITLE)));
    assertThat(rows).containsExactly(blog.hello().withBody("replaced body"));
  }

  @Test
  void onConflictReplaceAllExceptKeys(Repo repo) {
    PostStruct proposed = BlogData.post("Hello World", false, 99, 9);
    PostStruct upserted = repo.insertAllReturning(Posts.SCHEMA, List.of(proposed),
        WriteOptions.defaults().timestamps().onConflict(OnConflict.replaceAllExcept(Posts.ID, Posts.INSERTED_AT).target(Posts.TITLE))).get(0);
    assertThat(upserted.id()).isEqualTo(blog.hello().id());
    assertThat(upserted.viewCount()).isEqualTo(99);
    assertThat(upserted.authorId()).isNull();
    assertThat(upserted.insertedAt()).isEqualTo(blog.hello().insertedAt());
    assertThat(upserted.updatedAt()).isEqualTo(proposed.updatedAt());
    PostStruct again = repo.insertAllReturning(Posts.SCHEMA, List.of(proposed.withViewCount(5)),
        WriteOptions.defaults().timestamps().onConflict(OnConflict.replaceAllExcept(Posts.ID).target(Posts.TITLE))).get(0);
    assertThat(again.id()).isEqualTo(blog.hello().id());
    assertThat(again.insertedAt()).isEqualTo(proposed.insertedAt());
  }

  @Test
  void onConflictUpdateWithExcludedValuesAndAConstraintTarget(Repo repo) {
    List<PostStruct> rows = new ArrayList<>();
    rows.add(BlogData.post("Hello World", false, 5, 9));
    rows.add(BlogData.post("Brand New", false, 5, 9));
    List<PostStruct> result = repo.insertAllReturning(Posts.SCHEMA, rows,
        WriteOptions.defaults().timestamps().onConflict(OnConflict.update(Update.set(Posts.VIEW_COUNT, plus(Posts.VIEW_COUNT, OnConflict.excluded(Posts.VIEW_COUNT))))
            .target(Posts.TITLE)));
    assertThat(result).extracting(PostStruct::title, PostStruct::viewCount)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Hello World", 15),
            org.assertj.core.groups.Tuple.tuple("Brand New", 5));
    // the update only where it matches; a skipped row is neither counted nor returned
    long counted = repo.insertAll(Posts.SCHEMA, List.of(BlogData.post("Ecto Guide", false, 1, 9)),
        WriteOptions.defaults().timestamps().onConflict(OnConflict.update(Update.inc(Posts.VIEW_COUNT, 1)).target(Posts.TITLE).where(Posts.VIEW_COUNT.lt(100))));
    assertThat(counted).isZero();
    assertThat(repo.insertAll(Tags.SCHEMA, List.of(new TagStruct().withName("java")),
        WriteOptions.defaults().timestamps().onConflict(OnConflict.update(Update.set(Tags.NAME, "java!")).targetConstraint("tags_name_key")))).isEqualTo(1);
    assertThat(repo.getBy(Tags.NAME, "java!")).isPresent();
  }

  @Test
  void misuseOfInsertAllIsExplained(Repo repo) {
    assertThatThrownBy(() -> repo.insertAll(Posts.SCHEMA, List.of(BlogData.post("x", false, 1, 1)),
        WriteOptions.defaults().timestamps().onConflict(OnConflict.replace(Posts.BODY))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ON CONFLICT DO UPDATE needs a conflict target");
    assertThatThrownBy(() -> repo.insertAll(Posts.SCHEMA,
        List.of(BlogData.post("x", false, 1, 1).withId(999L), BlogData.post("y", false, 1, 1)),
            WriteOptions.defaults().timestamps()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 of 2 rows carry their id");
    List<SampleStruct> many = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) { // a list column keeps the VALUES form: a parameter per value
      many.add(new SampleStruct().withString("s" + i).withStrings(List.of("x")));
    }
    assertThatThrownBy(() -> repo.insertAll(Samples.SCHEMA, many, WriteOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("parameters, and PostgreSQL takes at most 65535 per statement");
  }

  /** Columns that all have an array form go as one array each: no limit of 65,535 parameters. */
  @Test
  void insertAllOfArrayColumnsTakesMoreRowsThanParameters(Repo repo) {
    List<TagStruct> many = new ArrayList<>();
    for (int i = 0; i < 70_000; i++) {
      many.add(new TagStruct().withName("t" + i));
    }
    long before = repo.aggregate(Tags.query(), Aggregate.count());
    assertThat(repo.insertAll(Tags.SCHEMA, many, WriteOptions.defaults().timestamps())).isEqualTo(70_000);
    assertThat(repo.aggregate(Tags.query(), Aggregate.count())).isEqualTo(before + 70_000);
  }
}
