package io.ecto4j.it.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.it.schemas.BlogSchema;
import io.ecto4j.it.schemas.PostStruct;
import io.ecto4j.it.schemas.Posts;
import io.ecto4j.query.Explain;
import io.ecto4j.query.Query;
import io.ecto4j.query.Sql;
import io.ecto4j.query.Update;
import io.ecto4j.repo.QueryResult;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ecto's SQL helpers: {@code table_exists?}, {@code format_table}, {@code to_sql} of every kind of
 * query, and {@code explain} with its options (ecto_sql integration_test/sql/sql.exs,
 * integration_test/pg/explain_test.exs, test/ecto/adapters/postgres_test.exs).
 */
@EctoTest(sandbox = true)
class SqlHelpersConformanceTest {
  private static final Query<PostStruct> POSTS = Posts.query();

  @BeforeAll
  static void tables(TestDatabase db) throws SQLException {
    BlogSchema.create(db);
  }

  /** Ports ecto_sql integration_test/sql/sql.exs "returns true when table exists". */
  @Test
  void returnsTrueWhenTableExists(Repo repo) {
    assertThat(repo.tableExists("posts")).isTrue();
  }

  /** Ports ecto_sql integration_test/sql/sql.exs "returns false table doesn't exists". */
  @Test
  void returnsFalseWhenTableDoesNotExist(Repo repo) {
    assertThat(repo.tableExists("unknown")).isFalse();
  }

  /** Regression test for issue #19: a repo with a prefix looks in that schema. */
  @Test
  void tableExistsInTheRepoPrefix(Repo repo) {
    repo.query("CREATE SCHEMA helpers_tenant", List.of(), row -> 1);
    repo.query("CREATE TABLE helpers_tenant.invoices (id bigserial PRIMARY KEY)", List.of(), row -> 1);

    assertThat(repo.withPrefix("helpers_tenant").tableExists("invoices")).isTrue();
    assertThat(repo.withPrefix("helpers_tenant").tableExists("posts")).isFalse();
    assertThat(repo.tableExists("invoices")).isFalse();
  }

  /** Ports ecto_sql integration_test/sql/sql.exs "returns result as a formatted table". */
  @Test
  void returnsResultAsAFormattedTable(Repo repo) {
    repo.insertOrThrow(new PostStruct().withTitle("my post title").withBody("body").withViewCount(1));

    QueryResult result = repo.queryResult("SELECT title, view_count AS counter, NULL AS public FROM posts", List.of());

    assertThat(Repo.formatTable(result)).isEqualTo("+---------------+---------+--------+\n"
        + "| title         | counter | public |\n+---------------+---------+--------+\n"
        + "| my post title |       1 | NULL   |\n+---------------+---------+--------+");
    assertThat(result.numRows()).isEqualTo(1);
  }

  /** Ports ecto_sql integration_test/sql/sql.exs "format_table edge cases". */
  @Test
  void formatTableEdgeCases() {
    List<List<Object>> oneRow = new ArrayList<>();
    oneRow.add(List.of("test"));
    assertThat(Repo.formatTable(null)).isEmpty();
    assertThat(Repo.formatTable(new QueryResult(null, null, 0))).isEmpty();
    assertThat(Repo.formatTable(new QueryResult(List.of(), List.of(), 0))).isEmpty();
    assertThat(Repo.formatTable(new QueryResult(List.of(), oneRow, 1))).isEmpty();
    assertThat(Repo.formatTable(new QueryResult(List.of("test"), List.of(), 0))).isEqualTo("+------+\n| test |\n+------+\n+------+");
    assertThat(Repo.formatTable(new QueryResult(List.of("test"), null, 0))).isEqualTo("+------+\n| test |\n+------+\n+------+");
  }

  /** Regression test for issue #19: a statement without rows has no columns and counts the rows it changed. */
  @Test
  void queryResultOfAWrite(Repo repo) {
    QueryResult result = repo.queryResult("INSERT INTO posts (title, body, inserted_at, updated_at)"
        + " VALUES (?, ?, now(), now()), (?, ?, now(), now())", List.of("a", "b", "c", "d"));

    assertThat(result.columns()).isEmpty();
    assertThat(result.numRows()).isEqualTo(2);
    assertThat(Repo.formatTable(result)).isEmpty();
  }

