package io.ecto4j.it.query;

import static io.ecto4j.query.Functions.coalesce;
import static io.ecto4j.query.Functions.escapeLike;
import static io.ecto4j.query.Functions.fragment;
import static io.ecto4j.query.Functions.ilike;
import static io.ecto4j.query.Functions.jsonText;
import static io.ecto4j.query.Functions.like;
import static io.ecto4j.query.Functions.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.changeset.Changeset;
import io.ecto4j.it.schemas.BlogSchema;
import io.ecto4j.it.schemas.PostStruct;
import io.ecto4j.it.schemas.Posts;
import io.ecto4j.it.schemas.SampleStruct;
import io.ecto4j.it.schemas.Samples;
import io.ecto4j.query.Aggregate;
import io.ecto4j.query.Condition;
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
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A corpus of hostile strings through every value position of the DSL and through fragment
 * parameters: each is stored as it is and matched literally, and nothing it says is executed.
 */
@EctoTest(sandbox = true)
class HostileStringsTest {
  static final List<String> CORPUS = List.of(
      "It's",
      "\"double quoted\"",
      "'; DROP TABLE posts; --",
      "Robert'); DROP TABLE posts;--",
      "1' OR '1'='1",
      "x' UNION SELECT NULL--",
      "/* comment */ still text",
      "-- line comment",
      "back\\slash \\' \\\\",
      "E'\\n' escape",
      "$1 and ? and ?? and :name",
      "tab\tnew\nline\rreturn",
      "Ünïcödé 日本語 🎉 \u202Eright-to-left",
      "100%",
      "under_score",
      "%_%",
      "\\%",
      "");

  @BeforeAll
  static void createTables(TestDatabase db) throws SQLException {
    BlogSchema.create(db);
    db.execute("CREATE UNIQUE INDEX posts_title_index ON posts (title)");
  }

  private static List<PostStruct> posts(Repo repo, Condition condition) {
    return repo.all(Posts.query().where(condition));
  }

  @Test
  void everyValuePositionStoresAndMatchesLiterally(Repo repo) {
    List<PostStruct> rows = new ArrayList<>();
    for (String hostile : CORPUS) {
      rows.add(new PostStruct().withTitle(hostile).withBody("body of " + hostile));
    }
    assertThat(repo.insertAll(Posts.SCHEMA, rows,
        WriteOptions.defaults().timestamps())).isEqualTo(CORPUS.size());                      // insert_all values
    for (String hostile : CORPUS) {
      PostStruct stored = repo.getByOrThrow(Posts.TITLE, hostile);                                // where =
      assertThat(stored.title()).isEqualTo(hostile);
      assertThat(stored.body()).isEqualTo("body of " + hostile);
      assertThat(posts(repo, Posts.TITLE.in(List.of(hostile, "other")))).containsExactly(stored);  // = ANY(?)
      assertThat(posts(repo, Posts.TITLE.between(hostile, hostile))).containsExactly(stored);
      assertThat(posts(repo, Posts.TITLE.ne(hostile))).hasSize(CORPUS.size() - 1);
      assertThat(posts(repo, like(Posts.TITLE, escapeLike(hostile)))).containsExactly(stored);     // LIKE, literal
      assertThat(posts(repo, ilike(Posts.TITLE, escapeLike(hostile)))).containsExactly(stored);
      assertThat(posts(repo, Condition.fragment("? = ?", Posts.TITLE, value(hostile)))).containsExactly(stored);
      assertThat(posts(repo, fragment(Types.TEXT, "concat(?, ?)", Posts.TITLE, value(hostile))
          .eq(hostile + hostile))).containsExactly(stored);                                      // fragment params
      assertThat(repo.one(Posts.query().where(Posts.ID.eq(stored.id())).select(value(hostile)))).contains(hostile);
      assertThat(repo.one(Posts.query().where(Posts.ID.eq(stored.id()))
          .select(coalesce(fragment(Types.TEXT, "NULL"), hostile)))).contains(hostile);            // coalesce
      assertThat(repo.all(Query.from("posts").where(Query.column("title", Types.STRING).eq(hostile))
          .select(Query.column("body", Types.TEXT)))).containsExactly("body of " + hostile);
    }
    assertThat(repo.aggregate(Posts.query(), Aggregate.count())).isEqualTo(CORPUS.size());        // nothing dropped
  }

  @Test
  void wildcardsInAValueAreWildcardsOnlyInAPattern(Repo repo) {
    repo.insertAll(Posts.SCHEMA, List.of(new PostStruct().withTitle("100%"), new PostStruct().withTitle("1000")),
        WriteOptions.defaults().timestamps());
    assertThat(posts(repo, like(Posts.TITLE, "100%"))).hasSize(2);                 // a pattern: % matches anything
    assertThat(posts(repo, like(Posts.TITLE, escapeLike("100%")))).hasSize(1);     // escaped: literal
    assertThat(posts(repo, Posts.TITLE.eq("100%"))).hasSize(1);                   // a value: always literal
  }

