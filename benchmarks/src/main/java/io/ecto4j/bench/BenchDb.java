package io.ecto4j.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import java.util.function.IntFunction;
import org.postgresql.PGConnection;

/**
 * The benchmark database: created fresh, seeded deterministically with COPY, dropped at the end.
 *
 * <p>The server is {@code ECTO4J_BENCH_DATABASE_URL} (a JDBC URL of any database on it) or the local
 * PostgreSQL; the benchmark database beside it is called {@code ecto4j_bench}.
 */
public final class BenchDb {
  /** The fixed clock of the seed: row n is stamped {@code EPOCH + n seconds}. */
  public static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
  static final String URL_PROPERTY = "ecto4j.bench.url";
  private static final String DEFAULT_SERVER = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

  private final String serverUrl;
  private final String name;

  public BenchDb(String name) {
    this(Optional.ofNullable(System.getenv("ECTO4J_BENCH_DATABASE_URL")).filter(url -> !url.isBlank())
        .orElse(DEFAULT_SERVER), name);
  }

  /** The database {@code name} on the server of {@code serverUrl} (a JDBC URL of any database there). */
  public BenchDb(String serverUrl, String name) {
    this.serverUrl = serverUrl;
    this.name = name;
  }

  /** The JDBC URL of the benchmark database itself. */
  public String url() {
    return withDatabase(serverUrl, name);
  }

  static String withDatabase(String url, String database) {
    int slash = url.indexOf('/', "jdbc:postgresql://".length());
    int query = url.indexOf('?', slash);
    return url.substring(0, slash + 1) + database + (query < 0 ? "" : url.substring(query));
  }

  /** Drops any leftover, creates the database, its tables and indexes, and copies the seed in. */
  public void create(Size size) throws SQLException, IOException {
    admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    admin("CREATE DATABASE " + name);
    try (Connection c = DriverManager.getConnection(url())) {
      execute(c, DDL);
      seed(c, size);
      execute(c, "SELECT setval('users_id_seq', " + size.users() + "); SELECT setval('posts_id_seq', "
          + size.posts() + "); SELECT setval('comments_id_seq', " + size.comments() + "); ANALYZE");
    }
  }

  /**
   * How the benchmark's commits end. {@link #CLIENT_BOUND}: {@code synchronous_commit = off} for this
   * database alone ({@code ALTER DATABASE … SET}, which the server applies to every new session on
   * it; the server's own configuration is untouched), so a commit does not wait for the WAL flush and
   * a write measures the client and the server's work rather than the disk. {@link #COMMIT_BOUND}:
   * the server's default, every commit waits for its flush. Reads are the same in both.
   */
  public enum Commits {
    CLIENT_BOUND, COMMIT_BOUND
  }

  /** Sets how commits end for the sessions opened from now on (JMH's forks open their pools after this). */
  public void commits(Commits mode) throws SQLException {
    admin("ALTER DATABASE " + name + (mode == Commits.CLIENT_BOUND ? " SET synchronous_commit = off"
        : " RESET synchronous_commit"));
  }

  public void drop() throws SQLException {
    admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  private void admin(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(serverUrl)) {
      execute(c, sql);
    }
  }

  static void execute(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static final String DDL = """
      CREATE TABLE users (id bigserial PRIMARY KEY, name varchar(255), email varchar(255),
        inserted_at timestamptz NOT NULL, updated_at timestamptz NOT NULL);
      CREATE TABLE posts (id bigserial PRIMARY KEY, title varchar(255), body text,
        published boolean NOT NULL DEFAULT false, view_count integer NOT NULL DEFAULT 0,
        author_id bigint REFERENCES users(id),
        inserted_at timestamptz NOT NULL, updated_at timestamptz NOT NULL);
      CREATE TABLE comments (id bigserial PRIMARY KEY, body text, post_id bigint REFERENCES posts(id),
        inserted_at timestamptz NOT NULL, updated_at timestamptz NOT NULL);
      CREATE INDEX posts_author_id_index ON posts (author_id);
      CREATE INDEX posts_published_inserted_at_index ON posts (published, inserted_at);
      CREATE INDEX comments_post_id_index ON comments (post_id);
      """;

  private static void seed(Connection c, Size size) throws SQLException, IOException {
    copy(c, "users", size.users(), i -> i + "\tuser " + i + "\tuser" + i + "@example.com\t" + at(i) + "\t" + at(i));
    copy(c, "posts", size.posts(), i -> i + "\tpost " + i + "\t" + Inputs.body(i) + "\t" + (i % 2 == 0) + "\t"
        + (int) ((i * 7919L) % 1001) + "\t" + ((i - 1) / 10 + 1) + "\t" + at(i) + "\t" + at(i));
    copy(c, "comments", size.comments(), i -> i + "\tcomment " + i + " on a post\t" + ((i - 1) / 10 + 1) + "\t"
        + at(i) + "\t" + at(i));
  }

  private static String at(int second) {
    return EPOCH.plusSeconds(second).toString();
  }

  private static void copy(Connection c, String table, int rows, IntFunction<String> line)
      throws SQLException, IOException {
    StringBuilder text = new StringBuilder(rows * 96);
    for (int i = 1; i <= rows; i++) {
      text.append(line.apply(i)).append('\n');
    }
    c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " FROM STDIN", new StringReader(text.toString()));
  }

  /**
   * Removes what the write workloads added, so every iteration starts from the seed, and vacuums
   * the dead rows away, after every iteration: W4 leaves ~100,000 deleted comments per iteration,
   * whose dead index entries otherwise slow the reads of whichever benchmark runs next (W5 measured
   * up to 3.5× slower right after W4 than alone), and W7's updates leave old row versions that
   * nothing deletes. Without a vacuum between W7's iterations, the first implementation to run it
   * (ecto4j, in JMH's alphabetical order) updated rows on pages the seed had filled, where no update
   * can stay on its page (HOT) and every one writes three index entries, while the others found the
   * room the previous trial's closing vacuum had made: 1.38× of JDBC for ecto4j in both rounds of a
   * run, with the same statements and round trips. Order effects, not differences between the
   * implementations. A vacuum of tables nothing changed skips their pages, a few milliseconds. It
   * does not analyze: fresh statistics from a new random sample after every iteration could change
   * a read's plan from one iteration to the next; {@link #vacuum} analyzes once per trial.
   */
  public static void reset(Connection c, Size size) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.executeUpdate("DELETE FROM comments WHERE id > " + size.comments());
      s.executeUpdate("DELETE FROM posts WHERE id > " + size.posts());
    }
    execute(c, "VACUUM comments, posts");
  }

  /** Vacuums and analyzes the written tables, at the end of a trial. */
  public static void vacuum(Connection c) throws SQLException {
    execute(c, "VACUUM (ANALYZE) comments, posts");
  }

  /** One pool, the same settings for every implementation. */
  public static HikariDataSource pool(String url) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(4);
    config.setMinimumIdle(4);
    config.setAutoCommit(true);
    config.setPoolName("bench");
    return new HikariDataSource(config);
  }

  /** How much data: 1,000 users with 10 posts each with 10 comments each, or a smaller set for tests. */
  public record Size(int users) {
    public static final Size FULL = new Size(1_000);

    public int posts() {
      return users * 10;
    }

    public int comments() {
      return users * 100;
    }
  }
}
