package io.ecto4j.it.conformance;

import static io.ecto4j.query.Functions.selectedAs;
import static io.ecto4j.query.Functions.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.it.schemas.BlogSchema;
import io.ecto4j.it.schemas.CommentStruct;
import io.ecto4j.it.schemas.Comments;
import io.ecto4j.it.schemas.PostStruct;
import io.ecto4j.it.schemas.Posts;
import io.ecto4j.it.schemas.UserStruct;
import io.ecto4j.query.Alias;
import io.ecto4j.query.JoinPreload;
import io.ecto4j.query.Query;
import io.ecto4j.query.SelectedAs;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import io.ecto4j.type.Types;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code select_merge} of a field list, of a named value into a struct, and merges folded into one
 * column list (issue #18), as Ecto's select_test.exs and planner_test.exs build them.
 */
@EctoTest(sandbox = true)
class SelectMergeConformanceTest {
  private PostStruct post;

  @BeforeAll
  static void tables(TestDatabase db) throws SQLException {
    BlogSchema.create(db);
  }

  @BeforeEach
  void seed(Repo repo) {
    UserStruct ada = repo.insertOrThrow(new UserStruct().withName("Ada").withEmail("ada@example.com"));
    post = repo.insertOrThrow(new PostStruct().withTitle("t").withBody("b").withViewCount(3).withAuthorId(ada.id()));
    repo.insertOrThrow(new CommentStruct().withBody("c").withPostId(post.id()).withUserId(ada.id()));
  }

  /**
   * Ports select_test.exs:681 "select_merge / with take": a field list merged into whole structs
   * leaves them whole; merged into some fields ({@code selectFields}, Ecto's take) it adds its own
   * after them, also under a join-preload.
   */
  @Test
  void aFieldListMergedIntoATake(Repo repo) {
    Query<PostStruct> whole = Posts.query().selectMergeFields(Posts.BODY);
    assertThat(whole.toSql().text()).isEqualTo(Posts.query().toSql().text());
    assertThat(repo.all(whole)).containsExactly(post);
    Query<PostStruct> taken = Posts.query().selectFields(Posts.ID, Posts.TITLE).selectMergeFields(Posts.BODY, Posts.TITLE);
    assertThat(taken.toSql().text()).startsWith("SELECT p0.\"id\", p0.\"title\", p0.\"body\" FROM");
    PostStruct read = repo.one(taken).orElseThrow();
    assertThat(List.of(read.id(), read.title(), read.body())).containsExactly(post.id(), "t", "b");
    assertThat(read.viewCount()).isZero();
    Alias<CommentStruct> c = Alias.of(Comments.SCHEMA, "c");
    PostStruct joined = repo.one(Posts.query().join(Posts.COMMENTS, c).selectFields(Posts.ID)
        .preload(JoinPreload.of(Posts.COMMENTS, c)).selectMergeFields(Posts.TITLE)).orElseThrow();
    assertThat(List.of(joined.id(), joined.title())).containsExactly(post.id(), "t");
    assertThat(joined.body()).isNull();
    assertThat(joined.comments()).hasSize(1);
  }

  /**
   * Ports select_test.exs:750 "select_merge / optimizes map/struct merges": a key merged into a map
   * selection replaces the key's value in the one column list, and a struct field merged with a
   * value is that value in place of its column, never a second selection merged after reading.
   */
  @Test
  void mergesFoldIntoOneColumnList(Repo repo) {
    Map<String, io.ecto4j.query.Selectable<?>> first = new LinkedHashMap<>();
    first.put("t", Posts.BODY);
    Query<Map<String, Object>> map = Posts.query().select(first).selectMerge("t", Posts.TITLE)
        .selectMerge("b", Posts.BODY);
    assertThat(map.toSql().text()).isEqualTo("SELECT p0.\"title\" AS \"t\", p0.\"body\" AS \"b\" FROM \"posts\" AS p0");
    assertThat(repo.one(map).orElseThrow()).isEqualTo(Map.of("t", "t", "b", "b"));
    Query<PostStruct> struct = Posts.query().selectMerge(Posts.TITLE, value(null, Types.STRING));
    assertThat(struct.toSql().text()).contains("? AS \"title\"").doesNotContain("p0.\"title\"");
    assertThat(repo.one(struct).orElseThrow().title()).isNull();
  }

  /**
   * Ports planner_test.exs:3159 "selected aliases / with select_merge": a named value merged into
   * a map, and into a struct selection, is selected under its name, which orders the query.
   */
  @Test
  void aNamedValueMergedIntoAStruct(Repo repo) {
    PostStruct other = repo.insertOrThrow(post.withId(null).withTitle("u"));
    SelectedAs<String> alias = selectedAs(Posts.TITLE, "alias");
    Query<PostStruct> struct = Posts.query().selectMerge(Posts.TITLE, alias).orderBy(alias.desc());
    assertThat(struct.toSql().text()).contains("p0.\"title\" AS \"alias\"").endsWith("ORDER BY \"alias\" DESC");
    assertThat(repo.all(struct)).extracting(PostStruct::title).containsExactly("u", "t");
    Map<String, io.ecto4j.query.Selectable<?>> id = new LinkedHashMap<>();
    id.put("id", Posts.ID);
    Query<Map<String, Object>> map = Posts.query().select(id).selectMerge("title", alias).orderBy(alias.asc());
    assertThat(repo.all(map)).extracting(row -> row.get("title")).containsExactly("t", "u");
    assertThat(other.id()).isNotNull();
  }
}
