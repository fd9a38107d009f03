package io.ecto4j.repo;

import io.ecto4j.EctoException;

/**
 * A call on the current tenant's repo ({@link Tenants#repo()}) ran on a thread where no tenant is
 * set: nothing was sent. The message names the call; run it inside {@code tenants.with(id, …)}, or
 * on {@code tenants.repo(id)}.
 */
public final class NoTenantException extends EctoException {
  NoTenantException(String call) {
    super("no tenant is set on this thread for " + call + " on the current tenant's repo (Tenants.repo()), so "
        + "nothing was sent: run it inside tenants.with(\"<tenant>\", () -> …), or call tenants.repo(\"<tenant>\")");
  }

  /** The same refusal, naming the statement that met it. */
  static NoTenantException during(String statement) {
    return new NoTenantException("`" + statement + "`");
  }
}
