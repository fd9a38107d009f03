package io.ecto4j.multi;

import io.ecto4j.Result;
import io.ecto4j.internal.MultiInternals;
import io.ecto4j.repo.Repo;

/** The repo's way into a Multi ({@link io.ecto4j.internal}). */
final class Bridge implements MultiInternals {
  @Override
  public Result<Changes, MultiFailure> run(Multi multi, Repo repo) {
    return multi.runIn(repo);
  }
}
