package io.ecto4j.it.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.it.schemas.BlogSchema;
import io.ecto4j.it.schemas.CommentStruct;
import io.ecto4j.it.schemas.Comments;
import io.ecto4j.it.schemas.PostStruct;
import io.ecto4j.it.schemas.Posts;
import io.ecto4j.query.Alias;
import io.ecto4j.query.Expression;
import io.ecto4j.query.Functions;
import io.ecto4j.query.OnConflict;
import io.ecto4j.query.Query;
import io.ecto4j.query.Selectable;
import io.ecto4j.repo.Repo;
import io.ecto4j.repo.WriteOptions;
import io.ecto4j.telemetry.QueryEvent;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import io.ecto4j.type.Types;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ecto's {@code insert_all(Post, query)}: one {@code INSERT INTO … (SELECT …)} whose columns come
 * from the query's selection, into a schema's table or a table by name, with conflict handling and
 * returning.
 */
@EctoTest(sandbox = true)
class InsertAllFromQueryConformanceTest {
  private static final WriteOptions DEFAULTS = WriteOptions.defaults();
  private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

  @BeforeAll
  static void createTables(TestDatabase db) throws SQLException {
    BlogSchema.create(db);
    // a copy of posts' columns without their key constraint, to copy whole rows into
    db.execute("CREATE TABLE posts_archive (LIKE posts)");
  }

  private static PostStruct post(Repo repo, String title) {
    return repo.insertOrThrow(new PostStruct().withTitle(title).withBody("body of " + title));
  }

  /** {@code title || " suffix " || id}, Ecto's {@code fragment("concat(?, ?, ?)", p.title, type(^" suffix ", :string), p.id)}. */
  private static Expression<String> suffixed() {
    return Functions.fragment(Types.TEXT, "concat(?, ?, ?)", Posts.TITLE, Functions.value(" suffix "), Posts.ID);
  }

