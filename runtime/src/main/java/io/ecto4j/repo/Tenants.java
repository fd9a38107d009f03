package io.ecto4j.repo;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A registry of tenants, each with a database of its own ({@link #databases()}) or a PostgreSQL
 * schema of its own on one repo ({@link #schemas(Repo)}), and the repo to use for each: Ecto's
 * dynamic repos ({@code put_dynamic_repo}) and its {@code prefix:} multi-tenancy, Spring's
 * {@code AbstractRoutingDataSource}. An application switches modes by configuration: both are
 * built and used the same way.
 *
 * <pre>{@code
 * Tenants tenants = Tenants.databases()
 *     .pool(b -> b.maximumPoolSize(5))          // options every tenant's pool gets
 *     .maxOpenPools(20)                         // at most 20 pools open; the least recently used idle one closes
 *     .tenant("acme", "jdbc:postgresql://db/acme")
 *     .tenant("globex", "jdbc:postgresql://db/globex")
 *     .build();
 * tenants.repo("acme").all(Posts.query());                    // per call
 * tenants.with("acme", () -> tenants.repo().all(Posts.query())); // per scope: repo() is the current tenant's
 * }</pre>
 *
 * <p>A tenant's pool opens on its first use, not at registration; concurrent first uses open one.
 * A pool with a connection out (a statement, a transaction, a checkout, a stream) is never closed
 * under its user. Closing the registry closes every pool it opened. See docs/scaling.md.
 */
public final class Tenants implements AutoCloseable {
  private final Map<String, Repo> repos = new ConcurrentHashMap<>();
  private final List<String> order = new CopyOnWriteArrayList<>();
  private final ThreadLocal<String> current = new ThreadLocal<>();
  private final TenantDatabases databases;
  private final Consumer<Repo.Builder> poolOptions;
  private final Repo schemasRepo;
  private final Repo currentRepo;

  private Tenants(Builder builder) {
    this.databases = builder.schemasRepo == null ? new TenantDatabases(builder.maxOpenPools) : null;
    this.poolOptions = builder.poolOptions;
    this.schemasRepo = builder.schemasRepo;
    this.currentRepo = databases != null
        ? options().buildOn(new TenantDataSource(() -> databases.connect(slotOf(requireCurrent("a statement"))),
            "the current tenant's database"), null)
        : schemasRepo.withPrefixPerCall(operation -> schemaOf(requireCurrent(operation.name())));
    builder.tenants.forEach(this::register);
  }

  /** A registry of tenants with a database each; {@code tenant(id, jdbcUrl)} registers them. */
  public static Builder databases() {
    return new Builder(null);
  }

  /**
   * A registry of tenants with a PostgreSQL schema each, all on {@code repo} (whose pool stays the
   * caller's): {@code tenant(id, schema)} registers them, and a tenant's repo is
   * {@code repo.withPrefix(schema)}.
   */
  public static Builder schemas(Repo repo) {
    return new Builder(Objects.requireNonNull(repo, "repo"));
  }

  /**
   * Registers a tenant while the registry runs (one that signed up): {@code where} is its
   * database's JDBC URL, or its schema in the schemas mode. Nothing is opened until its first use.
   */
  public Tenants add(String id, String where) {
    return register(id, Objects.requireNonNull(where, "where of tenant " + id));
  }

  /**
   * Registers a tenant with a database whose pool {@code options} configure, after the registry's
   * {@link Builder#pool} options: its URL and credentials, e.g. {@code b -> b.url(url).username(u).password(p)}.
   */
  public Tenants add(String id, Consumer<Repo.Builder> options) {
    return register(id, Objects.requireNonNull(options, "options of tenant " + id));
  }

  /** Registers {@code id}, {@code where} being a URL or schema ({@code String}) or pool options ({@code Consumer}). */
  @SuppressWarnings("unchecked")
  private Tenants register(String id, Object where) {
    Objects.requireNonNull(id, "tenant id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("a tenant id must not be blank");
    }
    Repo repo;
    if (databases == null) {
      if (!(where instanceof String schema)) {
        throw new IllegalStateException("tenant " + id + " is given pool options, but this registry keeps tenants in"
            + " schemas of one repo: register it with its schema");
      }
      repo = schemasRepo.withPrefix(schema);
    } else {
      repo = databaseRepo(id, where instanceof String url ? options -> options.url(url) : (Consumer<Repo.Builder>) where);
    }
    if (repos.putIfAbsent(id, repo) != null) {
      throw new IllegalArgumentException("tenant " + id + " is registered already");
    }
    order.add(id);
    return this;
  }

  /** A tenant's repo, on a data source that finds its pool; the registry's options, then the tenant's own. */
  private Repo databaseRepo(String id, Consumer<Repo.Builder> own) {
    Supplier<Repo.Builder> options = () -> {
      Repo.Builder builder = options().poolName("ecto4j-tenant-" + id);
      own.accept(builder);
      return builder;
    };
    TenantDatabases.Slot slot = databases.add(id, options);
    return options.get().buildOn(new TenantDataSource(() -> databases.connect(slot), "the database of tenant " + id),
        null);
  }

  /** The registry's pool options, on a new builder. */
  private Repo.Builder options() {
    Repo.Builder builder = Repo.builder();
    poolOptions.accept(builder);
    return builder;
  }

  /**
   * Tenant {@code id}'s repo: per call, Ecto's {@code Repo.put_dynamic_repo} for one call. The same
   * repo every time, so a transaction on it is joined by later calls on it in the transaction's body.
   *
   * @throws UnknownTenantException when no tenant {@code id} is registered
   */
  public Repo repo(String id) {
    Repo repo = repos.get(Objects.requireNonNull(id, "tenant id"));
    if (repo == null) {
      throw new UnknownTenantException(id, order);
    }
    return repo;
  }

  /**
   * The current tenant's repo: each call runs for the tenant {@link #with} set on the calling thread,
   * and one with none set throws {@link NoTenantException} naming the call. Keep it in a field and
   * use it anywhere, as Ecto's {@code MyApp.Repo} after {@code put_dynamic_repo}. Its
   * {@code dataSource()} routes the same way, for other JDBC code (Spring's
   * {@code AbstractRoutingDataSource}). In the databases mode, its transactions are its own: one
   * begun on {@code tenants.repo("acme")} is not joined by calls on this repo, and the other way round.
   */
  public Repo repo() {
    return currentRepo;
  }

  /** Runs {@code body} with {@code tenant} as this thread's current tenant (restoring the one before), and returns its value. */
  public <T> T with(String tenant, Supplier<T> body) {
    Objects.requireNonNull(body, "body");
    repo(tenant);
    String before = current.get();
    requireNoSwitchInTransaction(before, tenant);
    current.set(tenant);
    try {
      return body.get();
    } finally {
      if (before == null) {
        current.remove();
      } else {
        current.set(before);
      }
    }
  }

  /** Runs {@code body} with {@code tenant} as this thread's current tenant. */
  public void with(String tenant, Runnable body) {
    Objects.requireNonNull(body, "body");
    with(tenant, () -> {
      body.run();
      return null;
    });
  }

  /**
   * A transaction or checkout of the current tenant's repo holds one tenant's connection: in the
   * databases mode, another tenant's statements inside it would run on it, in the wrong database.
   */
  private void requireNoSwitchInTransaction(String before, String tenant) {
    if (databases != null && before != null && !before.equals(tenant) && currentRepo.checkedOut()) {
      throw new IllegalStateException("tenants.with(\"" + tenant + "\", …) inside a transaction or checkout of tenant "
          + before + " on the current tenant's repo: its statements would run on " + before + "'s connection. Finish "
          + "that transaction first, or use tenants.repo(\"" + tenant + "\") for work of its own");
    }
  }

  /** This thread's current tenant, if {@link #with} set one. */
  public Optional<String> current() {
    return Optional.ofNullable(current.get());
  }

  private String requireCurrent(String call) {
    String tenant = current.get();
    if (tenant == null) {
      throw new NoTenantException(call);
    }
    return tenant;
  }

  /** The registered tenants' ids, in the order they were registered: the order the migrator goes in. */
  public List<String> ids() {
    return List.copyOf(order);
  }

  /** How many tenant databases have a pool open now; 0 in the schemas mode, which has the one repo's. */
  public int openPools() {
    return databases == null ? 0 : databases.openPools();
  }

  /** The tenants whose pools are open now, least recently used first; empty in the schemas mode. */
  public List<String> openTenants() {
    return databases == null ? List.of() : databases.openTenants();
  }

  private TenantDatabases.Slot slotOf(String id) {
    repo(id);
    return databases.slot(id);
  }

  private String schemaOf(String id) {
    return repo(id).prefix().orElseThrow();
  }

  /** Closes every tenant's pool; in the schemas mode the repo stays open, being the caller's. */
  @Override
  public void close() {
    if (databases != null) {
      databases.close();
    }
  }

  /** The options of a {@link Tenants} registry. */
  public static final class Builder {
    private final Repo schemasRepo;
    private final Map<String, Object> tenants = new java.util.LinkedHashMap<>();
    private Consumer<Repo.Builder> poolOptions = options -> {};
    private int maxOpenPools = 16;

    private Builder(Repo schemasRepo) {
      this.schemasRepo = schemasRepo;
    }

    /**
     * Registers tenant {@code id}: {@code where} is its database's JDBC URL, or its schema in the
     * schemas mode.
     */
    public Builder tenant(String id, String where) {
      return put(id, Objects.requireNonNull(where, "where of tenant " + id));
    }

    /** Registers tenant {@code id} with a database whose pool {@code options} configure; see {@link Tenants#add(String, Consumer)}. */
    public Builder tenant(String id, Consumer<Repo.Builder> options) {
      return put(id, Objects.requireNonNull(options, "options of tenant " + id));
    }

    private Builder put(String id, Object where) {
      Objects.requireNonNull(id, "tenant id");
      if (tenants.put(id, where) != null) {
        throw new IllegalArgumentException("tenant " + id + " is registered twice");
      }
      return this;
    }

    /**
     * Options every tenant's repo and pool gets before its own (pool size, timeouts, listeners,
     * a prefix): e.g. {@code b -> b.maximumPoolSize(5).listener(logger)}. Databases mode only.
     */
    public Builder pool(Consumer<Repo.Builder> options) {
      requireDatabases("pool options");
      this.poolOptions = Objects.requireNonNull(options, "options");
      return this;
    }

    /**
     * The most tenant pools open at once, 16 by default: opening one more closes the least
     * recently used idle one. Each pool holds up to its {@code maximumPoolSize} connections, so
     * {@code maxOpenPools × maximumPoolSize} bounds the connections to all tenant databases
     * together while no more than {@code maxOpenPools} tenants are in use at once. Databases mode only.
     */
    public Builder maxOpenPools(int maxOpenPools) {
      requireDatabases("maxOpenPools");
      if (maxOpenPools < 1) {
        throw new IllegalArgumentException("maxOpenPools must be at least 1, not " + maxOpenPools);
      }
      this.maxOpenPools = maxOpenPools;
      return this;
    }

    private void requireDatabases(String option) {
      if (schemasRepo != null) {
        throw new IllegalStateException(option + " apply to tenant databases; this registry keeps tenants in schemas"
            + " of one repo, whose pool is configured where the repo is built");
      }
    }

    public Tenants build() {
      return new Tenants(this);
    }
  }
}
