package io.ecto4j.testing;

import java.util.function.Consumer;

/** Starting a server of the tests' own: a start that fails leaves no process or directory behind. */
final class Started {
  private Started() {}

  /**
   * {@code resource} once {@code start} has run on it; when {@code start} fails, {@code resource}
   * is closed (a failure to close is added to the start's) and the start's failure thrown.
   */
  static <T extends AutoCloseable> T orClosed(T resource, Consumer<T> start) {
    try {
      start.accept(resource);
      return resource;
    } catch (RuntimeException e) {
      try {
        resource.close();
      } catch (Exception cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
  }
}
