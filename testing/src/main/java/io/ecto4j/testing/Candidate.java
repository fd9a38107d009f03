package io.ecto4j.testing;

/**
 * One place a PostgreSQL may be found, tried by {@link ServerFinder} in turn.
 *
 * @param option what this candidate is and what it needs, as the failure message lists it
 * @param starter finds or starts the server; throws to say why it cannot
 */
record Candidate(String option, Starter starter) {

  interface Starter {
    PostgresServer start() throws Exception;
  }

  /** An expected "no": the message is the whole explanation, a stack trace would add nothing. */
  static final class Unavailable extends Exception {
    Unavailable(String why) {
      super(why, null, false, false);
    }
  }

  /** The user asked for this candidate and it failed: stop, rather than quietly use another. */
  static final class Decisive extends Exception {
    final String name;

    Decisive(String name, String why, Throwable cause) {
      super(why, cause);
      this.name = name;
    }
  }
}
