package io.ecto4j.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Every message {@link PostgresProcess} shows its users, each with a stable tag to search for. */
final class PostgresProcessMessages {
  private PostgresProcessMessages() {}

  static String noBinaries(String pgConfig, Path debianRoot) {
    return "[NoPostgresBinaries] PostgresProcess found no initdb, pg_ctl and postgres to run:"
        + " `pg_config --bindir` gave " + quote(pgConfig) + ", and no " + debianRoot
        + "/<version>/bin holds them; install PostgreSQL's server package (e.g. apt-get install"
        + " postgresql) or put its pg_config on the PATH";
  }

  static String rootWithoutRunuser(List<Path> looked) {
    return "[PostgresAsRoot] the JVM runs as root, and initdb and postgres refuse to run as root;"
        + " PostgresProcess runs them as the OS user " + PostgresBinaries.OS_USER
        + " through runuser, which is not at any of " + looked
        + "; install util-linux or run the tests as another user";
  }

  static String rootWithoutPostgresUser() {
    return "[PostgresAsRoot] the JVM runs as root, and initdb and postgres refuse to run as root;"
        + " PostgresProcess runs them as the OS user " + PostgresBinaries.OS_USER
        + ", which does not exist; create it (useradd --system " + PostgresBinaries.OS_USER
        + ") or run the tests as another user";
  }

  /** A command that ran but failed: what was being done, the command, its code and the logs. */
  static String commandFailed(String what, BoundedCommand.Result result, Path log, String logTail) {
    return "[PostgresProcess] " + what + ": `" + result.commandLine() + "` exited with code "
        + result.exitCode() + "." + section("Its output", result.output())
        + section("Last lines of " + log, logTail);
  }

  static String commandTimedOut(String commandLine, Duration limit, String output) {
    return "[PostgresProcess] `" + commandLine + "` did not finish within " + limit.toSeconds()
        + " s and was killed." + section("Its output", output);
  }

  static String commandFailedToRun(String commandLine, Exception cause) {
    return "[PostgresProcess] could not run `" + commandLine + "`: " + cause.getMessage();
  }

  static String interrupted(String what) {
    return "[PostgresProcess] interrupted while waiting for " + what;
  }

  static String notDeleted(Path directory) {
    return "[PostgresProcess] could not delete the server's directory " + directory;
  }

  static String noFreePort(String host) {
    return "[PostgresProcess] could not find a free port on " + host;
  }

  /** Adds the server log's tail to a failure that is not a command's, e.g. a wait that ran out. */
  static String withLog(String message, Path log, String logTail) {
    return "[PostgresProcess] " + message + section("Last lines of " + log, logTail);
  }

  static String badSettingName(String name) {
    return "[BadSetting] " + quote(name) + " is not a PostgreSQL setting name;"
        + " write it as in postgresql.conf, e.g. setting(\"deadlock_timeout\", \"100ms\")";
  }

  static String badSettingValue(String name, String value) {
    return "[BadSetting] the value of " + name + " holds a line break or NUL: " + quote(value);
  }

  static String reservedSetting(String name) {
    return "[ReservedSetting] PostgresProcess sets " + name + " itself (it keeps the server on a"
        + " free loopback port, with its socket in its own directory); leave it out";
  }

  static String alreadyRunning(int port) {
    return "[AlreadyRunning] the server on port " + port + " is running; stop it before start(),"
        + " or call restart(mode)";
  }

  static String notRunning(int port, String what) {
    return "[NotRunning] cannot " + what + ": the server on port " + port + " is not running";
  }

  static String closed() {
    return "[Closed] this PostgresProcess was closed; start a new one";
  }

  static String notABackend(long pid, int port) {
    return "[NotABackend] process " + pid + " is not a backend of the PostgreSQL on port " + port
        + "; take pids from backendPids(database)";
  }

  static String noSuchStatement(int pid, String statementStart, java.time.Duration within) {
    return "[NoSuchStatement] backend " + pid + " did not run a statement starting with \"" + statementStart
        + "\" within " + within.toMillis() + " ms; check the pid (backendPids(database)) and that the statement"
        + " is sent before waiting for it";
  }

  private static String section(String title, String text) {
    return text.isBlank() ? "" : "\n" + title + ":\n" + text;
  }

  private static String quote(String text) {
    return "\"" + text + "\"";
  }
}
