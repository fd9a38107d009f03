package io.ecto4j.it.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.it.schemas.BlogSchema;
import io.ecto4j.it.schemas.CommentStruct;
import io.ecto4j.it.schemas.Comments;
import io.ecto4j.it.schemas.PostStruct;
import io.ecto4j.it.schemas.Posts;
import io.ecto4j.query.Aggregate;
import io.ecto4j.query.Update;
import io.ecto4j.repo.NoResultsException;
import io.ecto4j.repo.QueryPreparer;
import io.ecto4j.repo.Repo;
import io.ecto4j.repo.WriteOptions;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ecto's {@code Repo.reload/2} of a list, {@code Repo.load/2}, and the repo callbacks
 * {@code default_options/1} and {@code prepare_query/3}.
 */
@EctoTest(sandbox = true)
class RepoLoadConformanceTest {
  @BeforeAll
  static void createTables(TestDatabase db) throws SQLException {
    BlogSchema.create(db);
    db.execute("CREATE SCHEMA all_schema");
    db.execute(Posts.DDL.replace("\"posts\"", "all_schema.\"posts\""));
  }

  private static PostStruct post(String title, int views) {
    return new PostStruct().withTitle(title).withBody("b").withViewCount(views);
  }

  /** Ports ecto integration_test/cases/repo.exs "reload": order kept, a missing row as null. */
  @Test
  void reloadOfAListKeepsTheOrder(Repo repo) {
    PostStruct post1 = repo.insertOrThrow(post("1", 1));
    PostStruct post2 = repo.insertOrThrow(post("2", 2));
    assertThat(repo.reload(List.of(post1, post2))).containsExactly(post1, post2);
    List<PostStruct> withGone = new ArrayList<>(List.of(post1, post2, post("gone", 0).withId(0L)));
    assertThat(repo.reload(withGone)).containsExactly(post1, post2, null);
    assertThat(repo.reload(List.of(post2, post1))).containsExactly(post2, post1);
    repo.updateAll(Posts.query(), Update.inc(Posts.VIEW_COUNT, 1));
    assertThat(repo.reload(List.of(post1, post2))).extracting(PostStruct::viewCount).containsExactly(2, 3);
  }

  /** Ports ecto integration_test/cases/repo.exs "reload!". */
  @Test
  void reloadOrThrowOfAList(Repo repo) {
    PostStruct post1 = repo.insertOrThrow(post("1", 1));
    PostStruct post2 = repo.insertOrThrow(post("2", 2));
    assertThat(repo.reloadOrThrow(List.of(post1, post2))).containsExactly(post1, post2);
    assertThatThrownBy(() -> repo.reloadOrThrow(List.of(post1, post2, post("gone", 0).withId(-1L))))
        .isInstanceOf(NoResultsException.class).hasMessageContaining("could not reload");
  }

