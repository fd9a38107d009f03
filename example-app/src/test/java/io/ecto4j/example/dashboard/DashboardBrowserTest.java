package io.ecto4j.example.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.ecto4j.dashboard.Dashboard;
import io.ecto4j.dashboard.QueryRecorder;
import io.ecto4j.example.ExampleDashboard;
import io.ecto4j.example.blog.Blog;
import io.ecto4j.example.demo.Seeds;
import io.ecto4j.example.demo.Walkthrough;
import io.ecto4j.example.migrations.Migrations;
import io.ecto4j.migration.Migrator;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.PostgresProcess;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The dashboard in a real browser: the example app's wiring ({@link ExampleDashboard}, what
 * {@code --dashboard} serves) after the demo's load plus a feed page's N+1, on a server of the
 * test's own with pg_stat_statements loaded; headless Chromium loads each page, the test checks that
 * charts and tables show real numbers, and saves the screenshots docs/dashboard.md shows.
 * Skipped only where /usr/bin/chromium is missing; .ci/run installs it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {
  private static final int WIDTH = 1280;
  private static final Duration RENDER_LIMIT = Duration.ofSeconds(30);
  /**
   * Where the screenshots go: target/screenshots, so that a build leaves the checkout clean; with
   * {@code -Decto4j.updateScreenshots=true}, docs/images, the ones docs/dashboard.md shows.
   */
  private static final Path IMAGES = Boolean.getBoolean("ecto4j.updateScreenshots")
      ? Path.of(System.getProperty("user.dir")).getParent().resolve("docs/images")
      : Path.of(System.getProperty("user.dir")).resolve("target/screenshots");

  private static PostgresProcess server;
  private static Repo repo;
  private static HttpServer dashboardServer;
  private static Dashboard dashboard;
  private static Chromium chromium;
  private static String base;
  private static String url;

  @BeforeAll
  static void serveTheExampleAfterSomeLoad() throws Exception {
    Assumptions.assumeTrue(Chromium.installed(), "skipped: " + Chromium.BINARY + " is missing; install Debian's "
        + "chromium (apt-get install -y chromium), as .ci/run does, to run the dashboard's browser test");
    server = PostgresProcess.builder().setting("shared_preload_libraries", "pg_stat_statements").create();
    url = server.createDatabase("ecto4j_dashboard_demo");
    server.execute("ecto4j_dashboard_demo", "CREATE EXTENSION pg_stat_statements");
    QueryRecorder recorder = new QueryRecorder(Duration.ofMillis(500), 120, 1000, 3, Clock.systemUTC());
    repo = Repo.builder().url(url).maximumPoolSize(4).listener(recorder).build();
    Migrator.builder(repo.dataSource()).migrations(Migrations.all()).output(line -> { }).build().migrate();
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    new Seeds(repo, quiet).run();
    dashboard = ExampleDashboard.create(repo, recorder);
    new Walkthrough(repo, quiet, () -> 0, Clock.systemUTC()).run();
    Blog blog = new Blog(repo, Clock.systemUTC());
    // Traffic until the charts have points: queries in at least six of the 500 ms buckets.
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(400)).until(() -> {
      ExampleDashboard.feed(repo, recorder);
      blog.withAuthorsAndComments(blog.listPosts(Blog.ListOptions.all()));
      return bucketsWithTraffic() >= 6;
    });
    dashboardServer = dashboard.start(0);
    base = "http://127.0.0.1:" + dashboardServer.getAddress().getPort() + Dashboard.PATH;
    chromium = Chromium.start(WIDTH, 900);
  }

  @AfterAll
  static void stop() throws Exception {
    if (chromium != null) {
      chromium.close();
    }
    if (dashboardServer != null) {
      dashboardServer.stop(0);
    }
    if (repo != null) {
      repo.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  @Order(1)
  void queriesChartThroughputAndPercentilesAndRankStatementsWithTheirPlans() throws Exception {
    open("queries");
    chromium.await("document.querySelectorAll('table[data-table=pgss] tbody tr').length > 0", RENDER_LIMIT);

    assertThat(chromium.evaluate("document.querySelectorAll('svg[data-chart=throughput] path.series').length").asInt())
        .isEqualTo(1);
    JsonNode latency = chromium.evaluate("[...document.querySelectorAll('svg[data-chart=latency] path.series')]"
        + ".map(p => ({name: p.dataset.series, points: +p.dataset.points, max: +p.dataset.max}))");
    assertThat(latency).hasSize(3);
    for (JsonNode series : latency) {
      assertThat(series.get("points").asInt()).as(series.toString()).isGreaterThan(2);
      assertThat(series.get("max").asDouble()).as(series.toString()).isPositive();
    }
    JsonNode firstRow = chromium.evaluate("[...document.querySelector('table[data-table=slow] tbody tr').cells]"
        + ".map(c => c.innerText)");
    assertThat(firstRow.get(0).asText()).contains("SELECT").contains("↳ io.ecto4j.example");
    assertThat(firstRow.get(1).asText()).matches("[1-9][0-9,]*");
    assertThat(firstRow.get(2).asText()).matches("[0-9.]+ m?s");

    chromium.evaluate("document.querySelector('button[data-explain]').click()");
    chromium.await("document.querySelector('pre[data-plan]')", RENDER_LIMIT);
    assertThat(chromium.evaluate("document.querySelector('pre[data-plan]').innerText").asText()).contains("Scan");
    chromium.screenshot(IMAGES.resolve("dashboard-queries.png"), WIDTH);
  }

  @Test
  @Order(2)
  void nPlusOneNamesThePreloadThatRemovesIt() throws Exception {
    open("nplusone");

    String finding = chromium.evaluate("document.querySelector('[data-finding]').innerText").asText();
    assertThat(finding).contains("SELECT comments").contains("preload Posts.COMMENTS")
        .contains("ExampleDashboard.feed").containsPattern("ran up to \\d+ times");
    chromium.screenshot(IMAGES.resolve("dashboard-nplusone.png"), WIDTH);
  }

  @Test
  @Order(3)
  void healthShowsRatiosSizesAndConnections() throws Exception {
    open("health");

    JsonNode sizes = chromium.evaluate("[...document.querySelectorAll('table[data-table=table_sizes] tbody tr')]"
        + ".map(r => [...r.cells].map(c => c.innerText))");
    assertThat(sizes.size()).isGreaterThanOrEqualTo(5);
    assertThat(sizes.get(0).get(1).asText()).matches("[0-9.]+ (kB|MB|B)");
    assertThat(chromium.evaluate("document.querySelector('.cards').innerText").asText())
        .containsPattern("tables cache hit\\s+\\d+(\\.\\d+)?%");
    assertThat(chromium.evaluate("document.querySelectorAll('table[data-table=connections] tbody tr').length").asInt())
        .isPositive();
    chromium.screenshot(IMAGES.resolve("dashboard-health.png"), WIDTH);
  }

  @Test
  @Order(4)
  void migrationsListTheAppliedOnes() throws Exception {
    open("migrations");

    assertThat(chromium.evaluate("document.querySelectorAll('table[data-table=applied] tbody tr').length").asInt())
        .isEqualTo(Migrations.all().size());
    chromium.screenshot(IMAGES.resolve("dashboard-migrations.png"), WIDTH);
  }

  @Test
  @Order(5)
  void locksDrawWhoBlocksWhomAsATree() throws Exception {
    try (Connection holder = DriverManager.getConnection(url); Connection waiter = DriverManager.getConnection(url)) {
      holder.setAutoCommit(false);
      try (Statement s = holder.createStatement()) {
        s.execute("UPDATE posts SET view_count = view_count + 1 WHERE id = (SELECT min(id) FROM posts)");
      }
      CompletableFuture<Void> blocked = CompletableFuture.runAsync(() -> {
        try (Statement s = waiter.createStatement()) {
          s.execute("UPDATE posts SET view_count = 0 WHERE id = (SELECT min(id) FROM posts)");
        } catch (java.sql.SQLException e) {
          throw new IllegalStateException(e);
        }
      });
      try {
        open("locks");
        chromium.await("document.querySelector('[data-table=locktree] li li .node')", RENDER_LIMIT);

        String root = chromium.evaluate("document.querySelector('.node.root').innerText").asText();
        assertThat(root).contains("idle in transaction, blocking").containsPattern("transaction open [0-9.]+ m?s");
        String waiting = chromium.evaluate("document.querySelector('[data-table=locktree] li li .node').innerText")
            .asText();
        assertThat(waiting).containsPattern("waiting [0-9.]+ m?s on Lock:").contains("SET view_count = 0");
        chromium.screenshot(IMAGES.resolve("dashboard-locks.png"), WIDTH);
      } finally {
        holder.rollback();
        blocked.get();
      }
    }
  }

  /** How many points of the Queries page's series saw a statement. */
  private static long bucketsWithTraffic() throws Exception {
    JsonNode series = new ObjectMapper().readTree(dashboard.json("queries")).get("series");
    long points = 0;
    for (JsonNode point : series) {
      points += point.get("count").asLong() > 0 ? 1 : 0;
    }
    return points;
  }

  /** Opens a page and waits until it has rendered its JSON. */
  private static void open(String page) throws Exception {
    chromium.navigate(base + "#" + page);
    chromium.await("document.body && document.body.dataset.ready === '" + page + "' && "
        + "!document.querySelector('main .error')", RENDER_LIMIT);
  }
}