  /** Ports ecto_sql integration_test/sql/sql.exs "to_sql/3". */
  @Test
  void toSql(Repo repo) {
    Sql all = repo.toSql(POSTS);
    assertThat(all.text()).contains("SELECT").contains("posts");
    assertThat(all.values()).isEmpty();

    Sql update = repo.toSqlUpdateAll(POSTS, Update.set(Posts.VIEW_COUNT, 0));
    assertThat(update.text()).contains("UPDATE").contains("posts").contains("SET");
    assertThat(update.values()).containsExactly(0);

    Sql delete = repo.toSqlDeleteAll(POSTS);
    assertThat(delete.text()).contains("DELETE").contains("posts");
    assertThat(delete.values()).isEmpty();
  }

  /** Ports ecto_sql integration_test/pg/explain_test.exs "explain". */
  @Test
  void explain(Repo repo) {
    String analyzed = repo.explain(POSTS, Explain.options().analyze(true).verbose(true));
    assertThat(analyzed).contains("cost=", "actual time=", "loops=", "Output:").containsPattern("Planning [Tt]ime:")
        .containsPattern("Execution [Tt]ime:");

    String delete = repo.explainDeleteAll(POSTS, Explain.options());
    assertThat(delete).contains("Delete on posts p0", "cost=");

    String update = repo.explainUpdateAll(POSTS, Explain.options(), Update.set(Posts.TITLE, "new title"));
    assertThat(update).contains("Update on posts p0", "cost=");
  }

  /** Ports ecto_sql test/ecto/adapters/postgres_test.exs "build_explain_query", as the statements PostgreSQL receives. */
  @Test
  void buildExplainQuery(Repo repo) {
    List<String> sent = new ArrayList<>();
    Repo observed = repo.withListener(event -> sent.add(event.sql()));
    Query<PostStruct> one = POSTS.limit(1);
    observed.explain(one, Explain.options());
    observed.explain(one, Explain.options().analyze(true));
    observed.explain(one, Explain.options().analyze(true).verbose(true));
    observed.explain(one, Explain.options().analyze(true).costs(true));
    observed.explain(one, Explain.options().costs(false).settings(true).format(Explain.Format.YAML));

    List<String> explains = sent.stream().filter(sql -> sql.startsWith("EXPLAIN")).map(sql -> sql.substring(0, sql.indexOf("SELECT"))).toList();
    assertThat(explains).containsExactly("EXPLAIN ", "EXPLAIN ANALYZE ", "EXPLAIN ANALYZE VERBOSE ",
        "EXPLAIN ( ANALYZE TRUE, COSTS TRUE ) ", "EXPLAIN ( COSTS FALSE, SETTINGS TRUE, FORMAT YAML ) ");
  }

  /** Ports ecto_sql integration_test/pg/explain_test.exs "explain with fallback generic plan". */
  @Test
  void explainWithFallbackGenericPlan(Repo repo) {
    Query<PostStruct> query = POSTS.where(Posts.VIEW_COUNT.eq(1)).where(Posts.TITLE.eq("title"));

    String explain = repo.explain(query, Explain.options().genericPlan(true).verbose(true));

    assertThat(explain).contains("p0.view_count = $1").containsPattern("p0\\.title\\)?(::text)? = \\$2");
    // works when no parameters are given, and twice on one connection (each prepared statement is deallocated)
    assertThat(repo.explain(POSTS, Explain.options().genericPlan(true).verbose(true))).contains("Seq Scan on public.posts p0");
    assertThat(repo.explain(POSTS, Explain.options().genericPlan(true))).contains("Seq Scan on posts p0");
  }