  /**
   * Ports ecto test/ecto/repo_test.exs "reload: returns empty list when given empty list",
   * "reload! returns empty list when given empty list" and "raises when input structs do not have
   * valid primary keys".
   */
  @Test
  void reloadOfAnEmptyListAndOfAnUnsavedStruct(Repo repo) {
    assertThat(repo.reload(List.<PostStruct>of())).isEmpty();
    assertThat(repo.reloadOrThrow(List.<PostStruct>of())).isEmpty();
    assertThatThrownBy(() -> repo.reload(List.of(post("x", 0))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("primary key id is null");
  }

  /** Ports ecto test/ecto/repo_test.exs "load/2". */
  @Test
  void loadBuildsAStructFromAMap(Repo repo) {
    assertThat(repo.load(Posts.SCHEMA, Map.of("title", "abc")).title()).isEqualTo("abc");
    // a column name (Ecto's source field), the declared default, a nil, an unknown key
    Map<String, Object> values = new HashMap<>();
    values.put("view_count", 3);
    values.put("body", null);
    values.put("bad", "bad");
    PostStruct loaded = repo.load(Posts.SCHEMA, values);
    assertThat(loaded.viewCount()).isEqualTo(3);
    assertThat(loaded.body()).isNull();
    assertThat(loaded.published()).isFalse();
    assertThat(repo.load(Posts.SCHEMA, Map.of("id", "42")).id()).isEqualTo(42L);
    assertThatThrownBy(() -> repo.load(Posts.SCHEMA, Map.of("view_count", "many")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot load `many` as type integer for field `viewCount` in schema Post");
    PostStruct stored = repo.insertOrThrow(post("raw", 4));
    assertThat(repo.query("SELECT title, id, 1 AS extra FROM posts", List.of(), Repo.loader(Posts.SCHEMA)))
        .singleElement().satisfies(p -> {
          assertThat(p.id()).isEqualTo(stored.id());
          assertThat(p.title()).isEqualTo("raw");
          assertThat(p.viewCount()).isZero();
        });
  }

  /** Ports ecto test/ecto/repo_test.exs "default_options: passes a default option for operation". */
  @Test
  void defaultOptionsPerOperation(Repo repo) {
    repo.insertOrThrow(post("public", 0));
    Repo defaulted = repo.withDefaultOptions(op -> op == Repo.Operation.ALL
        ? WriteOptions.defaults().prefix("all_schema") : null);
    assertThat(defaulted.all(Posts.query())).isEmpty();
    assertThat(defaulted.all(Posts.query().prefix("public"))).hasSize(1);
    assertThat(defaulted.updateAll(Posts.query(), Update.set(Posts.BODY, "x"))).isEqualTo(1);
    Repo inserting = repo.withDefaultOptions(op -> op == Repo.Operation.INSERT
        ? WriteOptions.defaults().prefix("all_schema") : null);
    inserting.insertOrThrow(post("elsewhere", 0));
    assertThat(repo.withPrefix("all_schema").all(Posts.query().select(Posts.TITLE))).containsExactly("elsewhere");
    inserting.insertOrThrow(post("given", 0), WriteOptions.defaults().prefix("public"));
    assertThat(repo.all(Posts.query().select(Posts.TITLE).orderBy(Posts.TITLE.asc()))).containsExactly("given", "public");
  }

  /**
   * Ports ecto test/ecto/repo_test.exs "prepare_for_query: all", "update_all", "delete_all",
   * "stream" and "preload": a soft filter applied to every query of the repo.
   */
  @Test
  void prepareQueryRewritesEveryQuery(Repo repo) {
    PostStruct shown = repo.insertOrThrow(post("shown", 0).withPublished(true));
    PostStruct hidden = repo.insertOrThrow(post("hidden", 0));
    repo.insertOrThrow(new CommentStruct().withBody("c").withPostId(shown.id()));
    repo.insertOrThrow(new CommentStruct().withBody("c").withPostId(hidden.id()));
    List<Repo.Operation> seen = new ArrayList<>();
    QueryPreparer publishedOnly = (operation, query) -> {
      seen.add(operation);
      return query.source() == Posts.SCHEMA ? query.where(Posts.PUBLISHED.eq(true)) : query;
    };
    Repo soft = repo.withQueryPreparer(publishedOnly);
    assertThat(soft.all(Posts.query())).extracting(PostStruct::title).containsExactly("shown");
    assertThat(soft.get(Posts.SCHEMA, hidden.id())).isEmpty();
    assertThat(soft.reload(List.of(shown, hidden))).containsExactly(shown, null);
    assertThat(soft.aggregate(Posts.query(), Aggregate.count())).isEqualTo(1L);
    long streamed = soft.stream(Posts.query(), java.util.stream.Stream::count);
    assertThat(streamed).isEqualTo(1L);
    assertThat(soft.preload(repo.all(Comments.query().orderBy(Comments.ID.asc())), Comments.POST))
        .extracting(c -> c.post() == null ? null : c.post().title()).containsExactly("shown", null);
    assertThat(soft.updateAll(Posts.query(), Update.set(Posts.BODY, "x"))).isEqualTo(1);
    assertThat(soft.deleteAll(Comments.query())).isEqualTo(2);
    assertThat(soft.deleteAll(Posts.query())).isEqualTo(1);
    assertThat(repo.all(Posts.query().select(Posts.TITLE))).containsExactly("hidden");
    assertThat(seen).contains(Repo.Operation.ALL, Repo.Operation.RELOAD, Repo.Operation.STREAM,
        Repo.Operation.UPDATE_ALL, Repo.Operation.DELETE_ALL);
  }
}