  private static Map<String, Selectable<?>> map(Object... pairs) {
    Map<String, Selectable<?>> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], (Selectable<?>) pairs[i + 1]);
    }
    return map;
  }

  /** A title and the timestamps the posts table needs, computed from each selected post. */
  private static Query<Map<String, Object>> suffixedPosts() {
    return Posts.query().select(map("title", suffixed(), "insertedAt", Posts.INSERTED_AT,
        "updatedAt", Posts.UPDATED_AT));
  }

  private static List<String> titles(Repo repo) {
    return repo.all(Posts.query().orderBy(Posts.ID.asc()).select(Posts.TITLE));
  }

  /** Ports ecto integration_test/cases/repo.exs "insert_all with query". */
  @Test
  void insertAllWithQuery(Repo repo) {
    PostStruct post = post(repo, "A generic title");
    assertThat(repo.insertAll(Posts.SCHEMA, suffixedPosts())).isEqualTo(1);
    assertThat(titles(repo)).containsExactly("A generic title", "A generic title suffix " + post.id());
  }

  /** Ports ecto integration_test/cases/repo.exs "insert_all with query and conflict target". */
  @Test
  void insertAllWithQueryAndConflictTarget(Repo repo) {
    PostStruct post = post(repo, "A generic title");
    WriteOptions replace = DEFAULTS.onConflict(OnConflict.replaceAll().target(Posts.ID));
    assertThat(repo.insertAll(Posts.SCHEMA, suffixedPosts(), replace)).isEqualTo(1);
    assertThat(titles(repo)).containsExactly("A generic title", "A generic title suffix " + post.id());
    // the same rows again, now conflicting on the id: each replaces the row with its own id
    Query<Map<String, Object>> sameIds = Posts.query().where(Posts.ID.eq(post.id()))
        .select(map("id", Posts.ID, "title", Functions.value("replaced"), "insertedAt", Posts.INSERTED_AT,
            "updatedAt", Posts.UPDATED_AT));
    assertThat(repo.insertAll(Posts.SCHEMA, sameIds, replace)).isEqualTo(1);
    assertThat(titles(repo)).containsExactly("replaced", "A generic title suffix " + post.id());
  }

  /** Ports ecto integration_test/cases/repo.exs "insert_all with query and returning". */
  @Test
  void insertAllWithQueryAndReturning(Repo repo) {
    PostStruct post = post(repo, "A generic title");
    List<PostStruct> returned = repo.insertAllReturning(Posts.SCHEMA, suffixedPosts(),
        DEFAULTS.returning(Posts.ID, Posts.TITLE));
    assertThat(returned).singleElement().satisfies(p -> {
      assertThat(p.id()).isGreaterThan(post.id());
      assertThat(p.title()).isEqualTo("A generic title suffix " + post.id());
      assertThat(p.body()).isNull();
    });
    List<PostStruct> whole = repo.insertAllReturning(Posts.SCHEMA,
        Posts.query().where(Posts.ID.eq(post.id())).selectFields(Posts.TITLE, Posts.INSERTED_AT, Posts.UPDATED_AT),
        DEFAULTS);
    assertThat(whole).singleElement().satisfies(p -> {
      assertThat(p.title()).isEqualTo("A generic title");
      assertThat(p.viewCount()).isZero();
    });
  }

  /**
   * Ports ecto integration_test/cases/repo.exs "insert_all with query and source field": a map key
   * is a field name, written to the field's column ({@code viewCount} to {@code view_count}).
   */
  @Test
  void insertAllWithQueryAndSourceField(Repo repo) {
    PostStruct post = post(repo, "title");
    Query<Map<String, Object>> source = Posts.query().select(map("title", Posts.BODY, "viewCount",
        Functions.value(7), "insertedAt", Posts.INSERTED_AT, "updatedAt", Posts.UPDATED_AT));
    assertThat(repo.insertAll(Posts.SCHEMA, source)).isEqualTo(1);
    assertThat(repo.all(Posts.query().where(Posts.ID.ne(post.id())).select(Posts.TITLE, Posts.VIEW_COUNT)))
        .extracting(t -> t.first() + "/" + t.second()).containsExactly("body of title/7");
  }

  /**
   * Ports ecto test/ecto/repo_test.exs "takes query selecting on map": the statement binds the
   * select's values and then the where's, in the order they appear.
   */
  @Test
  void takesQuerySelectingOnMap(Repo repo) {
    post(repo, "ten");
    post(repo, "a");
    List<QueryEvent> events = new ArrayList<>();
    Query<Map<String, Object>> source = Posts.query().where(Posts.TITLE.gt("t"))
        .select(map("title", Posts.TITLE, "body", Functions.fragment(Types.TEXT, "concat(?, ?, ?)",
            Functions.value("one"), Functions.value("two"), Posts.BODY),
            "insertedAt", Posts.INSERTED_AT, "updatedAt", Posts.UPDATED_AT));
    assertThat(repo.withListener(events::add).insertAll(Posts.SCHEMA, source)).isEqualTo(1);
    QueryEvent insert = events.get(events.size() - 1);
    assertThat(insert.sql()).startsWith("INSERT INTO \"posts\" AS p0 (\"title\", \"body\", \"inserted_at\","
        + " \"updated_at\") (SELECT ");
    assertThat(insert.parameters()).containsExactly("one", "two", "t");
    assertThat(repo.all(Posts.query().where(Posts.BODY.eq("onetwobody of ten")).select(Posts.TITLE)))
        .containsExactly("ten");
  }

  /** Ports ecto test/ecto/repo_test.exs "takes query selecting on map with literals". */
  @Test
  void takesQuerySelectingOnMapWithLiterals(Repo repo) {
    post(repo, "x");
    Query<Map<String, Object>> source = Posts.query().select(map("title", Posts.TITLE, "body",
        Functions.value("bar"), "publishedAt", Functions.value(null, Types.INSTANT), "insertedAt",
        Posts.INSERTED_AT, "updatedAt", Posts.UPDATED_AT));
    repo.insertAll(Posts.SCHEMA, source);
    assertThat(repo.all(Posts.query().where(Posts.BODY.eq("bar")).select(Posts.TITLE, Posts.PUBLISHED_AT)))
        .extracting(t -> t.first() + "/" + t.second()).containsExactly("x/null");
  }

  /** Ports ecto test/ecto/repo_test.exs "takes query selecting on struct/2". */
  @Test
  void takesQuerySelectingOnStructOfFields(Repo repo) {
    post(repo, "x");
    repo.insertAll(Posts.SCHEMA, Posts.query().selectFields(Posts.TITLE, Posts.BODY, Posts.INSERTED_AT,
        Posts.UPDATED_AT));
    assertThat(repo.all(Posts.query().select(Posts.TITLE, Posts.BODY)))
        .extracting(t -> t.first() + "/" + t.second()).containsExactly("x/body of x", "x/body of x");
  }

  /** Ports ecto test/ecto/repo_test.exs "takes query selecting on map/2". */
  @Test
  void takesQuerySelectingOnMapOfFields(Repo repo) {
    post(repo, "x");
    repo.insertAll(Posts.SCHEMA, Posts.query().selectMap(Posts.TITLE, Posts.INSERTED_AT, Posts.UPDATED_AT));
    assertThat(repo.all(Posts.query().orderBy(Posts.ID.asc()).select(Posts.BODY)))
        .containsExactly("body of x", null);
  }

  /**
   * Ports ecto test/ecto/repo_test.exs "takes query selecting on source": whole structs give every
   * column of their schema, here into a table by name.
   */
  @Test
  void takesQuerySelectingOnSource(Repo repo) {
    PostStruct post = post(repo, "x");
    assertThat(repo.insertAll("posts_archive", Posts.query())).isEqualTo(1);
    assertThat(repo.query("SELECT id, title, body, view_count FROM posts_archive", List.of(),
        row -> row.getLong(1) + "/" + row.getString(2) + "/" + row.getString(3) + "/" + row.getInt(4)))
        .containsExactly(post.id() + "/x/body of x/0");
  }

  /** Ports ecto test/ecto/repo_test.exs "takes query selecting on source with join": {@code select: a}. */
  @Test
  void takesQuerySelectingOnSourceWithJoin(Repo repo) {
    PostStruct post = post(repo, "x");
    post(repo, "no comments");
    repo.insertOrThrow(new CommentStruct().withBody("c").withPostId(post.id()));
    Alias<PostStruct> p = Alias.of(Posts.SCHEMA, "p");
    Query<PostStruct> joined = Comments.query().join(p, p.field(Posts.ID).eq(Comments.POST_ID)).select(p);
    assertThat(repo.insertAll("posts_archive", joined)).isEqualTo(1);
    assertThat(repo.query("SELECT title FROM posts_archive", List.of(), row -> row.getString(1)))
        .containsExactly("x");
  }

  /** Ports ecto test/ecto/repo_test.exs "takes query selecting on source with literal update". */
  @Test
  void takesQuerySelectingOnSourceWithLiteralUpdate(Repo repo) {
    post(repo, "x");
    repo.insertAll("posts_archive", Posts.query().selectMerge(Posts.TITLE, Functions.value("literal")));
    assertThat(repo.query("SELECT title, body FROM posts_archive", List.of(),
        row -> row.getString(1) + "/" + row.getString(2))).containsExactly("literal/body of x");
  }

  /**
   * Ports ecto test/ecto/repo_test.exs "takes query selecting on source with dynamic update" and
   * "… with join column update": a merged value may be bound or come from a joined source.
   */
  @Test
  void takesQuerySelectingOnSourceWithJoinColumnUpdate(Repo repo) {
    PostStruct post = post(repo, "x");
    repo.insertOrThrow(new CommentStruct().withBody("from the comment").withPostId(post.id()));
    Alias<CommentStruct> c = Alias.of(Comments.SCHEMA, "c");
    Query<PostStruct> source = Posts.query().join(c, c.field(Comments.POST_ID).eq(Posts.ID))
        .selectMerge(Posts.BODY, c.field(Comments.BODY))
        .selectMerge(Posts.VIEW_COUNT, Functions.value(5));
    repo.insertAll("posts_archive", source);
    assertThat(repo.query("SELECT title, body, view_count FROM posts_archive", List.of(),
        row -> row.getString(1) + "/" + row.getString(2) + "/" + row.getInt(3)))
        .containsExactly("x/from the comment/5");
  }

  /** Ports ecto test/ecto/repo_test.exs "takes query selecting on source with update from same source". */
  @Test
  void takesQuerySelectingOnSourceWithUpdateFromSameSource(Repo repo) {
    post(repo, "x");
    repo.insertAll("posts_archive", Posts.query().selectMerge(Posts.TITLE, Posts.BODY)
        .selectMerge(Posts.BODY, Posts.TITLE));
    assertThat(repo.query("SELECT title, body FROM posts_archive", List.of(),
        row -> row.getString(1) + "/" + row.getString(2))).containsExactly("body of x/x");
  }

  /** Ports ecto test/ecto/repo_test.exs "takes query selecting on map/2 with update". */
  @Test
  void takesQuerySelectingOnMapOfFieldsWithUpdate(Repo repo) {
    post(repo, "x");
    repo.insertAll(Posts.SCHEMA, Posts.query().selectMap(Posts.TITLE, Posts.BODY, Posts.INSERTED_AT, Posts.UPDATED_AT)
        .selectMerge("title", Functions.value("merged")));
    assertThat(repo.all(Posts.query().orderBy(Posts.ID.asc()).select(Posts.TITLE, Posts.BODY)))
        .extracting(t -> t.first() + "/" + t.second()).containsExactly("x/body of x", "merged/body of x");
  }

  /**
   * Ports ecto test/ecto/repo_test.exs "raises when a bad query is given as source": one selected
   * value, a table without a select and an empty map name no columns; a key that is no field of
   * the schema is refused before anything runs.
   */
  @Test
  void raisesWhenABadQueryIsGivenAsSource(Repo repo) {
    assertThatThrownBy(() -> repo.insertAll(Posts.SCHEMA, Posts.query().select(Posts.TITLE)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("cannot generate a fields list for insertAll from the given source query");
    assertThatThrownBy(() -> repo.insertAll("posts", Query.from("posts")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("cannot generate a fields list for insertAll");
    // Ecto's map(s, []) fails when the insert is planned; ecto4j refuses the empty select itself
    assertThatThrownBy(() -> Posts.query().select(Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("select(Map) needs at least one entry");
    assertThatThrownBy(() -> repo.insertAll(Posts.SCHEMA, Posts.query().select(map("headline", Posts.TITLE))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("cannot insert `headline` into Post: it is not one of its fields");
    assertThatThrownBy(() -> repo.insertAll(Posts.SCHEMA, Comments.query()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot insert column `author_name` into Post");
    assertThat(repo.aggregate(Posts.query(), io.ecto4j.query.Aggregate.count())).isZero();
  }

  /**
   * Regression test for issue #18: a query's options that only rows take are refused, not ignored;
   * {@code timestamps()} would stamp nothing, since the query gives every value.
   */
  @Test
  void rowOnlyOptionsAreRefused(Repo repo) {
    assertThatThrownBy(() -> repo.insertAll(Posts.SCHEMA, suffixedPosts(), DEFAULTS.timestamps()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("the timestamps option applies to insertAll of rows, not of a query");
  }

  /**
   * Regression test for issue #18: as Ecto's {@code prepare_query(:insert_all, query, opts)}, the
   * repo's {@code prepareQuery} hook sees the source query and may rewrite it (here, a tenant filter).
   */
  @Test
  void prepareQuerySeesTheSourceQuery(Repo repo) {
    post(repo, "kept");
    post(repo, "filtered");
    List<Repo.Operation> seen = new ArrayList<>();
    Repo filtered = repo.withQueryPreparer((operation, query) -> {
      seen.add(operation);
      return query.where(Posts.TITLE.eq("kept"));
    });
    assertThat(filtered.insertAll("posts_archive", Posts.query())).isEqualTo(1);
    assertThat(seen).containsExactly(Repo.Operation.INSERT_ALL);
  }

  /**
   * Regression test for issue #18: into a table by name, a map's keys are its columns, and
   * {@code returning} reads the chosen columns back.
   */
  @Test
  void intoATableByNameReturningColumns(Repo repo) {
    PostStruct post = post(repo, "x");
    List<Map<String, Object>> returned = repo.insertAllReturning("posts_archive",
        Posts.query().select(map("id", Posts.ID, "title", suffixed(), "view_count", Functions.value(3),
            "published", Posts.PUBLISHED, "inserted_at", Posts.INSERTED_AT, "updated_at", Posts.UPDATED_AT)),
        DEFAULTS, List.of("id", "title", "view_count"));
    assertThat(returned).containsExactly(Map.of("id", post.id(), "title", "x suffix " + post.id(), "view_count", 3));
  }
}
