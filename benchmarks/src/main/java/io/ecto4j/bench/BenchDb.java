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
        inserted_at timestamptz NOT NULL, updated_at timestamptz NOT NULL) WITH (autovacuum_enabled = off);
      CREATE TABLE posts (id bigserial PRIMARY KEY, title varchar(255), body text,
        published boolean NOT NULL DEFAULT false, view_count integer NOT NULL DEFAULT 0,
        author_id bigint REFERENCES users(id),
        inserted_at timestamptz NOT NULL, updated_at timestamptz NOT NULL)
        WITH (fillfactor = 80, autovacuum_enabled = off);
      CREATE TABLE comments (id bigserial PRIMARY KEY, body text, post_id bigint REFERENCES posts(id),
        inserted_at timestamptz NOT NULL, updated_at timestamptz NOT NULL) WITH (autovacuum_enabled = off);
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
   * Puts the written tables back as the seed laid them out, after every iteration: deletes the rows
   * the writes added, rewrites {@code posts} and {@code comments} in key order with fresh indexes
   * ({@code CLUSTER}, which keeps {@code posts}' fill factor), and vacuums them so that their pages
   * are marked all-visible again, as the seed's are. So every iteration of every implementation
   * starts from the same pages.
   *
   * <p>Before #21's ninth pass a vacuum alone did this, on a {@code posts} table filled to the
   * brim, and W7 measured the table more than the client: an update of a row on a full page cannot
   * stay on its page (HOT), so every one wrote its new row version to another page and an entry
   * into every index, the table and its indexes grew through each iteration, and a vacuum left an
   * author's posts scattered. Each iteration ran slower than the one before, by how much depended
   * on how many updates every earlier trial had done: one trial's iterations measured 107 to 282
   * µs for ecto4j and 74 to 245 for JDBC, and W7-only runs put ecto4j at 0.98× to 1.22×. Now
   * {@code posts} keeps a fifth of each page free ({@code fillfactor = 80}, as a table whose
   * counters are updated in place is set up), W7's updates are HOT and the table keeps its size,
   * and this reset undoes the layout changes of the inserts and deletes.
   *
   * <p>{@code comments} is rewritten only when an iteration added comments (W4, W8): no workload
   * updates or deletes one, so otherwise its pages are the seed's still. Its rewrite was three
   * quarters of a reset's WAL (11 of 14.7 MB), and the run's WAL, mostly these resets, started a
   * checkpoint about every minute while other implementations were measured.
   *
   * <p>It does not analyze: fresh statistics from a new random sample after every iteration could
   * change a read's plan from one iteration to the next; {@link #analyze} does once per trial.
   * The tables' autovacuum is off ({@link #create}) for the same reason: a vacuum or a new sample at
   * a moment nobody chose would land in one implementation's measurement and not another's.
   */
  public static void reset(Connection c, Size size) throws SQLException {
    int comments;
    try (Statement s = c.createStatement()) {
      comments = s.executeUpdate("DELETE FROM comments WHERE id > " + size.comments());
      s.executeUpdate("DELETE FROM posts WHERE id > " + size.posts());
    }
    execute(c, "CLUSTER posts USING posts_pkey");
    if (comments > 0) {
      execute(c, "CLUSTER comments USING comments_pkey");
    }
    execute(c, "VACUUM comments, posts");
  }

  /**
   * Analyzes the written tables, at the end of a trial; the reset after its last iteration has
   * already vacuumed them.
   */
  public static void analyze(Connection c) throws SQLException {
    execute(c, "ANALYZE comments, posts");
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
