package io.ecto4j.repo;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What a repo last knew of one replica ({@link Repo#replicaStatus()}): whether it answered as a
 * replica, how far behind the primary it was, and when it was checked. A replica never checked yet
 * has no {@code checkedAt}.
 *
 * @param name the replica's name given to {@link Replicas}
 * @param up whether it answered its last check as a replica still in recovery
 * @param lag how far its replay was behind the primary's last transaction (zero when it has replayed all it received)
 * @param replayPosition its last replayed WAL position, as PostgreSQL prints it ({@code 0/3000148}), or null
 * @param checkedAt when it was checked, or null
 * @param problem why it does not serve reads (down, promoted, lagging), or null when it does
 */
public record ReplicaStatus(String name, boolean up, Duration lag, String replayPosition, Instant checkedAt,
    String problem) {

  /** Whether the replica serves reads: up, and not lagging beyond the bound. */
  public boolean serving() {
    return up && problem == null;
  }

  /** When it was checked, if it was. */
  public Optional<Instant> lastChecked() {
    return Optional.ofNullable(checkedAt);
  }
}
