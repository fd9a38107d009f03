package io.ecto4j.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecto4j.clinic.IndexCheck;
import io.ecto4j.clinic.MigrationLint;
import io.ecto4j.clinic.PgStatStatements;
import io.ecto4j.clinic.QueryStats;
import io.ecto4j.dashboard.internal.HealthChecks;
import io.ecto4j.dashboard.internal.ReadOnly;
import io.ecto4j.migration.Migration;
import io.ecto4j.migration.MigrationStatus;
import io.ecto4j.repo.Repo;
import io.ecto4j.telemetry.LockWaits;
import io.ecto4j.telemetry.QueryEvent;
import io.ecto4j.telemetry.TelemetryOptions;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The JSON of each page, built from the recorder and read-only statements. Each method answers one
 * page; a part that cannot be read (a missing extension, a permission) becomes that part's
 * {@code error}, naming the cause, and the rest of the page still shows.
 */
final class Pages {
  static final List<String> NAMES = List.of("queries", "nplusone", "locks", "health", "migrations");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int SHAPES = 200;
  private static final int OUTLIERS = 20;
  private static final Pattern STRING_LITERAL = Pattern.compile("'(?:[^']|'')*'");
  private static final Pattern NUMBER_LITERAL = Pattern.compile("(?<=[=<>(,] )-?\\d+(?:\\.\\d+)?(?=[),\\s]|$)");

  private final Dashboard.Settings settings;
  private final Repo silent;

  Pages(Dashboard.Settings settings) {
    this.settings = settings;
    this.silent = settings.repo().withTelemetry(TelemetryOptions.silent());
  }

  String json(String page) {
    ObjectNode node = switch (page) {
      case "queries" -> queries();
      case "nplusone" -> nPlusOne();
      case "locks" -> locks();
      case "health" -> health();
      case "migrations" -> migrations();
      default -> throw new Dashboard.NoSuchPageException(page);
    };
    node.put("page", page);
    node.put("generatedAt", System.currentTimeMillis());
    return write(node);
  }

  // ---- Queries

  private ObjectNode queries() {
    QueryRecorder recorder = settings.recorder();
    ObjectNode page = JSON.createObjectNode();
    page.put("bucketMs", recorder.bucketMillis());
    page.put("showParameters", settings.showParameters());
    page.put("explainAnalyze", settings.explainAnalyze());
    ArrayNode series = page.putArray("series");
    for (QueryRecorder.Point p : recorder.series()) {
      series.addObject().put("t", p.startMillis()).put("count", p.count())
          .put("perSecond", p.count() * 1000.0 / recorder.bucketMillis())
          .put("p50Ms", p.p50Ms()).put("p95Ms", p.p95Ms()).put("p99Ms", p.p99Ms());
    }
    ArrayNode shapes = page.putArray("shapes");
    recorder.shapes(Comparator.comparingDouble(QueryRecorder.Shape::totalMs).reversed()).stream().limit(SHAPES)
        .forEach(s -> {
          ObjectNode shape = shapes.addObject().put("id", s.id()).put("sql", s.sql()).put("source", s.source())
              .put("count", s.count()).put("totalMs", s.totalMs()).put("meanMs", s.meanMs()).put("p50Ms", s.p50Ms())
              .put("p95Ms", s.p95Ms()).put("p99Ms", s.p99Ms()).put("maxMs", s.maxMs()).put("rows", s.rows())
              .put("lastSeen", s.lastSeenMillis())
              .put("explainable", explainable(s));
          ArrayNode sites = shape.putArray("callSites");
          s.callSites().forEach(sites::add);
          if (settings.showParameters()) {
            shape.set("parameters", JSON.valueToTree(s.lastParameters().stream().map(String::valueOf).toList()));
          }
        });
    page.set("pgStatStatements", pgStatStatements());
    return page;
  }

  private ObjectNode pgStatStatements() {
    ObjectNode part = JSON.createObjectNode();
    try {
      PgStatStatements.Availability availability = PgStatStatements.availability(silent);
      part.put("available", availability.available()).put("reason", availability.reason());
      if (availability.available()) {
        List<QueryStats.Shape> ranking = PgStatStatements.ranking(silent, OUTLIERS);
        double total = ranking.stream().mapToDouble(QueryStats.Shape::totalMs).sum();
        ArrayNode statements = part.putArray("statements");
        for (QueryStats.Shape s : ranking) {
          statements.addObject().put("sql", s.sql()).put("calls", s.count()).put("totalMs", s.totalMs())
              .put("meanMs", s.p50Ms()).put("p95Ms", s.p95Ms()).put("p99Ms", s.p99Ms()).put("rows", s.rows())
              .put("shareOfTotal", total == 0 ? 0 : s.totalMs() / total);
        }
      }
    } catch (RuntimeException e) {
      part.put("available", false).put("reason", "cannot read pg_stat_statements: " + e.getMessage());
    }
    return part;
  }

