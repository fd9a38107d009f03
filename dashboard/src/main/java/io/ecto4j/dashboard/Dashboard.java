package io.ecto4j.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.ecto4j.meta.Table;
import io.ecto4j.migration.Migration;
import io.ecto4j.migration.Migrator;
import io.ecto4j.repo.Repo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;

/**
 * The production clinic as a page: what Phoenix LiveDashboard's Ecto page and PgHero show (the
 * slowest statements, locks, cache and index health, bloat, migrations), plus what only ecto4j
 * knows: the code that ran each statement and the preload that removes an N+1. Read-only, served
 * from the jar with no front-end build and no network at run time.
 *
 * <pre>{@code
 * QueryRecorder recorder = new QueryRecorder();
 * Repo repo = Repo.builder().url(url).listener(recorder).build();
 * Dashboard dashboard = Dashboard.builder(repo, recorder).migrator(migrator).migrations(Migrations.all())
 *     .tables(Posts.SCHEMA, Users.SCHEMA).build();
 * HttpServer server = dashboard.start(4040);      // http://127.0.0.1:4040/ecto4j
 * }</pre>
 *
 * <p>Safety, as the page shows SQL and the database's state: {@link #start(int)} binds to loopback;
 * binding another address needs a {@link Builder#token token}, and without one a request must name
 * a loopback host (so a DNS-rebinding page cannot read it). No bound parameter value is shown unless
 * {@link Builder#showParameters}, since values may be personal data; plans have their literals
 * masked likewise. The dashboard only reads: its own statements run in a {@code READ ONLY}
 * transaction with a statement timeout and are rolled back, the clinic's readers it reuses read
 * views and catalogs, and {@code EXPLAIN ANALYZE}, which runs the statement, needs
 * {@link Builder#explainAnalyze} and is only offered for a {@code SELECT}.
 */
public final class Dashboard {
  /** The path {@link #start} mounts the handler on. */
  public static final String PATH = "/ecto4j";

  private final Settings settings;
  private final Pages pages;

  private Dashboard(Settings settings) {
    this.settings = settings;
    this.pages = new Pages(settings);
  }

  /** A dashboard over {@code repo}, whose statements {@code recorder} (one of the repo's listeners) records. */
  public static Builder builder(Repo repo, QueryRecorder recorder) {
    return new Builder(Objects.requireNonNull(repo, "repo"), Objects.requireNonNull(recorder, "recorder"));
  }

  /** The page names, which are also the JSON paths: {@code queries}, {@code nplusone}, {@code locks}, {@code health}, {@code migrations}. */
  public static List<String> pages() {
    return Pages.NAMES;
  }

