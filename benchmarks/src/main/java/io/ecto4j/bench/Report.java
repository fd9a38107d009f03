package io.ecto4j.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.options.Options;

/**
 * Writes docs/benchmarks.md from the JMH results. Everything below {@link #KEEP} in an existing file
 * (the hand-written analysis) is kept.
 */
final class Report {
  static final String KEEP = "<!-- hand-written below this line; RunAll keeps it -->";
  private static final List<String> IMPLEMENTATIONS =
      List.of("jdbc", "ecto4j", "jooq", "hibernate", "hibernateLazy", "copy");
  private static final Map<String, String> WORKLOADS = Map.of(
      "w1", "W1 get a post by a random id",
      "w2", "W2 published posts, view_count > 100, newest first, limit 100",
      "w3", "W3 insert one post, returning id and timestamps",
      "w4", "W4 insert 1,000 comments in one call",
      "w5", "W5 100 posts with their authors and comments",
      "w6", "W6 top 5 posts by comment count",
      "w7", "W7 increment view_count of one author's published posts",
      "w8", "W8 a post and its first comment in one transaction");

  record Row(double medianMicros, double allocBytes, double cpuMicros) {}

  private Report() {}

  static void write(Path out, Collection<RunResult> results, ProcessorCost.Result cost, Map<String, String> machine,
      Options options) throws IOException {
    Map<String, Map<String, Row>> table = new TreeMap<>();
    for (RunResult r : results) {
      String method = r.getParams().getBenchmark().replaceAll(".*\\.", "");
      String[] parts = method.split("_", 2);
      table.computeIfAbsent(parts[0], k -> new TreeMap<>()).put(parts[1],
          new Row(r.getPrimaryResult().getStatistics().getPercentile(50), secondary(r, "gc.alloc.rate.norm"),
              secondary(r, "cpu.client.norm")));
    }
    StringBuilder md = new StringBuilder();
    header(md, options);
    results(md, table);
    summary(md, table);
    processor(md, cost);
    machine(md, machine);
    md.append('\n').append(KEEP).append('\n').append(kept(out));
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, md.toString());
  }

  private static double secondary(RunResult run, String name) {
    Result<?> result = run.getSecondaryResults().get(name);
    return result == null ? Double.NaN : result.getScore();
  }

  private static void header(StringBuilder md, Options options) {
    md.append("""
        # Benchmarks

        ecto4j against hand-written JDBC, jOOQ and Hibernate on one schema and one seed. Run everything —
        seed, processor cost, JMH, this file — with one command from the repository root:

        ```sh
        mvn -B -pl benchmarks -am package -DskipTests && java -jar benchmarks/target/benchmarks.jar
        ```

        `ECTO4J_BENCH_DATABASE_URL` (a JDBC URL of any database on the server) picks another PostgreSQL
        than `127.0.0.1:5432` as `postgres`; the run creates the database `ecto4j_bench` there and drops it
        at the end. `-Dbench.warmup=3 -Dbench.iterations=5 -Dbench.time=2` (the defaults, about 15 minutes
        on two cores) set the JMH iterations, `-Dbench.include=w5_.*` picks benchmarks. `mvn -pl benchmarks
        verify` runs only the smoke test (`BlogTest`): on a small seed every implementation returns the same
        data for every workload; nothing is timed there.

        The seed: 1,000 users, 10,000 posts (10 per user, half published, view counts 0–1000), 100,000
        comments (10 per post), indexes on posts(author_id), posts(published, inserted_at),
        comments(post_id), loaded with COPY. Every read materialises all columns into objects; every
        operation takes a connection from a HikariCP pool (4 connections, same settings for all) and
        gives it back; rows written are deleted after each iteration. The implementations are in
        `benchmarks/src/main/java/io/ecto4j/bench/impl/`.

        """);
    md.append(String.format(Locale.ROOT,
        "This run: JMH %s, 1 fork, %d warm-up × %s, %d measurements × %s, `Mode.SampleTime`, `-prof gc`, "
            + "the client CPU profiler (`ClientCpuProfiler`).%n%n",
        org.openjdk.jmh.util.Version.getPlainVersion(),
        options.getWarmupIterations().orElse(0), options.getWarmupTime().orElse(null),
        options.getMeasurementIterations().orElse(0), options.getMeasurementTime().orElse(null)));
  }

  private static void results(StringBuilder md, Map<String, Map<String, Row>> table) {
    md.append("## Results\n\nMedian time per operation (µs), its ratio to hand-written JDBC, the bytes "
        + "allocated per operation (`gc.alloc.rate.norm`), and the CPU time of the benchmark thread per "
        + "operation (`cpu.client.norm`: the library's and the driver's own work, without waiting for PostgreSQL, "
        + "JIT and GC threads excluded) with its ratio to JDBC's.\n\n");
    md.append("| workload | implementation | median µs/op | × JDBC | alloc B/op | client CPU µs/op | CPU × JDBC |\n"
        + "|---|---|---:|---:|---:|---:|---:|\n");
    table.forEach((w, rows) -> {
      Row jdbc = rows.get("jdbc");
      for (String impl : IMPLEMENTATIONS) {
        Row r = rows.get(impl);
        if (r != null) {
          md.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %s | %,.0f | %.1f | %s |%n",
              WORKLOADS.getOrDefault(w, w), label(impl), r.medianMicros(), ratio(r.medianMicros(), jdbc, Row::medianMicros),
              r.allocBytes(), r.cpuMicros(), ratio(r.cpuMicros(), jdbc, Row::cpuMicros)));
        }
      }
    });
  }

  private static String ratio(double value, Row jdbc, java.util.function.ToDoubleFunction<Row> of) {
    return jdbc == null ? "" : String.format(Locale.ROOT, "%.2f×", value / of.applyAsDouble(jdbc));
  }

  private static void summary(StringBuilder md, Map<String, Map<String, Row>> table) {
    md.append("\n## Targets\n\necto4j within 1.05× of hand-written JDBC, and faster than jOOQ and Hibernate "
        + "(its best variant), on the median time; the client CPU ratio beside it.\n\n"
        + "| workload | ecto4j × JDBC | ≤ 1.05× | faster than jOOQ | faster than Hibernate | client CPU × JDBC |\n"
        + "|---|---:|:-:|:-:|:-:|---:|\n");
    table.forEach((w, rows) -> {
      Row e = rows.get("ecto4j");
      Row j = rows.get("jdbc");
      if (e == null || j == null) {
        return;
      }
      double ratio = e.medianMicros() / j.medianMicros();
      md.append(String.format(Locale.ROOT, "| %s | %.2f× | %s | %s | %s | %s |%n", w.toUpperCase(Locale.ROOT), ratio,
          mark(ratio <= 1.05), faster(e, rows.get("jooq")), faster(e, rows.get("hibernate")),
          ratio(e.cpuMicros(), j, Row::cpuMicros)));
    });
  }

  private static String faster(Row ecto, Row other) {
    return other == null ? "–" : mark(ecto.medianMicros() < other.medianMicros());
  }

  private static String mark(boolean met) {
    return met ? "yes" : "**no**";
  }

  private static void processor(StringBuilder md, ProcessorCost.Result cost) {
    md.append("\n## Processor cost\n\n");
    if (cost == null) {
      md.append("Not measured in this run (`-Dbench.schemas=0`).\n");
      return;
    }
    md.append(String.format(Locale.ROOT, """
        javac (in-process, `javax.tools.JavaCompiler`, warm: median of 3 after one warm-up) over %d generated
        `@Schema` interfaces (6 fields, timestamps, a `@BelongsTo` to the previous one):

        | | time |
        |---|---:|
        | without the processor (`-proc:none`) | %,d ms |
        | with the ecto4j processor | %,d ms (%d generated sources) |
        | the processor's cost | %,d ms, %.1f ms per schema |
        """, cost.schemas(), cost.withoutMillis(), cost.withMillis(), cost.generatedFiles(),
        cost.withMillis() - cost.withoutMillis(), (cost.withMillis() - cost.withoutMillis()) / (double) cost.schemas()));
  }

  private static void machine(StringBuilder md, Map<String, String> machine) {
    md.append("\n## Machine and versions\n\n| | |\n|---|---|\n");
    machine.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
  }

  private static String label(String impl) {
    return switch (impl) {
      case "jdbc" -> "hand-written JDBC";
      case "jooq" -> "jOOQ";
      case "hibernate" -> "Hibernate";
      case "hibernateLazy" -> "Hibernate, naive lazy N+1 (reference)";
      case "copy" -> "COPY (physical limit)";
      default -> impl;
    };
  }

  private static String kept(Path out) throws IOException {
    if (!Files.exists(out)) {
      return "";
    }
    String text = Files.readString(out);
    int at = text.indexOf(KEEP);
    return Optional.of(at).filter(i -> i >= 0).map(i -> text.substring(i + KEEP.length() + 1)).orElse("");
  }
}