  /** Only statements that read: EXPLAIN ANALYZE runs the statement, and a write must never run twice. */
  private static boolean explainable(QueryRecorder.Shape shape) {
    String head = shape.sql().stripLeading().toUpperCase(Locale.ROOT);
    return (head.startsWith("SELECT") || head.startsWith("WITH") && !head.matches("(?s).*\\b(INSERT|UPDATE|DELETE)\\b.*"))
        && !head.matches("(?s).*\\bFOR\\s+(UPDATE|SHARE|NO KEY UPDATE|KEY SHARE)\\b.*")
        && shape.lastParameters().size() == QueryEvent.parameterCount(shape.sql());
  }

  String explain(long id) {
    QueryRecorder.Shape shape = settings.recorder().shape(id)
        .orElseThrow(() -> new Dashboard.NoSuchPageException("explain/" + id + " (no recorded statement has that id; "
            + "the recorder was reset or the shape was never seen)"));
    ObjectNode page = JSON.createObjectNode();
    page.put("page", "explain").put("id", id).put("sql", shape.sql()).put("analyze", settings.explainAnalyze());
    if (!explainable(shape)) {
      page.put("error", "not explained: only a SELECT whose parameters were recorded is explained "
          + "(EXPLAIN ANALYZE would run a write, and a statement without its parameters cannot be planned)");
      return write(page);
    }
    try (ReadOnly db = ReadOnly.open(settings.repo().dataSource(), settings.statementTimeout())) {
      String options = settings.explainAnalyze() ? "ANALYZE, BUFFERS, " : "";
      List<String> lines = db.rows("EXPLAIN (" + options + "FORMAT TEXT) " + shape.sql(), shape.lastParameters())
          .rows().stream().map(row -> String.valueOf(row.get(0))).toList();
      String plan = String.join("\n", lines);
      page.put("plan", settings.showParameters() ? plan : maskLiterals(plan));
      String json = String.valueOf(db.rows("EXPLAIN (FORMAT JSON) " + shape.sql(), shape.lastParameters())
          .rows().get(0).get(0));
      ArrayNode advice = page.putArray("advice");
      IndexCheck.above(settings.seqScanRows()).checkPlan(silent, json)
          .forEach(a -> advice.add(settings.showParameters() ? a.toString() : maskLiterals(a.toString())));
    } catch (SQLException | RuntimeException e) {
      page.put("error", "EXPLAIN failed: " + e.getMessage());
    }
    return write(page);
  }

  /** A plan shows the values it was planned with; they may be personal data, so they are hidden unless shown. */
  static String maskLiterals(String plan) {
    return NUMBER_LITERAL.matcher(STRING_LITERAL.matcher(plan).replaceAll("'…'")).replaceAll("…");
  }

  // ---- N+1

  private ObjectNode nPlusOne() {
    ObjectNode page = JSON.createObjectNode();
    page.put("threshold", settings.recorder().nPlusOneThreshold());
    page.put("tablesKnown", !settings.tables().isEmpty());
    ArrayNode findings = page.putArray("findings");
    for (QueryRecorder.Finding f : settings.recorder().findings()) {
      ObjectNode finding = findings.addObject().put("sql", f.sql()).put("source", f.source())
          .put("callSite", f.callSite()).put("maxRuns", f.maxRuns()).put("units", f.units())
          .put("lastSeen", f.lastSeenMillis());
      if (f.association() != null) {
        finding.put("association", f.association())
            .put("fix", "repo.preload(parents, " + f.association() + ") or query.preload(" + f.association() + ")");
      } else {
        finding.putNull("association");
        finding.put("fix", "load the rows in one query (WHERE … = ANY(?)); name the schemas to the dashboard "
            + "(Dashboard.builder(…).tables(…)) to see which preload");
      }
    }
    return page;
  }

  // ---- Locks

  private ObjectNode locks() {
    ObjectNode page = JSON.createObjectNode();
    try {
      List<LockWaits.Wait> waits = LockWaits.current(settings.repo().dataSource());
      page.set("tree", JSON.valueToTree(LockTree.of(waits)));
      page.put("waiting", waits.stream().map(LockWaits.Wait::blockedPid).distinct().count());
      ArrayNode holders = page.putArray("holders");
      for (LockWaits.Holder h : LockWaits.holders(settings.repo().dataSource())) {
        holders.addObject().put("pid", h.pid()).put("state", h.state())
            .put("transactionMs", h.transactionAge().toMillis()).put("query", h.query()).put("relations", h.relations());
      }
    } catch (RuntimeException e) {
      page.put("error", e.getMessage());
    }
    return page;
  }

