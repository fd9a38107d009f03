package io.ecto4j.repo;

import io.ecto4j.EctoException;
import java.util.Collection;
import java.util.stream.Collectors;

/** A tenant id that the {@link Tenants} registry does not hold; the message names it and the ones it does. */
public final class UnknownTenantException extends EctoException {
  private static final int SHOWN = 10;
  private final String tenant;

  UnknownTenantException(String tenant, Collection<String> registered) {
    super("unknown tenant `" + tenant + "`: no tenant of that id is registered (" + shown(registered)
        + "); register it with Tenants.Builder.tenant(…) or tenants.add(\"" + tenant + "\", …)");
    this.tenant = tenant;
  }

  /** The id asked for. */
  public String tenant() {
    return tenant;
  }

  private static String shown(Collection<String> registered) {
    if (registered.isEmpty()) {
      return "none is";
    }
    String first = registered.stream().limit(SHOWN).collect(Collectors.joining(", "));
    return (registered.size() > SHOWN ? first + ", … " + registered.size() + " in all" : first) + " are";
  }
}
