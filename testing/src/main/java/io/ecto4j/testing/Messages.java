package io.ecto4j.testing;

import java.util.List;

/** Every message ecto4j-test shows its users, each with a stable tag to search for. */
final class Messages {
  private Messages() {}

  static String noPostgres(List<String> attempts) {
    StringBuilder text =
        new StringBuilder("[NoPostgres] ecto4j-test found no PostgreSQL to test against. In order, it tried:");
    for (int i = 0; i < attempts.size(); i++) {
      text.append("\n  ").append(i + 1).append(". ").append(attempts.get(i));
    }
    return text.append("\nMake one of them work, e.g. set ")
        .append(Candidates.URL_VARIABLE)
        .append("=jdbc:postgresql://HOST:5432/postgres?user=USER&password=PASSWORD")
        .append(" (the URL's database is used to create and drop the test databases).")
        .toString();
  }

  static String notTried(String decisive) {
    return "not tried: " + decisive + " is set, so only that server is used";
  }

  static String badUrl(String url) {
    return "[BadDatabaseUrl] " + redact(url) + " is not a PostgreSQL JDBC URL;"
        + " write jdbc:postgresql://HOST:PORT/DATABASE?user=USER&password=PASSWORD";
  }

  static String urlUnusable(String url, String why) {
    return "set to " + redact(url) + ", but it cannot be used: " + why;
  }

  static String schemaFile(String path, Class<?> testClass, String annotation) {
    return "[SchemaFile] " + annotation + "(schemaFiles) of " + testClass.getName() + " names " + path
        + ", which is not on the test classpath; put it under src/test/resources/" + strip(path);
  }

  static String sandboxOutsideTest() {
    return "[SandboxOutsideTest] the sandbox DataSource hands out connections only while a test"
        + " runs (from @BeforeEach to @AfterEach); in @BeforeAll/@AfterAll use the class's"
        + " committed DataSource (a parameter there, or TestDatabase.dataSource())";
  }

  static String sandboxAlreadyRunning() {
    return "[SandboxRunning] a test's sandbox is already open on this DataSource; end() it before the next begin()";
  }

  static String sandboxConnectionClosed() {
    return "[SandboxClosed] this sandbox connection was closed";
  }

  static String commitInAutoCommit(String what) {
    return "[SandboxAutoCommit] cannot " + what + " while autoCommit is on;"
        + " call setAutoCommit(false) first, as with any JDBC connection";
  }

  static String strip(String path) {
    return path.startsWith("/") ? path.substring(1) : path;
  }

  /** Keeps passwords out of messages and logs. */
  static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&]*", "$1***");
  }
}
