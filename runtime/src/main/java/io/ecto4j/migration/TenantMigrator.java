package io.ecto4j.migration;

import io.ecto4j.repo.Repo;
import io.ecto4j.repo.Tenants;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Applies one migration set to every tenant of a {@link Tenants} registry, Triplex's
 * {@code mix triplex.migrate}: each tenant database with its own history table, or each tenant
 * schema with its own ({@code "acme"."flyway_schema_history"}, the schema created when missing).
 *
 * <pre>{@code
 * TenantMigrator migrator = TenantMigrator.builder(tenants,
 *         dataSource -> Migrator.builder(dataSource).migrations(Migrations.all()))
 *     .listener(TenantMigrationListener.progressBar(System.out::println))
 *     .build();
 * migrator.migrate();   // every tenant, in registration order
 * }</pre>
 *
 * <p>Tenants are migrated one after another (or {@code parallelism} at a time). When one fails,
 * no tenant after it is started, and a {@link TenantMigrationException} names the tenant, the
 * migration's version and PostgreSQL's error; the tenants before it stay migrated. Running again
 * resumes: a tenant already up to date is a no-op, its history says so.
 */
public final class TenantMigrator {
  private final Tenants tenants;
  private final Function<DataSource, Migrator.Builder> migrator;
  private final List<TenantMigrationListener> listeners;
  private final int parallelism;

  private TenantMigrator(Builder builder) {
    this.tenants = builder.tenants;
    this.migrator = builder.migrator;
    this.listeners = List.copyOf(builder.listeners);
    this.parallelism = builder.parallelism;
  }

  /**
   * A migrator over {@code tenants}; {@code migrator} configures each tenant's {@link Migrator} on
   * its data source (migrations, locations, output…). The tenant's schema, in the schemas mode, is
   * set as its prefix.
   */
  public static Builder builder(Tenants tenants, Function<DataSource, Migrator.Builder> migrator) {
    return new Builder(Objects.requireNonNull(tenants, "tenants"), Objects.requireNonNull(migrator, "migrator"));
  }

  /** Migrates every registered tenant, in registration order; returns each tenant's migrations applied. */
  public Map<String, List<MigrationRun>> migrate() {
    return migrate(tenants.ids());
  }

  /**
   * Migrates {@code only} these tenants, in the order given: e.g. a failure's
   * {@link TenantMigrationException#remaining()}.
   */
  public Map<String, List<MigrationRun>> migrate(Collection<String> only) {
    List<String> ids = List.copyOf(only);
    ids.forEach(tenants::repo);
    return parallelism == 1 ? sequentially(ids) : inParallel(ids);
  }

  /** Migrates the tenants from {@code tenant} on, in registration order: resuming after a failure. */
  public Map<String, List<MigrationRun>> migrateFrom(String tenant) {
    List<String> ids = tenants.ids();
    int from = ids.indexOf(tenant);
    if (from < 0) {
      tenants.repo(tenant);
    }
    return migrate(ids.subList(from, ids.size()));
  }

