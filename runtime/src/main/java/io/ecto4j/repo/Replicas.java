package io.ecto4j.repo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The streaming replicas a repo reads from, and the rules it routes by: {@link Repo#withReplicas}.
 * Reads outside a transaction ({@code all}, {@code one}, {@code get}, {@code aggregate},
 * {@code exists}, preloads) go to a replica; every write, everything in a transaction, a read that
 * locks rows and hand-written SQL ({@code repo.query}) go to the primary.
 *
 * <pre>{@code
 * Repo repo = Repo.of(primary).withReplicas(Replicas.of(Map.of("replica-a", a, "replica-b", b))
 *     .maxLag(Duration.ofSeconds(2))     // a replica further behind is skipped until it catches up
 *     .recheckEvery(Duration.ofSeconds(1))
 *     .readYourWrites(true));            // the default: a thread reads what it wrote
 * }</pre>
 *
 * <p>A replica qualifies when it answers, is still in recovery (a promoted one no longer replays
 * the primary), and lags by at most {@link #maxLag}; its state is read with one short query at
 * most every {@link #recheckEvery} per replica, on the thread that needs it, and a replica that
 * failed is skipped until then. Among those that qualify the repo takes turns; when none does, the
 * read goes to the primary. Every query's telemetry event names the server that ran it
 * ({@code QueryEvent.server()}).
 *
 * <p><b>Read-your-writes</b> (on by default): after a thread writes, its next read goes to the
 * primary, which also tells the WAL position of that write ({@code pg_current_wal_lsn()}); the
 * thread's later reads go to a replica only once that replica has replayed this position
 * ({@code pg_last_wal_replay_lsn()}), else to the primary. The scope is the thread, which in a
 * servlet or Spring MVC application is the request; {@link Repo#onPrimary} pins a block to the
 * primary for any other scope.
 */
public final class Replicas {
  private final Map<String, DataSource> servers;
  private final Duration maxLag;
  private final Duration recheckEvery;
  private final boolean readYourWrites;

  private Replicas(Map<String, DataSource> servers, Duration maxLag, Duration recheckEvery, boolean readYourWrites) {
    this.servers = servers;
    this.maxLag = maxLag;
    this.recheckEvery = recheckEvery;
    this.readYourWrites = readYourWrites;
  }

  /** Replicas named {@code replica-1}, {@code replica-2}, … in the order given. */
  public static Replicas of(List<? extends DataSource> replicas) {
    Map<String, DataSource> named = new LinkedHashMap<>();
    List<? extends DataSource> given = new ArrayList<>(Objects.requireNonNull(replicas, "replicas"));
    for (int i = 0; i < given.size(); i++) {
      named.put("replica-" + (i + 1), Objects.requireNonNull(given.get(i), "replica " + (i + 1)));
    }
    return of(named);
  }

  /** Replicas under names of your own, as telemetry and {@link Repo#replicaStatus()} show them. */
  public static Replicas of(Map<String, ? extends DataSource> replicas) {
    Map<String, DataSource> named = new LinkedHashMap<>();
    Objects.requireNonNull(replicas, "replicas").forEach((name, dataSource) -> {
      if (Objects.requireNonNull(name, "a replica's name").isBlank() || name.equals(ReadRouting.PRIMARY)) {
        throw new IllegalArgumentException("a replica needs a name other than \"\" and \"primary\", got \"" + name + "\"");
      }
      named.put(name, Objects.requireNonNull(dataSource, "the data source of replica " + name));
    });
    if (named.isEmpty()) {
      throw new IllegalArgumentException("Replicas need at least one data source; a repo without replicas reads from"
          + " its primary already");
    }
    return new Replicas(java.util.Collections.unmodifiableMap(named), Duration.ofSeconds(5),
        Duration.ofSeconds(1), true);
  }

  /** The most a replica may lag behind the primary and still serve reads (default 5 s). */
  public Replicas maxLag(Duration lag) {
    return new Replicas(servers, positive(lag, "maxLag"), recheckEvery, readYourWrites);
  }

  /** How often a replica's state is read again, and how long a failed one is skipped (default 1 s). */
  public Replicas recheckEvery(Duration interval) {
    return new Replicas(servers, maxLag, positive(interval, "recheckEvery"), readYourWrites);
  }

  /** Whether a thread's reads after its writes see them (default true); see the class comment. */
  public Replicas readYourWrites(boolean on) {
    return new Replicas(servers, maxLag, recheckEvery, on);
  }

  Map<String, DataSource> servers() {
    return servers;
  }

  Duration maxLag() {
    return maxLag;
  }

  Duration recheckEvery() {
    return recheckEvery;
  }

  boolean readYourWrites() {
    return readYourWrites;
  }

  private static Duration positive(Duration duration, String what) {
    if (Objects.requireNonNull(duration, what).isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(what + " must be positive, got " + duration);
    }
    return duration;
  }

  @Override
  public String toString() {
    return "Replicas" + servers.keySet() + "{maxLag=" + maxLag + ", recheckEvery=" + recheckEvery
        + ", readYourWrites=" + readYourWrites + "}";
  }
}
