package io.ecto4j.it.conformance;

import static io.ecto4j.query.Functions.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.it.schemas.BlogSchema;
import io.ecto4j.it.schemas.PostStruct;
import io.ecto4j.it.schemas.Posts;
import io.ecto4j.it.schemas.UserStruct;
import io.ecto4j.query.Alias;
import io.ecto4j.query.Query;
import io.ecto4j.query.Selectable;
import io.ecto4j.query.Tuple2;
import io.ecto4j.query.UpdatedStruct;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import io.ecto4j.type.Types;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Selections of Ecto's select_test.exs, planner_test.exs and subquery_test.exs (issue #18): nested
 * maps, map takes merged into a selection, some fields of a subquery's structs, and updated copies
 * of a struct beside the whole struct.
 */
@EctoTest(sandbox = true)
class SelectionConformanceTest {
  private PostStruct post;

  @BeforeAll
  static void tables(TestDatabase db) throws SQLException {
    BlogSchema.create(db);
  }

  @BeforeEach
  void seed(Repo repo) {
    UserStruct ada = repo.insertOrThrow(new UserStruct().withName("Ada").withEmail("ada@example.com"));
    post = repo.insertOrThrow(new PostStruct().withTitle("t").withBody("b").withViewCount(3).withAuthorId(ada.id())
        .withPublishedAt(Instant.now().truncatedTo(ChronoUnit.MICROS)));
  }

  // ---------------------------------------------------------------- nested maps

  /**
   * Ports select_test.exs: "at runtime / supports nested map with dynamic values interpolated at
   * root level": a map built at run time whose value is a map of a named binding's field.
   */
  @Test
  void aNestedMapOfANamedBindingsField(Repo repo) {
    Alias<PostStruct> blog = Alias.of(Posts.SCHEMA, "blog");
    Map<String, Selectable<?>> fields = Map.of("title", blog.field(Posts.TITLE));
    Query<Map<String, Object>> query = Query.from(blog).select(Map.of("fields", Selectable.map(fields)));
    assertThat(query.toString()).contains("select: %{fields: %{title: blog.title}}");
    assertThat(repo.one(query).orElseThrow()).isEqualTo(Map.of("fields", Map.of("title", "t")));
    Map<String, Selectable<?>> deeper = new LinkedHashMap<>();
    deeper.put("id", Posts.ID);
    deeper.put("a", Selectable.map(Map.of("b", Selectable.map(Map.of("views", Posts.VIEW_COUNT)))));
    deeper.put("body", Posts.BODY);
    Query<Map<String, Object>> nested = Posts.query().select(deeper);
    assertThat(nested.toSql().text()).isEqualTo("SELECT p0.\"id\" AS \"id\", p0.\"view_count\" AS \"views\","
        + " p0.\"body\" AS \"body\" FROM \"posts\" AS p0");
    assertThat(repo.one(nested).orElseThrow())
        .isEqualTo(Map.of("id", post.id(), "a", Map.of("b", Map.of("views", 3)), "body", "b"));
  }

  /** Regression test for issue #18: a name given with selectedAs belongs at the root of the select. */
  @Test
  void aNestedMapRefusesASelectedName() {
    assertThatThrownBy(() -> Selectable.map(Map.of("t", io.ecto4j.query.Functions.selectedAs(Posts.TITLE, "t"))))
        .hasMessageContaining("selectedAs can only be used at the root of a select");
    assertThatThrownBy(() -> Selectable.map(Map.of())).hasMessageContaining("Selectable.map needs at least one entry");
  }

  // ---------------------------------------------------------------- map takes merged

