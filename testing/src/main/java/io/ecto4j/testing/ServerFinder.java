package io.ecto4j.testing;

import java.util.ArrayList;
import java.util.List;

/** Finds the PostgreSQL the tests run on: once per JVM, shared by every test class. */
final class ServerFinder {
  private static PostgresServer shared;
  private static IllegalStateException failure;

  private ServerFinder() {}

  /** The JVM's server; a server started for the tests is stopped when the JVM exits. */
  static synchronized PostgresServer shared() {
    if (shared == null && failure == null) {
      try {
        shared = find(Candidates.defaults());
        Runtime.getRuntime().addShutdownHook(new Thread(ServerFinder::stop, "ecto4j-test-stop"));
      } catch (IllegalStateException e) {
        failure = e; // every later test class fails the same way, without trying again
      }
    }
    if (failure != null) {
      throw failure;
    }
    return shared;
  }

  private static synchronized void stop() {
    try {
      shared.stop().close();
    } catch (Exception e) {
      System.err.println("ecto4j-test: could not stop " + shared.origin() + ": " + e);
    }
  }

  /** The first candidate that yields a server; if none does, says what each one lacked. */
  static PostgresServer find(List<Candidate> candidates) {
    List<String> attempts = new ArrayList<>();
    String decisive = null;
    for (Candidate candidate : candidates) {
      if (decisive != null) {
        attempts.add(candidate.option() + ": " + Messages.notTried(decisive));
        continue;
      }
      try {
        return candidate.starter().start();
      } catch (Candidate.Decisive e) {
        decisive = e.name;
        attempts.add(candidate.option() + ": " + e.getMessage());
      } catch (Exception | LinkageError e) {
        attempts.add(candidate.option() + ": " + describe(e));
      }
    }
    throw new IllegalStateException(Messages.noPostgres(attempts));
  }

  private static String describe(Throwable e) {
    if (e instanceof Candidate.Unavailable) {
      return e.getMessage();
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String text = e.toString();
    return root == e ? text : text + " (caused by " + root + ")";
  }
}
