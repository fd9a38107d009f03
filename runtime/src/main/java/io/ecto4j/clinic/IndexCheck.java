package io.ecto4j.clinic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecto4j.internal.ConstraintNames;
import io.ecto4j.query.Query;
import io.ecto4j.repo.Repo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checklist question 1, "does this query path have an index plan validated against real data
 * size?": EXPLAIN (FORMAT JSON) a query, or the shapes {@link QueryStats} recorded, and flag each
 * sequential scan over a table with more than {@code minRows} rows (from {@code pg_class.reltuples},
 * so ANALYZE first), naming the index that would serve its filter and order.
 *
 * <pre>{@code
 * for (IndexCheck.Advice a : IndexCheck.above(10_000).check(repo, Posts.query().where(Posts.TITLE.eq("x")))) {
 *   System.out.println(a);   // Seq Scan on posts (200000 rows) filtering title: CREATE INDEX CONCURRENTLY ...
 * }
 * }</pre>
 *
 * <p>Trade-off: the advice is a starting point read from one plan: equality columns first, then the
 * sort keys; check selectivity before adding it, and add it with {@code concurrently} (see
 * {@link MigrationLint}).
 */
public final class IndexCheck {
  /** A sequential scan worth an index. */
  public record Advice(String table, long rows, List<String> filterColumns, List<String> sortColumns,
      String filter, String suggestedIndex) {
    @Override
    public String toString() {
      return "[SeqScan] Seq Scan on " + table + " (" + rows + " rows)"
          + (filter == null ? "" : " filtering " + filter) + (sortColumns.isEmpty() ? "" : " sorted by " + sortColumns)
          + ": " + suggestedIndex;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern COLUMN = Pattern.compile(
      "(?:\\w+\\.)?\"?([a-z_][a-z0-9_]*)\"?\\s*(?:=|<>|<=|>=|<|>|~~\\*?|IS\\b)");
  private static final Pattern EQUALITY = Pattern.compile("(?:\\w+\\.)?\"?([a-z_][a-z0-9_]*)\"?\\s*=\\s");

  private final long minRows;

  private IndexCheck(long minRows) {
    this.minRows = minRows;
  }

  /** Flags sequential scans over tables with more than {@code minRows} rows. */
  public static IndexCheck above(long minRows) {
    return new IndexCheck(minRows);
  }

  /** The advice for one query's plan (without ANALYZE: nothing runs). */
  public List<Advice> check(Repo repo, Query<?> query) {
    return checkPlan(repo, repo.explainJson(query, false));
  }

  /** The advice for recorded shapes that have sample parameters, e.g. the top of {@link QueryStats#ranking()}. */
  public List<Advice> check(Repo repo, List<QueryStats.Shape> shapes) {
    List<Advice> advice = new ArrayList<>();
    for (QueryStats.Shape shape : shapes) {
      if (shape.sql().stripLeading().regionMatches(true, 0, "SELECT", 0, 6)
          && shape.sampleParameters().size() == io.ecto4j.telemetry.QueryEvent.parameterCount(shape.sql())) {
        String plan = String.join("\n", repo.query("EXPLAIN (FORMAT JSON) " + shape.sql(), shape.sampleParameters(),
            row -> row.getString(1)));
        advice.addAll(checkPlan(repo, plan));
      }
    }
    return advice;
  }

  /** The advice for a plan in PostgreSQL's JSON format. */
  public List<Advice> checkPlan(Repo repo, String planJson) {
    List<Advice> advice = new ArrayList<>();
    try {
      walk(repo, JSON.readTree(planJson).get(0).get("Plan"), List.of(), advice);
    } catch (IOException e) {
      throw new UncheckedIOException("not an EXPLAIN (FORMAT JSON) plan", e);
    }
    return advice;
  }

  private void walk(Repo repo, JsonNode node, List<String> sortKeys, List<Advice> advice) {
    List<String> sorts = node.has("Sort Key") ? sortColumns(node.get("Sort Key")) : sortKeys;
    if ("Seq Scan".equals(node.path("Node Type").asText())) {
      String table = node.path("Relation Name").asText();
      long rows = rowsOf(repo, node.path("Schema").asText("public"), table);
      String filter = node.has("Filter") ? node.get("Filter").asText() : null;
      if (rows > minRows && (filter != null || !sorts.isEmpty())) {
        advice.add(advise(table, rows, filter, sorts));
      }
    }
    for (JsonNode child : node.path("Plans")) {
      walk(repo, child, sorts, advice);
    }
  }

  private static Advice advise(String table, long rows, String filter, List<String> sorts) {
    String bare = filter == null ? null : filter.replaceAll("::[a-z_ ]+(\\(\\d+\\))?(\\[\\])?", " ").replaceAll("[()]", "");
    Set<String> columns = new LinkedHashSet<>(matches(EQUALITY, bare));
    List<String> filtered = matches(COLUMN, bare);
    columns.addAll(filtered);
    List<String> sortNames = sorts.stream().map(s -> s.replaceAll("(?i)\\s+(DESC|ASC).*$", "")).toList();
    columns.addAll(sortNames);
    String name = ConstraintNames.index(table, List.copyOf(columns));
    String sql = "CREATE INDEX CONCURRENTLY " + name + " ON " + table + " (" + String.join(", ",
        columns.stream().map(c -> sorts.stream().filter(s -> s.startsWith(c + " ")).findFirst().orElse(c)).toList())
        + ")";
    return new Advice(table, rows, filtered, sortNames, filter, sql
        + "  -- migration: createIndex(index(\"" + table + "\", \"" + String.join("\", \"", columns)
        + "\").concurrently()) with disableDdlTransaction()");
  }

  private static List<String> sortColumns(JsonNode keys) {
    List<String> columns = new ArrayList<>();
    for (JsonNode key : keys) {
      columns.add(key.asText().replaceAll("^\\w+\\.", "").replace("\"", ""));
    }
    return columns;
  }

  private static List<String> matches(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    if (text != null) {
      Matcher m = pattern.matcher(text);
      while (m.find()) {
        if (!found.contains(m.group(1))) {
          found.add(m.group(1));
        }
      }
    }
    return found;
  }

  private static long rowsOf(Repo repo, String schema, String table) {
    List<Long> rows = repo.query("SELECT greatest(c.reltuples, 0)::bigint FROM pg_class c JOIN pg_namespace n "
        + "ON n.oid = c.relnamespace WHERE c.relname = ? AND n.nspname = ?", List.of(table, schema), r -> r.getLong(1));
    return rows.isEmpty() ? 0 : rows.get(0);
  }
}
