package io.ecto4j.query;

import io.ecto4j.type.Types;
import java.util.List;

/**
 * Ecto's {@code lock} clause: row locks taken by a SELECT, held until its transaction ends.
 *
 * <pre>{@code
 * repo.all(Jobs.query().where(Jobs.STATE.eq("ready")).limit(10).lock(Lock.forUpdate().skipLocked()));
 * }</pre>
 *
 * <p>Immutable; {@link #skipLocked()} and {@link #noWait()} return copies.
 */
public final class Lock {
  private final String strength;
  private final String waitPolicy;
  /** The clause written by the developer, Ecto's {@code lock: fragment("…")}; null for the built-in kinds. */
  private final Fragment<?> fragment;

  private Lock(String strength, String waitPolicy) {
    this.strength = strength;
    this.waitPolicy = waitPolicy;
    this.fragment = null;
  }

  private Lock(Fragment<?> fragment) {
    this.strength = null;
    this.waitPolicy = null;
    this.fragment = fragment;
  }

  /**
   * A lock clause of your own, Ecto's {@code lock: fragment("…")}, checked as any fragment is. Each
   * {@code ?} is an argument: an {@link Alias} becomes its source's SQL alias (for {@code OF}),
   * an expression is rendered as usual.
   *
   * <pre>{@code
   * Alias<PostStruct> p = Alias.of(Posts.SCHEMA, "p");
   * Query.from(p).join(Posts.AUTHOR).lock(Lock.fragment("FOR UPDATE OF ? SKIP LOCKED", p));   // only p's rows
   * }</pre>
   */
  public static Lock fragment(String sql, Selectable<?>... args) {
    List<Selectable<?>> given = Arguments.list("Lock.fragment", "args", args);
    Expression<?>[] operands = new Expression<?>[given.size()];
    for (int i = 0; i < operands.length; i++) {
      Selectable<?> arg = given.get(i);
      operands[i] = arg instanceof Alias<?> alias ? new Nodes.SourceAlias(alias) : Rows.expression(arg);
    }
    return new Lock(Fragment.of(Types.TEXT, sql, operands));
  }

  /** {@code FOR UPDATE}. */
  public static Lock forUpdate() {
    return new Lock("FOR UPDATE", "");
  }

  /** {@code FOR NO KEY UPDATE}: like FOR UPDATE, but does not block inserts referencing the row. */
  public static Lock forNoKeyUpdate() {
    return new Lock("FOR NO KEY UPDATE", "");
  }

  /** {@code FOR SHARE}. */
  public static Lock forShare() {
    return new Lock("FOR SHARE", "");
  }

  /** {@code FOR KEY SHARE}. */
  public static Lock forKeyShare() {
    return new Lock("FOR KEY SHARE", "");
  }

  /** {@code … SKIP LOCKED}: rows locked by others are left out instead of waited for. */
  public Lock skipLocked() {
    return new Lock(strength, " SKIP LOCKED");
  }

  /** {@code … NOWAIT}: a row locked by others fails the statement (SQLSTATE 55P03) at once. */
  public Lock noWait() {
    return new Lock(strength, " NOWAIT");
  }

  void render(SqlWriter writer) {
    if (fragment == null) {
      writer.append(strength + waitPolicy);
    } else {
      fragment.render(writer);
    }
  }

  @Override
  public String toString() {
    return fragment == null ? strength + waitPolicy : fragment.toString();
  }
}
