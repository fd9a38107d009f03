package io.ecto4j.clinic;

import io.ecto4j.meta.Association;
import io.ecto4j.meta.Table;
import io.ecto4j.repo.Repo;
import io.ecto4j.telemetry.QueryEvent;
import io.ecto4j.telemetry.QueryListener;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds N+1 queries in a scope: the same statement shape run more than {@code threshold} times with
 * different parameters, on the scope's thread. Each finding names the association to preload,
 * matched from the shape's {@code FROM "comments" … WHERE "post_id" = ?} against the associations of
 * the tables given, and the call site.
 *
 * <pre>{@code
 * try (NPlusOne.Scope scope = NPlusOne.failing(repo, 5, Posts.SCHEMA)) {
 *   Repo r = scope.repo();
 *   for (PostStruct post : r.all(Posts.query())) r.all(Posts.COMMENTS.of(post));
 * }  // throws NPlusOneException: ... preload Posts.COMMENTS ...
 * }</pre>
 *
 * <p>Trade-off: the detector sees shapes, not intent; a loop that must run per row (a write per
 * row) is reported too, so raise the threshold or use {@link #reporting} there.
 */
public final class NPlusOne {
  private static final Pattern FROM = Pattern.compile("(?i)\\bFROM\\s+(?:\"?\\w+\"?\\.)?\"?(\\w+)\"?");
  private static final Pattern KEY = Pattern.compile("(?i)\\bWHERE\\s*\\(*\\s*(?:\"?\\w+\"?\\.)?\"?(\\w+)\"?\\s*=\\s*\\?");

  /** A shape run {@code count} times, with the association that would replace the loop, if known. */
  public record Finding(String sql, String source, int count, int distinctParameters, String callSite,
      Optional<String> association) {
    @Override
    public String toString() {
      return "[NPlusOne] " + source + " ran " + count + " times at " + callSite
          + association.map(a -> ": preload " + a + " (repo.preload(parents, " + a + ") or query.preload(" + a
              + ")) instead of querying it per parent").orElse(": load the rows in one query (WHERE … = ANY(?))")
          + "\n  " + sql;
    }
  }

  /** Thrown by a failing scope. */
  public static final class NPlusOneException extends AssertionError {
    private final List<Finding> findings;

    NPlusOneException(List<Finding> findings) {
      super(findings.size() + " N+1 query shape(s):\n" + String.join("\n", findings.stream().map(Finding::toString).toList()));
      this.findings = findings;
    }

    public List<Finding> findings() {
      return findings;
    }
  }

  /** What a reporting scope does with its findings when it closes. */
  @FunctionalInterface
  public interface Reporter {
    void report(List<Finding> findings);
  }

  private NPlusOne() {}

  /** A scope that throws {@link NPlusOneException} on close if it saw an N+1: for tests. */
  public static Scope failing(Repo repo, int threshold, Table<?>... tables) {
    return new Scope(repo, threshold, List.of(tables), findings -> {
      throw new NPlusOneException(findings);
    });
  }

  /** A scope that hands its findings to {@code reporter} on close (e.g. a logger): for a unit of work. */
  public static Scope reporting(Repo repo, int threshold, Reporter reporter, Table<?>... tables) {
    return new Scope(repo, threshold, List.of(tables), reporter);
  }

  /** One unit of work; statements of other threads are ignored. */
  public static final class Scope implements AutoCloseable, QueryListener {
    private final Repo repo;
    private final int threshold;
    private final List<Table<?>> tables;
    private final Reporter reporter;
    private final long threadId = Thread.currentThread().getId();
    private final Map<String, Shape> shapes = new LinkedHashMap<>();

    Scope(Repo repo, int threshold, List<Table<?>> tables, Reporter reporter) {
      this.repo = repo.withListener(this);
      this.threshold = threshold;
      this.tables = tables;
      this.reporter = reporter;
    }

    /** The repo to run the unit of work on. */
    public Repo repo() {
      return repo;
    }

    @Override
    public synchronized void onQuery(QueryEvent event) {
      if (event.threadId() == threadId && event.parameterCount() > 0) {
        shapes.computeIfAbsent(event.sql(), sql -> new Shape(event)).add(event);
      }
    }

    /** The shapes seen more than the threshold, so far. */
    public synchronized List<Finding> findings() {
      List<Finding> found = new ArrayList<>();
      for (Shape shape : shapes.values()) {
        if (shape.count > threshold && shape.distinct() != 1) {
          found.add(new Finding(shape.sql, shape.source, shape.count, shape.distinct(), shape.callSite,
              associationFor(shape.sql, tables)));
        }
      }
      return found;
    }

    @Override
    public void close() {
      List<Finding> found = findings();
      if (!found.isEmpty()) {
        reporter.report(found);
      }
    }
  }

  /** The association whose related table and key the shape filters on, as {@code Posts.COMMENTS}. */
  static Optional<String> associationFor(String sql, List<Table<?>> tables) {
    Matcher from = FROM.matcher(sql);
    Matcher key = KEY.matcher(sql);
    if (!from.find() || !key.find()) {
      return Optional.empty();
    }
    for (Table<?> table : tables) {
      for (Association<?, ?> association : table.associations()) {
        if (association.kind() != Association.Kind.MANY_TO_MANY
            && association.related().name().equals(from.group(1)) && association.relatedKey().equals(key.group(1))) {
          return Optional.of(association.toString());
        }
      }
    }
    return Optional.empty();
  }

  private static final class Shape {
    final String sql;
    final String source;
    final String callSite;
    final Set<List<Object>> parameters = new HashSet<>();
    boolean parametersUnknown;
    int count;

    Shape(QueryEvent first) {
      this.sql = first.sql();
      this.source = first.source();
      this.callSite = first.callSite();
    }

    void add(QueryEvent event) {
      count++;
      if (event.parameters().isEmpty()) {
        parametersUnknown = true;
      } else {
        parameters.add(event.parameters());
      }
    }

    /** Distinct parameter lists; -1 when some were not known (statements bound by hand). */
    int distinct() {
      return parametersUnknown ? -1 : parameters.size();
    }
  }
}
