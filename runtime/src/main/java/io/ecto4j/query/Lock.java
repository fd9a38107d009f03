package io.ecto4j.query;

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

  private Lock(String strength, String waitPolicy) {
    this.strength = strength;
    this.waitPolicy = waitPolicy;
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

  String sql() {
    return strength + waitPolicy;
  }

  @Override
  public String toString() {
    return sql();
  }
}