  private Map<String, List<MigrationRun>> sequentially(List<String> ids) {
    Map<String, List<MigrationRun>> applied = new LinkedHashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      try {
        applied.put(id, migrateOne(id, i + 1, ids.size()));
      } catch (TenantFailure failure) {
        throw failed(failure, List.copyOf(applied.keySet()), ids.subList(i, ids.size()));
      }
    }
    return applied;
  }

  /**
   * {@code parallelism} tenants at a time; after a failure no tenant starts, the running ones end,
   * and the first failure in tenant order is thrown with the others suppressed.
   */
  private Map<String, List<MigrationRun>> inParallel(List<String> ids) {
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, Math.max(1, ids.size())), work -> {
      Thread thread = new Thread(work, "ecto4j-tenant-migrator");
      thread.setDaemon(true);
      return thread;
    });
    AtomicBoolean stopped = new AtomicBoolean();
    try {
      List<Future<List<MigrationRun>>> runs = new ArrayList<>();
      for (int i = 0; i < ids.size(); i++) {
        String id = ids.get(i);
        int position = i + 1;
        runs.add(pool.submit(() -> {
          if (stopped.get()) {
            return null;
          }
          try {
            return migrateOne(id, position, ids.size());
          } catch (TenantFailure failure) {
            stopped.set(true);
            throw failure;
          }
        }));
      }
      return collect(ids, runs);
    } finally {
      pool.shutdownNow();
    }
  }

  private Map<String, List<MigrationRun>> collect(List<String> ids, List<Future<List<MigrationRun>>> runs) {
    Map<String, List<MigrationRun>> applied = new LinkedHashMap<>();
    List<TenantFailure> failures = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      try {
        List<MigrationRun> run = runs.get(i).get();
        if (run != null) {
          applied.put(ids.get(i), run);
        }
      } catch (ExecutionException e) {
        failures.add((TenantFailure) e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new MigrationException("interrupted while migrating tenants; migrated: " + applied.keySet(), e);
      }
    }
    if (failures.isEmpty()) {
      return applied;
    }
    List<String> remaining = ids.stream().filter(id -> !applied.containsKey(id)).toList();
    TenantMigrationException first = failed(failures.get(0), List.copyOf(applied.keySet()), remaining);
    failures.stream().skip(1).forEach(other -> first.addSuppressed(other.getCause()));
    throw first;
  }

  /** One tenant's migrations, its listeners told as they go. */
  private List<MigrationRun> migrateOne(String id, int position, int total) {
    listeners.forEach(listener -> listener.started(id, position, total));
    String[] version = new String[1];
    ProgressCallback.Steps steps = new ProgressCallback.Steps() {
      @Override
      public void started(String started) {
        version[0] = started;
      }

      @Override
      public void applied(MigrationRun run) {
        listeners.forEach(listener -> listener.applied(id, run));
      }
    };
    Repo repo = tenants.repo(id);
    List<MigrationRun> runs;
    try {
      Migrator.Builder builder = migrator.apply(repo.dataSource()).steps(steps);
      repo.prefix().ifPresent(builder::prefix);
      runs = builder.build().migrate();
    } catch (RuntimeException e) {
      throw new TenantFailure(id, version[0], e);
    }
    listeners.forEach(listener -> listener.done(id, runs));
    return runs;
  }

  /** A tenant's failure on its way to the caller, who knows which tenants came before and after it. */
  private static final class TenantFailure extends RuntimeException {
    final String tenant;
    final String version;

    TenantFailure(String tenant, String version, RuntimeException cause) {
      super(cause.getMessage(), cause, false, false);
      this.tenant = tenant;
      this.version = version;
    }
  }

  private TenantMigrationException failed(TenantFailure failure, List<String> migrated, List<String> remaining) {
    TenantMigrationException e = new TenantMigrationException(failure.tenant, failure.version, migrated, remaining,
        (RuntimeException) failure.getCause());
    listeners.forEach(listener -> listener.failed(failure.tenant, e));
    return e;
  }

  /** The options of a {@link TenantMigrator}. */
  public static final class Builder {
    private final Tenants tenants;
    private final Function<DataSource, Migrator.Builder> migrator;
    private final List<TenantMigrationListener> listeners = new ArrayList<>();
    private int parallelism = 1;

    private Builder(Tenants tenants, Function<DataSource, Migrator.Builder> migrator) {
      this.tenants = tenants;
      this.migrator = migrator;
    }

    /** Tells {@code listener} of each tenant's progress; may be called again to add more. */
    public Builder listener(TenantMigrationListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * How many tenants are migrated at once, 1 (one after another) by default. Each takes up to
     * three connections of its database (or of the one repo's pool, in the schemas mode).
     */
    public Builder parallelism(int parallelism) {
      if (parallelism < 1) {
        throw new IllegalArgumentException("parallelism must be at least 1, not " + parallelism);
      }
      this.parallelism = parallelism;
      return this;
    }

    public TenantMigrator build() {
      return new TenantMigrator(this);
    }
  }
}