  /** Ports ecto_sql integration_test/pg/explain_test.exs "explain with fallback generic plan cannot use analyze". */
  @Test
  void explainWithFallbackGenericPlanCannotUseAnalyze() {
    assertThatThrownBy(() -> Explain.options().genericPlan(true).analyze(true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("analyze cannot be used with a generic explain plan");
  }

  /** Ports ecto_sql integration_test/pg/explain_test.exs "explain with custom plan". */
  @Test
  void explainWithCustomPlan(Repo repo) {
    Query<PostStruct> query = POSTS.where(Posts.VIEW_COUNT.eq(1)).where(Posts.TITLE.eq("title"));

    String explain = repo.explain(query, Explain.options().analyze(true).verbose(true));

    assertThat(explain).doesNotContain("$1").doesNotContain("$2").contains("p0.view_count = 1").contains("'title'");
  }

  /** Ports ecto_sql integration_test/pg/explain_test.exs "explain MAP format" (JSON text here: the runtime parses no JSON). */
  @Test
  void explainJsonFormat(Repo repo) {
    String explain = repo.explain(POSTS, Explain.options().analyze(true).verbose(true).format(Explain.Format.JSON));

    assertThat(explain).startsWith("[").contains("\"Plan\"", "\"Actual Loops\"", "\"Actual Rows\"", "\"Actual Startup Time\"");
  }

  /** Ports ecto_sql integration_test/pg/explain_test.exs "explain YAML format". */
  @Test
  void explainYamlFormat(Repo repo) {
    String explain = repo.explain(POSTS, Explain.options().analyze(true).verbose(true).format(Explain.Format.YAML));

    assertThat(explain).contains("Plan:", "Node Type:", "Relation Name:");
  }

  /** Regression test for issue #19: XML, buffers, WAL, timing and summary reach PostgreSQL and show in its plan. */
  @Test
  void everyOtherOption(Repo repo) {
    assertThat(repo.explain(POSTS, Explain.options().format(Explain.Format.XML))).startsWith("<explain").contains("<Node-Type>");
    String json = repo.explainDeleteAll(POSTS, Explain.options().analyze(true).buffers(true).wal(true).timing(false)
        .summary(true).format(Explain.Format.JSON));
    assertThat(json).contains("\"Shared Hit Blocks\"", "\"WAL Records\"", "\"Execution Time\"").doesNotContain("\"Actual Startup Time\"");
    assertThat(repo.explain(POSTS, Explain.options().costs(false))).doesNotContain("cost=");
    assertThat(repo.explain(POSTS, Explain.options().summary(true))).contains("Planning Time:");
  }

  /**
   * Ports Ecto's documented {@code wrap_in_transaction} default (ecto_sql lib/ecto/adapters/sql.ex
   * explain docs): analyzing an update_all or delete_all changes no data; inside a transaction it
   * is undone by a savepoint and the transaction goes on.
   */
  @Test
  void analyzeOfAWriteChangesNothing(Repo repo) {
    repo.insertOrThrow(new PostStruct().withTitle("kept").withBody("body"));

    assertThat(repo.explainDeleteAll(POSTS, Explain.options().analyze(true))).contains("Delete on posts p0");
    assertThat(repo.explainUpdateAll(POSTS, Explain.options().analyze(true), Update.set(Posts.TITLE, "changed")))
        .contains("Update on posts p0");
    repo.transaction(tx -> repo.explainDeleteAll(POSTS, Explain.options().analyze(true)));

    assertThat(repo.all(POSTS)).extracting(PostStruct::title).containsExactly("kept");
  }

  /** Ports ecto_sql integration_test/pg/explain_test.exs "explain without rolling back". */
  @Test
  void explainWithoutRollingBack(Repo repo) {
    repo.insertOrThrow(new PostStruct().withTitle("gone").withBody("body"));
    assertThat(repo.all(POSTS)).hasSize(1);

    String explain = repo.transaction(tx -> repo.explainDeleteAll(POSTS,
        Explain.options().analyze(true).wrapInTransaction(false))).orElseThrow();

    assertThat(explain).contains("Delete on posts p0", "cost=");
    assertThat(repo.all(POSTS)).isEmpty();
  }
}