  /** The HTML page, with its script and styles inline: it reads {@code <its own path>/<page>} as JSON. */
  public String html() {
    try (InputStream in = Dashboard.class.getResourceAsStream("dashboard.html")) {
      if (in == null) {
        throw new IllegalStateException("io/ecto4j/dashboard/dashboard.html is missing from the ecto4j-dashboard jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the dashboard's page from its jar", e);
    }
  }

  /**
   * The JSON at {@code path} below the page: one of {@link #pages()}, or {@code explain/<id>}. Both
   * hosts (the JDK handler, Actuator) answer the same paths through here.
   *
   * @throws NoSuchPageException if {@code path} names neither
   */
  public String json(String path) {
    return path.startsWith("explain/") ? explain(parseId(path.substring("explain/".length()))) : pages.json(path);
  }

  /** The plan of the recorded statement {@code id} (from the Queries page), with index advice. */
  public String explain(long id) {
    return pages.explain(id);
  }

  /**
   * A handler for the JDK's HTTP server, serving the page at its context's path and each page's
   * JSON below it: {@code server.createContext("/ecto4j", dashboard.handler())}. It answers GET and
   * HEAD only, checks the token when one is set, and otherwise accepts only loopback host names.
   */
  public HttpHandler handler() {
    return this::handle;
  }

  /** Serves the dashboard at {@code http://127.0.0.1:<port>/ecto4j} on a server of its own; port 0 picks a free one. */
  public HttpServer start(int port) {
    return start(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
  }

  /**
   * Serves the dashboard at {@code address}, path {@link #PATH}.
   *
   * @throws IllegalStateException if {@code address} is not loopback and no token is set
   */
  public HttpServer start(InetSocketAddress address) {
    if (!address.getAddress().isLoopbackAddress() && settings.token() == null) {
      throw new IllegalStateException("the dashboard would listen on " + address + ", which is not loopback, without "
          + "a token: set Dashboard.builder(…).token(…), or put it behind the application's own security");
    }
    try {
      HttpServer server = HttpServer.create(address, 0);
      server.createContext(PATH, handler());
      server.setExecutor(Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "ecto4j-dashboard");
        thread.setDaemon(true);
        return thread;
      }));
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + address + " for the dashboard: " + e.getMessage(), e);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        send(exchange, 405, "text/plain", "the dashboard is read-only: " + method + " is not allowed");
        return;
      }
      String refusal = refusal(exchange);
      if (refusal != null) {
        send(exchange, refusal.startsWith("token") ? 401 : 403, "text/plain", refusal);
        return;
      }
      String context = exchange.getHttpContext().getPath().replaceAll("/+$", "");
      String path = exchange.getRequestURI().getPath().substring(Math.min(context.length(),
          exchange.getRequestURI().getPath().length())).replaceAll("^/+|/+$", "");
      try {
        if (path.isEmpty() || path.equals("index.html")) {
          send(exchange, 200, "text/html; charset=utf-8", html());
        } else {
          send(exchange, 200, "application/json", json(path));
        }
      } catch (NoSuchPageException e) {
        send(exchange, 404, "text/plain", e.getMessage());
      }
    }
  }

  /** Why a request is refused, or null: a missing or wrong token, or a host name that is not loopback. */
  private String refusal(HttpExchange exchange) {
    if (settings.token() != null) {
      String given = bearer(exchange.getRequestHeaders().getFirst("Authorization"));
      if (given == null) {
        given = query(exchange.getRequestURI().getRawQuery()).get("token");
      }
      boolean matches = given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
          settings.token().getBytes(StandardCharsets.UTF_8));
      return matches ? null : "token missing or wrong: send 'Authorization: Bearer <token>' or ?token=<token>";
    }
    String host = exchange.getRequestHeaders().getFirst("Host");
    String name = host == null ? "" : host.replaceAll(":\\d+$", "").toLowerCase(Locale.ROOT);
    return List.of("localhost", "127.0.0.1", "[::1]").contains(name) ? null
        : "host '" + host + "' is not loopback: without a token the dashboard answers only to localhost, "
            + "127.0.0.1 or [::1]";
  }

  private static String bearer(String authorization) {
    return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
        ? authorization.substring(7).trim() : null;
  }

  private static Map<String, String> query(String rawQuery) {
    Map<String, String> parameters = new LinkedHashMap<>();
    if (rawQuery != null) {
      for (String pair : rawQuery.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          parameters.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
              URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return parameters;
  }

  private static long parseId(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw new NoSuchPageException("explain/" + id + " (a statement id is a number, from the Queries page)");
    }
  }

  private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    var headers = exchange.getResponseHeaders();
    headers.set("Content-Type", type);
    headers.set("Cache-Control", "no-store");
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("X-Frame-Options", "DENY");
    headers.set("Referrer-Policy", "no-referrer");
    headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  /** The page may only talk to its own origin: no script, style or image comes from anywhere else. */
  public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'unsafe-inline'; "
      + "style-src 'unsafe-inline'; img-src data:; connect-src 'self'; base-uri 'none'; form-action 'none'; "
      + "frame-ancestors 'none'";

  /** A path that names no page, or a statement id the recorder does not know. */
  public static final class NoSuchPageException extends IllegalArgumentException {
    NoSuchPageException(String page) {
      super("no dashboard page '" + page + "': the pages are " + String.join(", ", Pages.NAMES)
          + ", and explain/<id>");
    }
  }

  /** What a built dashboard reads its settings from. */
  record Settings(Repo repo, QueryRecorder recorder, List<Table<?>> tables, Migrator migrator,
      Map<String, Migration> migrations, String token, boolean showParameters, boolean explainAnalyze,
      Duration statementTimeout, Duration longRunning, long seqScanRows) {}

  /** The dashboard's settings; only the repo and recorder are required. */
  public static final class Builder {
    private final Repo repo;
    private final QueryRecorder recorder;
    private final List<Table<?>> tables = new ArrayList<>();
    private final Map<String, Migration> migrations = new LinkedHashMap<>();
    private Migrator migrator;
    private String token;
    private boolean showParameters;
    private boolean explainAnalyze;
    private Duration statementTimeout = Duration.ofSeconds(5);
    private Duration longRunning = Duration.ofSeconds(5);
    private long seqScanRows = 10_000;

    private Builder(Repo repo, QueryRecorder recorder) {
      this.repo = repo;
      this.recorder = recorder;
    }

    /** The schemas whose associations name the preload an N+1 finding needs, e.g. {@code Posts.SCHEMA}. */
    public Builder tables(Table<?>... tables) {
      this.tables.addAll(List.of(tables));
      return this;
    }

    /** The tables as a collection, for a framework that collects them. */
    public Builder tables(Collection<? extends Table<?>> tables) {
      this.tables.addAll(tables);
      return this;
    }

    /** The migrator whose status the Migrations page shows; none: the page says so. */
    public Builder migrator(Migrator migrator) {
      this.migrator = migrator;
      return this;
    }

    /** The Java migrations, so that the pending ones are linted ({@code MigrationLint}). */
    public Builder migrations(Collection<? extends Migration> migrations) {
      migrations.forEach(m -> this.migrations.put(m.getClass().getName(), m));
      return this;
    }

    /**
     * Requires {@code Authorization: Bearer <token>} (or {@code ?token=}, which the page passes on)
     * on every request of {@link #handler()}; needed to listen beyond loopback.
     */
    public Builder token(String token) {
      if (token != null && token.length() < 16) {
        throw new IllegalArgumentException("a dashboard token must have at least 16 characters, got "
            + token.length() + "; generate one, e.g. openssl rand -hex 16");
      }
      this.token = token;
      return this;
    }

    /** Shows each statement's last parameter values and the literals of plans; off, as they may be personal data. */
    public Builder showParameters(boolean show) {
      this.showParameters = show;
      return this;
    }

    /** Plans with {@code EXPLAIN ANALYZE}, which runs the statement (a SELECT, in a rolled-back read-only transaction). */
    public Builder explainAnalyze(boolean analyze) {
      this.explainAnalyze = analyze;
      return this;
    }

    /** How long each of the dashboard's own statements may run; 5 s by default. */
    public Builder statementTimeout(Duration timeout) {
      this.statementTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** From when on a running statement is listed as long-running on the Health page; 5 s by default. */
    public Builder longRunning(Duration threshold) {
      this.longRunning = Objects.requireNonNull(threshold, "threshold");
      return this;
    }

    /** The table size above which a plan's sequential scan gets index advice; 10 000 rows by default. */
    public Builder seqScanRows(long rows) {
      this.seqScanRows = rows;
      return this;
    }

    public Dashboard build() {
      recorder.attach(repo, tables);
      return new Dashboard(new Settings(repo, recorder, List.copyOf(tables), migrator, Map.copyOf(migrations), token,
          showParameters, explainAnalyze, statementTimeout, longRunning, seqScanRows));
    }
  }
}
