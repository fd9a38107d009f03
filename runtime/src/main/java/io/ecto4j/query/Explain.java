package io.ecto4j.query;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

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
 */
public final class Explain {
  /** PostgreSQL's {@code FORMAT}: {@code repo.explain} returns the plan as this text. */
  public enum Format {
    TEXT,
    JSON,
    YAML,
    XML
  }

  /** The boolean options, in the order PostgreSQL's documentation and Ecto write them. */
  private enum Flag {
    ANALYZE,
    VERBOSE,
    COSTS,
    SETTINGS,
    BUFFERS,
    WAL,
    TIMING,
    SUMMARY
  }

  private static final Explain NONE = new Explain(new EnumMap<>(Flag.class), null, false, true);

  /** The options given; one left out is not sent, so PostgreSQL's default applies. */
  private final Map<Flag, Boolean> flags;
  private final Format format;
  private final boolean genericPlan;
  private final boolean wrapInTransaction;

  private Explain(Map<Flag, Boolean> flags, Format format, boolean genericPlan, boolean wrapInTransaction) {
    if (genericPlan && Boolean.TRUE.equals(flags.get(Flag.ANALYZE))) {
      throw new IllegalArgumentException("analyze cannot be used with a generic explain plan (genericPlan(true))"
          + " as the actual parameter values are ignored under this plan type. You may either drop"
          + " genericPlan(true) or remove analyze(true)");
    }
    this.flags = flags;
    this.format = format;
    this.genericPlan = genericPlan;
    this.wrapInTransaction = wrapInTransaction;
  }

  /** No option: PostgreSQL's plain {@code EXPLAIN}, in a transaction that is rolled back. */
  public static Explain options() {
    return NONE;
  }

  /** Run the statement and show actual times and rows. */
  public Explain analyze(boolean on) {
    return with(Flag.ANALYZE, on);
  }

  /** Show output columns and schema-qualified names. */
  public Explain verbose(boolean on) {
    return with(Flag.VERBOSE, on);
  }

  /** Show estimated costs (PostgreSQL's default is true). */
  public Explain costs(boolean on) {
    return with(Flag.COSTS, on);
  }

  /** Show the planner settings that differ from their defaults. */
  public Explain settings(boolean on) {
    return with(Flag.SETTINGS, on);
  }

  /** Show buffer usage (needs analyze for actual numbers). */
  public Explain buffers(boolean on) {
    return with(Flag.BUFFERS, on);
  }

  /** Show the WAL records generated (needs analyze). */
  public Explain wal(boolean on) {
    return with(Flag.WAL, on);
  }

  /** Show actual times per node (with analyze; PostgreSQL's default is true). */
  public Explain timing(boolean on) {
    return with(Flag.TIMING, on);
  }

  /** Show planning and execution time totals. */
  public Explain summary(boolean on) {
    return with(Flag.SUMMARY, on);
  }

  /** The output format; PostgreSQL's default is text. */
  public Explain format(Format format) {
    return copy(e -> e.format = format);
  }

  /**
   * Explain the generic plan, with {@code $1, $2} for the values, as Ecto's
   * {@code plan: :fallback_generic} does on PostgreSQL 12 and later (a prepared statement with
   * {@code plan_cache_mode = force_generic_plan}); cannot be combined with analyze.
   */
  public Explain genericPlan(boolean on) {
    return copy(e -> e.genericPlan = on);
  }

  /** Run in a transaction (or savepoint) that is rolled back; true by default. */
  public Explain wrapInTransaction(boolean on) {
    return copy(e -> e.wrapInTransaction = on);
  }

  /** Whether {@code analyze} was asked for (the statement then runs). */
  public boolean analyze() {
    return Boolean.TRUE.equals(flags.get(Flag.ANALYZE));
  }

  public boolean genericPlan() {
    return genericPlan;
  }

  public boolean wrapInTransaction() {
    return wrapInTransaction;
  }

  /**
   * {@code EXPLAIN } and its options as Ecto writes them: {@code EXPLAIN ANALYZE VERBOSE } when
   * only those two are given (the form every PostgreSQL version reads), else
   * {@code EXPLAIN ( ANALYZE TRUE, COSTS FALSE, FORMAT JSON ) }.
   */
  String command() {
    boolean legacy = format == null && flags.keySet().stream().allMatch(f -> f == Flag.ANALYZE || f == Flag.VERBOSE);
    if (legacy) {
      return "EXPLAIN " + (analyze() ? "ANALYZE " : "") + (Boolean.TRUE.equals(flags.get(Flag.VERBOSE)) ? "VERBOSE " : "");
    }
    List<String> given = new ArrayList<>();
    flags.forEach((flag, on) -> given.add(flag.name() + " " + on.toString().toUpperCase(Locale.ROOT)));
    if (format != null) {
      given.add("FORMAT " + format.name());
    }
    return "EXPLAIN ( " + String.join(", ", given) + " ) ";
  }

  private Explain with(Flag flag, boolean on) {
    return copy(e -> e.flags.put(flag, on));
  }

  private Explain copy(Consumer<Draft> edit) {
    Draft draft = new Draft(this);
    edit.accept(draft);
    return new Explain(draft.flags, draft.format, draft.genericPlan, draft.wrapInTransaction);
  }

  /** A changeable copy: the one place that lists every option, so that a new one touches it alone. */
  private static final class Draft {
    final Map<Flag, Boolean> flags;
    Format format;
    boolean genericPlan;
    boolean wrapInTransaction;

    Draft(Explain e) {
      flags = new EnumMap<>(Flag.class);
      flags.putAll(e.flags);
      format = e.format;
      genericPlan = e.genericPlan;
      wrapInTransaction = e.wrapInTransaction;
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Explain other && flags.equals(other.flags) && format == other.format
        && genericPlan == other.genericPlan && wrapInTransaction == other.wrapInTransaction;
  }

  @Override
  public int hashCode() {
    return flags.hashCode() * 31 + (format == null ? 0 : format.hashCode());
  }

  @Override
  public String toString() {
    return command().strip() + (genericPlan ? " (generic plan)" : "") + (wrapInTransaction ? "" : " (not rolled back)");
  }
}
