package io.ecto4j.example;

import com.sun.net.httpserver.HttpServer;
import io.ecto4j.dashboard.Dashboard;
import io.ecto4j.dashboard.QueryRecorder;
import io.ecto4j.example.demo.Seeds;
import io.ecto4j.example.demo.StatementCounter;
import io.ecto4j.example.demo.Walkthrough;
import io.ecto4j.example.migrations.Migrations;
import io.ecto4j.migration.Migrator;
import io.ecto4j.repo.Repo;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The lesson, runnable. {@code mvn -q -B package -DskipTests -Pdemo} from the repository's root
 * builds everything and runs {@code demo}; {@code -Dexec.args="migrate"} picks another command.
 */
public final class Main {
  static final String USAGE = """
      usage: ecto4j-example [command] [--database-url=JDBC_URL] [--database=NAME] [--dashboard[=PORT]]

      commands:
        demo       (default) recreate the demo database, migrate, seed, and walk through the lesson
        migrate    apply the pending migrations to the demo database
        rollback   roll back the last applied migration
        seed       insert the demo data
        --help     this text

      The server is DATABASE_URL (or --database-url); without one an embedded PostgreSQL is started.
      The demo works in its own database on that server, ecto4j_demo unless --database names another.
      --dashboard then serves ecto4j's dashboard on http://127.0.0.1:4040/ecto4j (or PORT), with a little
      traffic, until Ctrl-C (docs/dashboard.md).
      """;

  private final PrintStream out;

  Main(PrintStream out) {
    this.out = out;
  }

  public static void main(String[] args) throws Exception {
    int status = new Main(System.out).run(args, System.getenv("DATABASE_URL"));
    if (status != 0) {
      System.exit(status);
    }
  }

  /** Runs the command line; returns the exit status. */
  int run(String[] args, String environmentUrl) throws Exception {
    Options options = Options.parse(args, environmentUrl);
    if (options.help() || options.error() != null) {
      if (options.error() != null) {
        out.println("error: " + options.error());
      }
      out.print(USAGE);
      return options.error() == null ? 0 : 2;
    }
    try (Database database = Database.open(options.url(), options.database())) {
      out.println("ecto4j example on " + database.describe() + ", database " + options.database());
      if (options.command().equals("demo")) {
        database.recreateDemoDatabase();
      } else {
        database.createDemoDatabaseIfMissing();
      }
      StatementCounter counter = new StatementCounter();
      QueryRecorder recorder = new QueryRecorder();
      try (Repo repo = Repo.builder().url(database.demoUrl()).maximumPoolSize(4).listener(counter).listener(recorder)
          .build()) {
        dispatch(options.command(), repo, counter);
        if (options.dashboardPort() != null) {
          serveDashboard(repo, recorder, options.dashboardPort());
        }
      }
    }
    return 0;
  }

  private void dispatch(String command, Repo repo, StatementCounter counter) {
    Migrator migrator = Migrator.builder(repo.dataSource()).migrations(Migrations.all()).output(out::println).build();
    switch (command) {
      case "migrate" -> migrator.migrate();
      case "rollback" -> migrator.rollback();
      case "seed" -> new Seeds(repo, out).run();
      default -> {
        migrator.migrate();
        out.println();
        out.println("Seeding the demo data");
        new Seeds(repo, out).run();
        new Walkthrough(repo, out, counter::count, Clock.systemUTC()).run();
      }
    }
  }

  /** Serves the dashboard, with a feed page's traffic every second, until the process is stopped. */
  private void serveDashboard(Repo repo, QueryRecorder recorder, int port) throws InterruptedException {
    HttpServer server = ExampleDashboard.create(repo, recorder).start(port);
    out.println();
    out.println("ecto4j dashboard: http://127.0.0.1:" + server.getAddress().getPort() + Dashboard.PATH
        + "  (Ctrl-C to stop)");
    while (!Thread.currentThread().isInterrupted()) {
      ExampleDashboard.feed(repo, recorder);
      Thread.sleep(1000);
    }
  }

  /** The parsed command line; {@code dashboardPort} is null without {@code --dashboard}. */
  record Options(String command, String url, String database, Integer dashboardPort, boolean help, String error) {
    static Options parse(String[] args, String environmentUrl) {
      String command = "demo";
      String url = environmentUrl;
      String database = Database.DEMO_DATABASE;
      Integer dashboardPort = null;
      List<String> unknown = new ArrayList<>();
      boolean help = false;
      for (String arg : args) {
        if (arg.equals("--help") || arg.equals("-h")) {
          help = true;
        } else if (arg.startsWith("--database-url=")) {
          url = arg.substring("--database-url=".length());
        } else if (arg.startsWith("--database=")) {
          database = arg.substring("--database=".length());
        } else if (arg.equals("--dashboard")) {
          dashboardPort = ExampleDashboard.DEFAULT_PORT;
        } else if (arg.matches("--dashboard=\\d{1,5}")) {
          dashboardPort = Integer.parseInt(arg.substring("--dashboard=".length()));
        } else if (List.of("demo", "migrate", "rollback", "seed").contains(arg)) {
          command = arg;
        } else {
          unknown.add(arg);
        }
      }
      String error = !unknown.isEmpty() ? "unknown argument(s) " + unknown
          : !database.matches("[a-z_][a-z0-9_]{0,62}") ? "--database must be a plain lowercase name, got " + database
          : null;
      return new Options(command, url, database, dashboardPort, help, error);
    }
  }
}