  @Test
  void writesAndUpdatesCarryThemToo(Repo repo) {
    for (String hostile : CORPUS) {
      PostStruct post = repo.insertOrThrow(Changeset.change(new PostStruct()).putChange(Posts.TITLE, "t" + hostile));
      repo.updateAll(Posts.query().where(Posts.ID.eq(post.id())), Update.set(Posts.BODY, hostile));        // update_all set
      assertThat(repo.getOrThrow(Posts.SCHEMA, post.id()).body()).isEqualTo(hostile);
      repo.updateOrThrow(Changeset.change(repo.getOrThrow(Posts.SCHEMA, post.id())).putChange(Posts.BODY, hostile + "!"));
      assertThat(repo.getBy(Posts.BODY, hostile + "!")).map(PostStruct::id).contains(post.id());
      List<PostStruct> upserted = repo.insertAllReturning(Posts.SCHEMA, List.of(new PostStruct().withTitle("t" + hostile)),
          WriteOptions.defaults().timestamps().onConflict(OnConflict.update(Update.set(Posts.BODY, "up " + hostile)).target(Posts.TITLE)));          // on_conflict set
      assertThat(upserted).extracting(PostStruct::body).containsExactly("up " + hostile);
    }
    SampleStruct sample = repo.insertOrThrow(new SampleStruct().withStrings(List.of()));
    Query<SampleStruct> it = Samples.query().where(Samples.ID.eq(sample.id()));
    for (String hostile : CORPUS) {
      repo.updateAll(it, Update.push(Samples.STRINGS, hostile));                                      // push
    }
    assertThat(repo.one(it.select(Samples.STRINGS))).contains(CORPUS);
    repo.updateAll(it, Update.pull(Samples.STRINGS, CORPUS.get(2)));                                  // pull
    assertThat(repo.one(it.select(Samples.STRINGS)).orElseThrow()).hasSize(CORPUS.size() - 1).doesNotContain(CORPUS.get(2));
  }

  @Test
  void jsonKeysAndValues(Repo repo) {
    for (String hostile : CORPUS) {
      SampleStruct sample = repo.insertOrThrow(new SampleStruct().withDocument(Map.of(hostile, Map.of("v", hostile))));
      Query<SampleStruct> it = Samples.query().where(Samples.ID.eq(sample.id()));
      assertThat(repo.all(it.select(jsonText(Samples.DOCUMENT, hostile, "v")))).containsExactly(hostile);
      assertThat(repo.exists(it.where(jsonText(Samples.DOCUMENT, hostile, "v").eq(hostile)))).isTrue();
    }
  }

  @Test
  void developerLiteralIdentifiersAreQuoted(Repo repo) {
    repo.insertOrThrow(new PostStruct().withTitle("quoted"));
    Map<String, Object> row = repo.one(Posts.query().select(Map.of("a \"key\"; DROP TABLE posts", Posts.TITLE)))
        .orElseThrow();
    assertThat(row).containsEntry("a \"key\"; DROP TABLE posts", "quoted");
    assertThatThrownBy(() -> repo.all(Posts.query().prefix("no\"such; schema")))
        .isInstanceOf(QueryException.class).hasMessageContaining("relation \"no\"such; schema.posts\" does not exist");
  }

  @Test
  void nulIsRefusedByPostgresqlInAnInsert(Repo repo) {
    assertThatThrownBy(() -> repo.insertOrThrow(new PostStruct().withTitle("nul\u0000byte")))
        .isInstanceOf(QueryException.class)
        .hasMessageContaining("invalid byte sequence for encoding \"UTF8\": 0x00")
        .satisfies(e -> assertThat(((QueryException) e).sqlState()).isEqualTo("22021"));
  }

  @Test
  void nulIsRefusedByPostgresqlInAComparison(Repo repo) {
    assertThatThrownBy(() -> repo.all(Posts.query().where(Posts.TITLE.eq("nul\u0000byte"))))
        .isInstanceOf(QueryException.class).hasMessageContaining("0x00");
  }

  @Test
  void nulIsRefusedByPostgresqlInAFragmentParameter(Repo repo) {
    assertThatThrownBy(() -> repo.all(Posts.query().where(Condition.fragment("? = ?", Posts.TITLE, value("\u0000")))))
        .isInstanceOf(QueryException.class).hasMessageContaining("0x00");
  }
}
