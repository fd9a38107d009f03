package io.ecto4j.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.ecto4j.migration.Migration;
import io.ecto4j.migration.Migrator;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The handler's HTML and JSON against a real database: each page answers with numbers read from
 * the recorder and the server, and the safety rules hold (read-only methods, token, loopback host
 * names, no parameter values unless asked).
 */
@EctoTest(schema = """
    CREATE TABLE dash_posts (id bigserial PRIMARY KEY, title text NOT NULL);
    CREATE TABLE dash_comments (id bigserial PRIMARY KEY, post_id bigint NOT NULL REFERENCES dash_posts, body text);
    CREATE INDEX dash_comments_body_index ON dash_comments (body);
    CREATE INDEX dash_comments_body_again ON dash_comments (body)""")
class DashboardHandlerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String SECRET_TITLE = "secret title 4711";

  private static HttpServer server;
  private static Repo repo;
  private static String base;

  /** Version 1 is applied by the test; version 2, pending, builds an index under lock on an existing table. */
  public static final class V1__CreateDashGadgets extends Migration {
    @Override
    protected void change() {
      createTable("dash_gadgets", t -> t.add("name", "text"));
    }
  }

  public static final class V2__IndexDashGadgets extends Migration {
    @Override
    protected void change() {
      createIndex(index("dash_gadgets", "name"));
    }
  }

  @BeforeAll
  static void serveAfterSomeLoad(TestDatabase db) {
    QueryRecorder recorder = new QueryRecorder(Duration.ofMillis(200), 100, 100, 3, java.time.Clock.systemUTC());
    repo = Repo.of(db.dataSource()).withListener(recorder);
    Migrator migrator = Migrator.builder(db.dataSource()).failOnMissingLocations(false).prefix("dash_tenant")
        .migrations(new V1__CreateDashGadgets(), new V2__IndexDashGadgets()).output(line -> { }).build();
    migrator.migrate(1);
    Dashboard dashboard = Dashboard.builder(repo, recorder).migrator(migrator)
        .migrations(List.of(new V1__CreateDashGadgets(), new V2__IndexDashGadgets())).build();
    for (int i = 0; i < 20; i++) {
      repo.query("INSERT INTO dash_posts (title) VALUES (?) RETURNING id", List.of(SECRET_TITLE + " " + i), r -> r.getLong(1));
    }
    for (int i = 0; i < 30; i++) {
      loadTitle(i % 20 + 1);
    }
    repo.transaction(tx -> {   // an N+1: one statement per post, in one transaction
      for (long id = 1; id <= 10; id++) {
        repo.query("SELECT id, body FROM dash_comments WHERE post_id = ?", List.of(id), r -> r.getLong(1));
      }
      return null;
    });
    server = dashboard.start(0);
    base = "http://127.0.0.1:" + server.getAddress().getPort() + Dashboard.PATH;
  }

  private static List<String> loadTitle(long id) {
    return repo.query("SELECT title FROM dash_posts WHERE id = ?", List.of(id), r -> r.getString(1));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void servesThePageWithItsScriptInlineAndAStrictContentSecurityPolicy() throws Exception {
    HttpResponse<String> page = get(base);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(Dashboard.CONTENT_SECURITY_POLICY);
    assertThat(page.body()).contains("<script>", "data-page=\"queries\"", "data-page=\"health\"")
        .doesNotContain("src=\"http", "href=\"http");
  }

  @Test
  void queriesChartTheSeriesAndRankShapesWithTheirCallSitesButNoParameterValues() throws Exception {
    JsonNode page = json("queries");

    assertThat(page.get("series").size()).isPositive();
    long statements = 0;
    for (JsonNode point : page.get("series")) {
      statements += point.get("count").asLong();
    }
    assertThat(statements).isGreaterThanOrEqualTo(60);
    JsonNode select = shape(page, "SELECT title FROM dash_posts WHERE id = ?");
    assertThat(select.get("count").asLong()).isEqualTo(30);
    assertThat(select.get("p95Ms").asDouble()).isPositive();
    assertThat(select.get("p99Ms").asDouble()).isGreaterThanOrEqualTo(select.get("p50Ms").asDouble());
    assertThat(select.get("callSites").get(0).asText()).contains("DashboardHandlerTest.loadTitle");
    assertThat(select.has("parameters")).isFalse();
    assertThat(page.toString()).doesNotContain(SECRET_TITLE);
    assertThat(page.get("pgStatStatements").get("available").asBoolean()).isFalse();
    assertThat(page.get("pgStatStatements").get("reason").asText()).contains("pg_stat_statements");
  }

  @Test
  void explainsARecordedSelectWithItsLiteralsMasked() throws Exception {
    JsonNode select = shape(json("queries"), "SELECT title FROM dash_posts WHERE id = ?");

    JsonNode plan = json("explain/" + select.get("id").asLong());

    assertThat(plan.get("analyze").asBoolean()).isFalse();
    assertThat(plan.get("plan").asText()).contains("dash_posts").doesNotContain("actual time");
    assertThat(plan.get("plan").asText()).doesNotMatch("(?s).*id = \\d.*");
  }

  @Test
  void neverExplainsAWrite() throws Exception {
    JsonNode insert = shape(json("queries"), "INSERT INTO dash_posts (title) VALUES (?) RETURNING id");

    assertThat(insert.get("explainable").asBoolean()).isFalse();
    assertThat(json("explain/" + insert.get("id").asLong()).get("error").asText()).contains("only a SELECT");
  }

  @Test
  void findsTheNPlusOneOfATransactionWithItsCallSite() throws Exception {
    JsonNode findings = json("nplusone").get("findings");

    assertThat(findings).hasSize(1);
    JsonNode finding = findings.get(0);
    assertThat(finding.get("sql").asText()).isEqualTo("SELECT id, body FROM dash_comments WHERE post_id = ?");
    assertThat(finding.get("maxRuns").asInt()).isEqualTo(10);
    assertThat(finding.get("callSite").asText()).contains("DashboardHandlerTest");
    assertThat(finding.get("fix").asText()).contains("ANY(?)");
  }

  @Test
  void healthReadsSizesUsageAndDuplicateIndexes() throws Exception {
    JsonNode page = json("health");

    assertThat(page.get("summary").get("database_bytes").asLong()).isPositive();
    List<String> ids = new ArrayList<>();
    page.get("sections").forEach(s -> ids.add(s.get("id").asText()));
    assertThat(ids).containsExactly("cache_hit", "index_usage", "seq_scans", "unused_indexes", "duplicate_indexes",
        "bloat", "table_sizes", "index_sizes", "vacuum", "long_running", "connections", "replication");
    page.get("sections").forEach(s -> assertThat(s.has("error")).as(s.toString()).isFalse());
    assertThat(section(page, "duplicate_indexes").get("rows").get(0).get(1).asText())
        .isEqualTo("dash_comments_body_again, dash_comments_body_index");
    assertThat(section(page, "table_sizes").toString()).contains("public.dash_posts");
    assertThat(section(page, "connections").get("rows").size()).isPositive();
  }

  @Test
  void locksShowWhoBlocksWhomAsATree(TestDatabase db) throws Exception {
    try (Connection holder = db.dataSource().getConnection(); Connection waiter = db.dataSource().getConnection()) {
      holder.setAutoCommit(false);
      try (Statement s = holder.createStatement()) {
        s.execute("UPDATE dash_posts SET title = 'held' WHERE id = 1");
      }
      int holderPid = pid(holder);
      int waiterPid = pid(waiter);
      CompletableFuture<Void> blocked = CompletableFuture.runAsync(() -> {
        try (Statement s = waiter.createStatement()) {
          s.execute("UPDATE dash_posts SET title = 'waiting' WHERE id = 1");
        } catch (java.sql.SQLException e) {
          throw new IllegalStateException(e);
        }
      });
      // until the waiter is waiting, at most 10 s
      JsonNode page = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
          .until(() -> json("locks"), locks -> !locks.get("tree").isEmpty());
      holder.rollback();
      blocked.get();

      JsonNode root = page.get("tree").get(0);
      assertThat(root.get("pid").asInt()).isEqualTo(holderPid);
      assertThat(root.get("state").asText()).isEqualTo("idle in transaction");
      JsonNode child = root.get("blocks").get(0);
      assertThat(child.get("pid").asInt()).isEqualTo(waiterPid);
      assertThat(child.get("waitEvent").asText()).startsWith("Lock:");
      assertThat(child.get("query").asText()).contains("SET title = 'waiting'");
    }
  }

  @Test
  void migrationsListAppliedAndPendingWithTheLintOfThePending() throws Exception {
    JsonNode page = json("migrations");

    assertThat(page.get("applied").get(0).get("version").asText()).isEqualTo("1");
    JsonNode pending = page.get("pending").get(0);
    assertThat(pending.get("version").asText()).isEqualTo("2");
    assertThat(pending.get("findings").get(0).get("rule").asText()).isEqualTo("IndexNotConcurrent");
  }

  @Test
  void refusesWritesUnknownPagesAndForeignHostNames() throws Exception {
    HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/queries"))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(get(base + "/nothing").statusCode()).isEqualTo(404);
    assertThat(get(base + "/nothing").body()).contains("queries, nplusone, locks, health, migrations");
    assertThat(rawStatus("/ecto4j/queries", "attacker.example")).isEqualTo(403);
    assertThat(rawStatus("/ecto4j/queries", "localhost:" + server.getAddress().getPort())).isEqualTo(200);
  }

  @Test
  void aTokenIsRequiredWhenSetAndToListenBeyondLoopback(TestDatabase db) throws Exception {
    QueryRecorder recorder = new QueryRecorder();
    Dashboard.Builder builder = Dashboard.builder(Repo.of(db.dataSource()).withListener(recorder), recorder);
    assertThatThrownBy(() -> builder.build().start(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 0)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("not loopback, without a token");
    assertThatThrownBy(() -> builder.token("short")).hasMessageContaining("at least 16 characters");

    HttpServer guarded = builder.token("0123456789abcdef0123").build().start(0);
    try {
      String url = "http://127.0.0.1:" + guarded.getAddress().getPort() + Dashboard.PATH + "/health";
      assertThat(get(url).statusCode()).isEqualTo(401);
      assertThat(get(url + "?token=0123456789abcdef0123").statusCode()).isEqualTo(200);
      assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer 0123456789abcdef0123")
          .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    } finally {
      guarded.stop(0);
    }
  }

  @Test
  void showsParameterValuesOnlyWhenAsked(TestDatabase db) throws Exception {
    QueryRecorder recorder = new QueryRecorder();
    Repo observed = Repo.of(db.dataSource()).withListener(recorder);
    Dashboard dashboard = Dashboard.builder(observed, recorder).showParameters(true).build();
    observed.query("SELECT title FROM dash_posts WHERE title = ?", List.of(SECRET_TITLE + " 3"), r -> r.getString(1));

    JsonNode select = shape(JSON.readTree(dashboard.json("queries")), "SELECT title FROM dash_posts WHERE title = ?");

    assertThat(select.get("parameters").get(0).asText()).isEqualTo(SECRET_TITLE + " 3");
    assertThat(JSON.readTree(dashboard.explain(select.get("id").asLong())).get("plan").asText()).contains(SECRET_TITLE);
  }

  private static int pid(Connection connection) throws Exception {
    try (Statement s = connection.createStatement(); var rs = s.executeQuery("SELECT pg_backend_pid()")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static JsonNode shape(JsonNode page, String sql) {
    for (JsonNode shape : page.get("shapes")) {
      if (shape.get("sql").asText().equals(sql)) {
        return shape;
      }
    }
    throw new AssertionError("no shape " + sql + " in " + page.get("shapes"));
  }

  private static JsonNode section(JsonNode page, String id) {
    for (JsonNode section : page.get("sections")) {
      if (section.get("id").asText().equals(id)) {
        return section;
      }
    }
    throw new AssertionError("no section " + id);
  }

  private static JsonNode json(String path) throws Exception {
    HttpResponse<String> response = get(base + "/" + path);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    return JSON.readTree(response.body());
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A request with a Host header of the test's choosing, which java.net.http does not allow setting. */
  private static int rawStatus(String path, String host) throws Exception {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.getAddress().getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
          .readLine();
      return Integer.parseInt(status.split(" ")[1]);
    }
  }
}
