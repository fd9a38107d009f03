package io.ecto4j.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The options of {@code repo.explain(…)}, Ecto's {@code Repo.explain/3} options, which are
 * PostgreSQL's {@code EXPLAIN} options. An option left alone is not sent, so PostgreSQL's default
 * applies; {@code costs(false)} is sent as {@code COSTS FALSE}.
 *
 * <pre>{@code
 * repo.explain(query, Explain.options().analyze(true).buffers(true).format(Explain.Format.JSON));
 * repo.explain(query, Explain.options().genericPlan(true).verbose(true));   // $1, $2 instead of the values
 * repo.explainUpdateAll(query, Explain.options().analyze(true), Update.set(Posts.TITLE, "x"));  // rolled back
 * }</pre>
 *
 * <p>{@code analyze} runs the statement. The repo runs every explain in a transaction it rolls
 * back (a savepoint inside a transaction), so explaining an {@code updateAll} or {@code deleteAll}
 * with {@code analyze} changes nothing, as in Ecto; {@link #wrapInTransaction(boolean) wrapInTransaction(false)}
 * runs it where it is, as Ecto's {@code wrap_in_transaction: false}.
 *
 * @param analyze run the statement and show actual times and rows
 * @param verbose show output columns and schema-qualified names
 * @param costs show estimated costs (PostgreSQL's default is true)
 * @param settings show the planner settings that differ from their defaults
 * @param buffers show buffer usage (needs analyze for actual numbers)
 * @param wal show WAL records generated (needs analyze)
 * @param timing show actual times per node (with analyze; PostgreSQL's default is true)
 * @param summary show planning and execution time totals
 * @param format the output format; null for PostgreSQL's default, text
 * @param genericPlan explain the generic plan, with {@code $1, $2} for the values, as Ecto's
 *     {@code plan: :fallback_generic} does on PostgreSQL 12 and later (a prepared statement with
 *     {@code plan_cache_mode = force_generic_plan}); cannot be combined with analyze
 * @param wrapInTransaction run in a transaction (or savepoint) that is rolled back; true by default
 */
public record Explain(Boolean analyze, Boolean verbose, Boolean costs, Boolean settings, Boolean buffers, Boolean wal,
    Boolean timing, Boolean summary, Format format, boolean genericPlan, boolean wrapInTransaction) {

  /** PostgreSQL's {@code FORMAT}: {@code repo.explain} returns the plan as this text. */
  public enum Format {
    TEXT,
    JSON,
    YAML,
    XML
  }

  private static final Explain NONE = new Explain(null, null, null, null, null, null, null, null, null, false, true);

  public Explain {
    if (genericPlan && Boolean.TRUE.equals(analyze)) {
      throw new IllegalArgumentException("analyze cannot be used with a generic explain plan (genericPlan(true))"
          + " as the actual parameter values are ignored under this plan type. You may either drop"
          + " genericPlan(true) or remove analyze(true)");
    }
  }

  /** No option: PostgreSQL's plain {@code EXPLAIN}, in a transaction that is rolled back. */
  public static Explain options() {
    return NONE;
  }

  public Explain analyze(boolean on) {
    return new Explain(on, verbose, costs, settings, buffers, wal, timing, summary, format, genericPlan, wrapInTransaction);
  }

  public Explain verbose(boolean on) {
    return new Explain(analyze, on, costs, settings, buffers, wal, timing, summary, format, genericPlan, wrapInTransaction);
  }

  public Explain costs(boolean on) {
    return new Explain(analyze, verbose, on, settings, buffers, wal, timing, summary, format, genericPlan, wrapInTransaction);
  }

  public Explain settings(boolean on) {
    return new Explain(analyze, verbose, costs, on, buffers, wal, timing, summary, format, genericPlan, wrapInTransaction);
  }

  public Explain buffers(boolean on) {
    return new Explain(analyze, verbose, costs, settings, on, wal, timing, summary, format, genericPlan, wrapInTransaction);
  }

  public Explain wal(boolean on) {
    return new Explain(analyze, verbose, costs, settings, buffers, on, timing, summary, format, genericPlan, wrapInTransaction);
  }

  public Explain timing(boolean on) {
    return new Explain(analyze, verbose, costs, settings, buffers, wal, on, summary, format, genericPlan, wrapInTransaction);
  }

  public Explain summary(boolean on) {
    return new Explain(analyze, verbose, costs, settings, buffers, wal, timing, on, format, genericPlan, wrapInTransaction);
  }

  public Explain format(Format format) {
    return new Explain(analyze, verbose, costs, settings, buffers, wal, timing, summary, format, genericPlan,
        wrapInTransaction);
  }

  public Explain genericPlan(boolean on) {
    return new Explain(analyze, verbose, costs, settings, buffers, wal, timing, summary, format, on, wrapInTransaction);
  }

  public Explain wrapInTransaction(boolean on) {
    return new Explain(analyze, verbose, costs, settings, buffers, wal, timing, summary, format, genericPlan, on);
  }

  /**
   * {@code EXPLAIN } and its options as Ecto writes them: {@code EXPLAIN ANALYZE VERBOSE } when
   * only those two are given (the form every PostgreSQL version reads), else
   * {@code EXPLAIN ( ANALYZE TRUE, COSTS FALSE, FORMAT JSON ) }.
   */
  String command() {
    boolean legacy = costs == null && settings == null && buffers == null && wal == null && timing == null
        && summary == null && format == null;
    if (legacy) {
      return "EXPLAIN " + (Boolean.TRUE.equals(analyze) ? "ANALYZE " : "") + (Boolean.TRUE.equals(verbose) ? "VERBOSE " : "");
    }
    List<String> given = new ArrayList<>();
    flag(given, "ANALYZE", analyze);
    flag(given, "VERBOSE", verbose);
    flag(given, "COSTS", costs);
    flag(given, "SETTINGS", settings);
    flag(given, "BUFFERS", buffers);
    flag(given, "WAL", wal);
    flag(given, "TIMING", timing);
    flag(given, "SUMMARY", summary);
    if (format != null) {
      given.add("FORMAT " + format.name());
    }
    return "EXPLAIN ( " + String.join(", ", given) + " ) ";
  }

  private static void flag(List<String> given, String name, Boolean value) {
    if (value != null) {
      given.add(name + " " + value.toString().toUpperCase(Locale.ROOT));
    }
  }
}