  /** Who blocks whom: roots are sessions that block others and wait for nobody (or for a cycle). */
  record LockTree(int pid, String query, String state, String waitEvent, long waitingMs, long transactionMs,
      String relations, List<LockTree> blocks) {
    static List<LockTree> of(List<LockWaits.Wait> waits) {
      Map<Integer, List<LockWaits.Wait>> byBlocker = new LinkedHashMap<>();
      Map<Integer, LockWaits.Wait> asWaiter = new LinkedHashMap<>();
      for (LockWaits.Wait w : waits) {
        byBlocker.computeIfAbsent(w.blockingPid(), pid -> new ArrayList<>()).add(w);
        asWaiter.putIfAbsent(w.blockedPid(), w);
      }
      List<LockTree> roots = new ArrayList<>();
      for (LockWaits.Wait w : waits) {
        int root = w.blockingPid();
        if (!asWaiter.containsKey(root) && roots.stream().noneMatch(r -> r.pid() == root)) {
          roots.add(new LockTree(root, w.blockingQuery(), w.blockingState(), "", 0,
              w.blockingTransactionAge().toMillis(), w.lockedRelations(), children(root, byBlocker, new ArrayList<>())));
        }
      }
      if (roots.isEmpty() && !waits.isEmpty()) {   // a cycle: a deadlock the server has not broken yet
        LockWaits.Wait w = waits.get(0);
        roots.add(waiter(w, byBlocker, new ArrayList<>(List.of(w.blockedPid()))));
      }
      return roots;
    }

    private static List<LockTree> children(int blocker, Map<Integer, List<LockWaits.Wait>> byBlocker, List<Integer> path) {
      List<LockTree> children = new ArrayList<>();
      path.add(blocker);
      for (LockWaits.Wait w : byBlocker.getOrDefault(blocker, List.of())) {
        if (!path.contains(w.blockedPid())) {
          children.add(waiter(w, byBlocker, path));
        }
      }
      path.remove(path.size() - 1);
      return children;
    }

    private static LockTree waiter(LockWaits.Wait w, Map<Integer, List<LockWaits.Wait>> byBlocker, List<Integer> path) {
      return new LockTree(w.blockedPid(), w.blockedQuery(), "waiting", w.waitEvent(), w.waiting().toMillis(),
          w.blockedTransactionAge().toMillis(), null, children(w.blockedPid(), byBlocker, path));
    }
  }

  // ---- Health

  private ObjectNode health() {
    ObjectNode page = JSON.createObjectNode();
    try (ReadOnly db = ReadOnly.open(settings.repo().dataSource(), settings.statementTimeout())) {
      List<Map<String, Object>> summary = db.maps(HealthChecks.SUMMARY, List.of());
      page.set("summary", JSON.valueToTree(summary.get(0)));
      boolean replica = Boolean.TRUE.equals(summary.get(0).get("replica"));
      ArrayNode sections = page.putArray("sections");
      for (HealthChecks.Check check : HealthChecks.all(settings.longRunning(), replica)) {
        ObjectNode section = sections.addObject().put("id", check.id()).put("title", check.title())
            .put("why", check.why());
        try {
          ReadOnly.Rows rows = db.rows(check.sql(), check.parameters());
          section.set("columns", JSON.valueToTree(rows.columns()));
          section.set("rows", JSON.valueToTree(rows.rows()));
        } catch (SQLException e) {
          section.put("error", check.title() + " could not be read: " + e.getMessage());
        }
      }
    } catch (SQLException e) {
      page.put("error", "cannot open a read-only transaction for the health checks: " + e.getMessage());
    }
    return page;
  }

  // ---- Migrations

  private ObjectNode migrations() {
    ObjectNode page = JSON.createObjectNode();
    if (settings.migrator() == null) {
      page.put("configured", false).put("reason", "no Migrator was given to the dashboard "
          + "(Dashboard.builder(…).migrator(…)); the Spring starter gives its own");
      return page;
    }
    page.put("configured", true);
    try {
      List<MigrationStatus> statuses = settings.migrator().status();
      MigrationLint lint = MigrationLint.forClassPath();
      ArrayNode applied = page.putArray("applied");
      ArrayNode pending = page.putArray("pending");
      for (MigrationStatus status : statuses) {
        ObjectNode row = (status.state() == MigrationStatus.State.DOWN ? pending : applied).addObject()
            .put("version", status.version()).put("name", status.name()).put("script", status.script())
            .put("state", status.state().name().toLowerCase(Locale.ROOT)).put("known", status.known());
        if (status.state() == MigrationStatus.State.DOWN) {
          ArrayNode findings = row.putArray("findings");
          Migration migration = settings.migrations().get(status.script());
          if (migration == null) {
            row.put("lint", "not linted: a SQL migration, or a Java one not given to the dashboard");
          } else {
            for (MigrationLint.Finding f : lint.check(migration)) {
              findings.addObject().put("rule", f.rule()).put("command", f.command()).put("problem", f.problem())
                  .put("recipe", f.recipe());
            }
          }
        }
      }
    } catch (RuntimeException e) {
      page.put("error", "cannot read the migration status: " + e.getMessage());
    }
    return page;
  }

  private static String write(ObjectNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write the dashboard's JSON: " + e.getMessage(), e);
    }
  }
}