  /**
   * Ports planner_test.exs: "normalize: select_merge with map/2 does not duplicate fields": fields
   * merged into a map selection are selected once each, however often they are merged.
   */
  @Test
  void fieldsMergedIntoAMapAreSelectedOnce(Repo repo) {
    Query<Map<String, Object>> query = Posts.query().select(Map.of("id", Posts.ID))
        .selectMergeMap(Posts.TITLE).selectMergeMap(Posts.BODY, Posts.TITLE);
    assertThat(query.toSql().text()).isEqualTo("SELECT p0.\"id\" AS \"id\", p0.\"title\" AS \"title\","
        + " p0.\"body\" AS \"body\" FROM \"posts\" AS p0");
    assertThat(repo.one(query).orElseThrow()).isEqualTo(Map.of("id", post.id(), "title", "t", "body", "b"));
    Query<Map<String, Object>> taken = Posts.query().selectMap(Posts.TITLE).selectMergeMap(Posts.BODY);
    assertThat(repo.one(taken).orElseThrow()).isEqualTo(Map.of("title", "t", "body", "b"));
  }

  /**
   * Ports select_test.exs: "select_merge / on conflicting take": a map take merged into whole
   * structs gives maps of every field, a field list merged into them leaves them whole, whatever
   * follows; a binding taken as a struct cannot be merged as a map. (Ecto's other refusal, a map
   * take merged as a struct, does not compile in Java: {@code selectMap} makes a query of maps,
   * whose {@code selectMergeFields} takes no field of a schema.)
   */
  @Test
  void takesMergedIntoWholeStructs(Repo repo) {
    Map<String, Object> all = repo.one(Posts.query().selectMergeMap(Posts.TITLE).selectMergeMap(Posts.BODY))
        .orElseThrow();
    assertThat(all).containsEntry("title", "t").containsEntry("body", "b").containsEntry("viewCount", 3)
        .containsEntry("id", post.id()).containsKeys("authorId", "insertedAt", "publishedAt")
        .hasSize(Posts.SCHEMA.fields().size());
    assertThat(repo.one(Posts.query().selectMergeFields(Posts.TITLE).selectMergeMap(Posts.BODY)).orElseThrow())
        .isEqualTo(all);
    Query<PostStruct> structs = Posts.query().selectMergeFields(Posts.TITLE).selectMergeFields(Posts.BODY);
    assertThat(structs.toSql().text()).isEqualTo(Posts.query().toSql().text());
    assertThat(repo.all(structs)).containsExactly(post);
    assertThatThrownBy(() -> Posts.query().selectFields(Posts.TITLE).selectMergeMap(Posts.BODY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("were previously taken as a struct, struct(Post, [title]), and later as a map");
  }

  // ---------------------------------------------------------------- some fields of a subquery's structs

  /**
   * Ports planner_test.exs: "normalze: select list of fields from subquery source": some fields of
   * the structs a subquery of whole structs gives, read into structs of the schema.
   */
  @Test
  void someFieldsOfASubquerysStructs(Repo repo) {
    Query<PostStruct> query = Query.from(Posts.query()).selectFields(Posts.TITLE);
    assertThat(query.toSql().text()).startsWith("SELECT s0.\"title\" FROM (SELECT p1.\"id\", p1.\"title\",");
    PostStruct read = repo.one(query).orElseThrow();
    assertThat(read).isEqualTo(new PostStruct().withTitle("t"));
  }

  /** Ports planner_test.exs: "normalze: select map/2 from subquery source": a map of them, keyed by field name. */
  @Test
  void aMapOfFieldsOfASubquerysStructs(Repo repo) {
    Query<Map<String, Object>> query = Query.from(Posts.query()).selectMap(Posts.TITLE, Posts.VIEW_COUNT);
    assertThat(query.toSql().text())
        .startsWith("SELECT s0.\"title\" AS \"title\", s0.\"view_count\" AS \"viewCount\" FROM (SELECT");
    assertThat(repo.one(query).orElseThrow()).isEqualTo(Map.of("title", "t", "viewCount", 3));
  }

  /**
   * Ports subquery_test.exs: "normalize: source subqueries / struct/2 with subqueries": some fields
   * of a subquery selecting whole structs, or some fields of them (the outer fields among its own),
   * and the refusal when the subquery's rows are not structs of a schema. (Ecto's struct/2 of a
   * joined subquery binding has no ecto4j form: select its fields as values.)
   */
  @Test
  void someFieldsOfASubqueryOfStructs(Repo repo) {
    PostStruct whole = repo.one(Query.from(Posts.query()).selectFields(Posts.ID, Posts.TITLE)).orElseThrow();
    assertThat(whole).isEqualTo(new PostStruct().withId(post.id()).withTitle("t"));
    Query<PostStruct> some = Posts.query().selectFields(Posts.ID, Posts.TITLE, Posts.BODY);
    Query<PostStruct> outer = Query.from(some).selectFields(Posts.ID, Posts.TITLE);
    assertThat(outer.toSql().text()).isEqualTo("SELECT s0.\"id\", s0.\"title\" FROM (SELECT p1.\"id\", p1.\"title\","
        + " p1.\"body\" FROM \"posts\" AS p1) AS s0");
    assertThat(repo.one(outer).orElseThrow()).isEqualTo(whole);
    assertThatThrownBy(() -> Query.from(some).selectFields(Posts.VIEW_COUNT))
        .hasMessageContaining("Post.viewCount is not selected by subquery(")
        .hasMessageContaining("which reads [id, title, body] of Post");
    Query<PostStruct> notStructs = Posts.query().select(title -> new PostStruct().withTitle(title), Posts.TITLE);
    assertThatThrownBy(() -> Query.from(notStructs).selectFields(Posts.TITLE))
        .hasMessageContaining("it is not possible to select some fields of subquery(")
        .hasMessageContaining("its rows are not structs of a schema");
  }

  // ---------------------------------------------------------------- updated copies beside the whole struct

  /**
   * Ports planner_test.exs: "normalize: map update does not drop fields from another full source
   * reference" and "normalize: struct update does not drop fields from another full source
   * reference" (in Java both are {@code p.with(…)}): the copy with a field replaced and the whole
   * struct, in either order; the field's column is still read for the whole one.
   */
  @Test
  void anUpdatedCopyBesideTheWholeStruct(Repo repo) {
    Alias<PostStruct> p = Alias.of(Posts.SCHEMA, "p");
    UpdatedStruct<PostStruct> untitled = p.with(Posts.TITLE, value(null, Types.STRING));
    Query<Tuple2<PostStruct, PostStruct>> first = Query.from(p).select(untitled, p);
    assertThat(first.toSql().text()).contains("? AS \"title\"").contains("p0.\"title\"");
    assertThat(repo.one(first).orElseThrow()).isEqualTo(new Tuple2<>(post.withTitle(null), post));
    Query<Tuple2<PostStruct, PostStruct>> second = Query.from(p).select(p, untitled);
    assertThat(repo.one(second).orElseThrow()).isEqualTo(new Tuple2<>(post, post.withTitle(null)));
  }

  /**
   * Ports planner_test.exs: "normalize: map updates only drop fields overwritten by every source
   * reference": a column is left out only when every copy replaces its field.
   */
  @Test
  void aColumnIsLeftOutOnlyWhenEveryCopyReplacesIt(Repo repo) {
    Alias<PostStruct> p = Alias.of(Posts.SCHEMA, "p");
    UpdatedStruct<PostStruct> untitled = p.with(Posts.TITLE, value(null, Types.STRING));
    UpdatedStruct<PostStruct> unpublished = untitled.with(Posts.PUBLISHED_AT, value(null, Types.INSTANT));
    Query<Tuple2<PostStruct, PostStruct>> query = Query.from(p).select(untitled, unpublished);
    String sql = query.toSql().text();
    assertThat(sql).doesNotContain("p0.\"title\"");
    assertThat(sql.split("p0\\.\"published_at\"", -1)).hasSize(2);
    assertThat(repo.one(query).orElseThrow())
        .isEqualTo(new Tuple2<>(post.withTitle(null), post.withTitle(null).withPublishedAt(null)));
    assertThat(unpublished.toString()).isEqualTo("%{p | title: ^null, publishedAt: ^null}");
  }
}
