package io.ecto4j.internal;

import io.ecto4j.Result;
import io.ecto4j.multi.Changes;
import io.ecto4j.multi.Multi;
import io.ecto4j.multi.MultiFailure;
import io.ecto4j.repo.Repo;

/** How {@code repo.transaction(multi)} runs a Multi. */
public interface MultiInternals {
  /** Runs the steps on {@code repo} in one transaction: {@code Ok(changes)}, or {@code Err} naming the failed step. */
  Result<Changes, MultiFailure> run(Multi multi, Repo repo);
}
