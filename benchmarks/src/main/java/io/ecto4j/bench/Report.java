package io.ecto4j.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
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
      List.of("jdbc", "jdbcBatch", "jdbcValues", "ecto4j", "jooq", "hibernate", "hibernateLazy", "copy");
  private static final Map<String, String> WORKLOADS = Map.of(
      "w1", "W1 get a post by a random id",
      "w2", "W2 published posts, view_count > 100, newest first, limit 100",
      "w3", "W3 insert one post, returning it with its id",
      "w4", "W4 insert 1,000 comments in one call",
      "w5", "W5 100 posts with their authors and comments",
      "w6", "W6 top 5 posts by comment count",
      "w7", "W7 increment view_count of one author's published posts",
      "w8", "W8 a post and its first comment in one transaction");

  /**
   * One benchmark: per round (in run order) its median time and client CPU per operation; the figures
   * reported are medians across the rounds.
   */
  record Row(double[] times, double[] cpus, double allocBytes) {
    static Row of(List<RunResult> rounds) {
      return new Row(rounds.stream().mapToDouble(r -> r.getPrimaryResult().getStatistics().getPercentile(50)).toArray(),
          rounds.stream().mapToDouble(r -> secondary(r, "cpu.client.norm")).toArray(),
          median(rounds.stream().mapToDouble(r -> secondary(r, "gc.alloc.rate.norm")).toArray()));
    }

    double medianMicros() {
      return median(times);
    }

    double cpuMicros() {
      return median(cpus);
    }

    double fastestMicros() {
      return Arrays.stream(times).min().orElse(Double.NaN);
    }

    double slowestMicros() {
      return Arrays.stream(times).max().orElse(Double.NaN);
    }

    /**
     * This row against {@code other}, round by round, then the median of those ratios: the two ran
     * within a minute of each other in each round, so the machine's drift between rounds cancels.
     */
    double timeRatio(Row other) {
      return pairedRatio(times, other.times);
    }

    double cpuRatio(Row other) {
      return pairedRatio(cpus, other.cpus);
    }

    private static double pairedRatio(double[] mine, double[] theirs) {
      int n = Math.min(mine.length, theirs.length);
      double[] ratios = new double[n];
      for (int i = 0; i < n; i++) {
        ratios[i] = mine[i] / theirs[i];
      }
      return median(ratios);
    }
  }

  /**
   * One pairing of a workload over the rounds ({@link Paired}): per round, ecto4j's and the rival's
   * median time per operation and their ratio, each the average of the round's measured iterations;
   * the bytes per operation, the median over the rounds.
   */
  record PairRow(double[] ratios, double[] ecto4j, double[] rival, double ecto4jBytes, double rivalBytes) {
    static PairRow of(List<RunResult> rounds) {
      return new PairRow(figure(rounds, PairedProfiler.RATIO), figure(rounds, PairedProfiler.ECTO4J),
          figure(rounds, PairedProfiler.RIVAL), median(figure(rounds, PairedProfiler.ECTO4J_BYTES)),
          median(figure(rounds, PairedProfiler.RIVAL_BYTES)));
    }

    private static double[] figure(List<RunResult> rounds, String name) {
      return rounds.stream().mapToDouble(r -> secondary(r, name)).toArray();
    }

    /** ecto4j's time over the rival's: the median of the rounds' ratios. */
    double ratio() {
      return median(ratios);
    }

    double bytesRatio() {
      return ecto4jBytes / rivalBytes;
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private Report() {}

  /**
   * What one run measured: the client-bound pass (judged), the commit-bound pass of the writes, and
   * whether that pass was asked for.
   */
  record Runs(Collection<RunResult> clientBound, Collection<RunResult> commitBound, boolean commitBoundAsked,
      Collection<RunResult> paired) {}

  /** How many rounds of trials one implementation at a time, and how many of paired trials. */
  record Rounds(int trials, int paired) {}

  static void write(Path out, Runs runs, Rounds rounds, ProcessorCost.Result cost, Map<String, String> machine,
      Options options) throws IOException {
    Map<String, Map<String, Row>> client = table(runs.clientBound());
    StringBuilder md = new StringBuilder();
    header(md, options, rounds);
    paired(md, pairs(runs.paired()));
    md.append("## Client-bound, one implementation per trial\n\n`synchronous_commit = off` for the benchmark's "
        + "database: a commit does not wait for the WAL flush, so a write measures the client and the server's "
        + "work, not the disk. Each implementation's trial is a JVM of its own, as an application runs one "
        + "library; two trials of the same code minutes apart differ by more than the targets' 5 % on this "
        + "kind of machine, so the targets are judged on the paired table above.\n\n");
    if (client.isEmpty()) {
      md.append("Not run this time (`-Dbench.rounds=0`).\n");
    } else {
      results(md, client);
      summary(md, client);
    }
    md.append("\n## Commit-bound (writes only)\n\nThe server's default: every commit waits for its WAL flush. "
        + "Reads do not commit, so only W3, W4, W7 and W8 run in this pass, after the client-bound one of each "
        + "round.\n\n");
    if (runs.commitBound().isEmpty()) {
      md.append(runs.commitBoundAsked() ? "Nothing to run: the include pattern picked no write.\n"
          : "Not run this time (`-Dbench.commitBound=false`).\n");
    } else {
      results(md, table(runs.commitBound()));
    }
    processor(md, cost);
    machine(md, machine);
    md.append('\n').append(KEEP).append('\n').append(kept(out));
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, md.toString());
  }

  /** Workload → implementation → its row over the rounds, from method names {@code w<n>_<implementation>}. */
  private static Map<String, Map<String, Row>> table(Collection<RunResult> results) {
    Map<String, List<RunResult>> byMethod = new TreeMap<>();
    for (RunResult r : results) {
      byMethod.computeIfAbsent(r.getParams().getBenchmark().replaceAll(".*\\.", ""), k -> new ArrayList<>()).add(r);
    }
    Map<String, Map<String, Row>> table = new TreeMap<>();
    byMethod.forEach((method, runs) -> {
      String[] parts = method.split("_", 2);
      table.computeIfAbsent(parts[0], k -> new TreeMap<>()).put(parts[1], Row.of(runs));
    });
    return table;
  }

  private static double secondary(RunResult run, String name) {
    Result<?> result = run.getSecondaryResults().get(name);
    return result == null ? Double.NaN : result.getScore();
  }

  private static void header(StringBuilder md, Options options, Rounds rounds) {
    md.append("""
        # Benchmarks

        ecto4j against hand-written JDBC, jOOQ and Hibernate on one schema and one seed. Run everything —
        seed, processor cost, JMH, this file — with one command from the repository root:

        ```sh
        mvn -B -pl benchmarks -am package -DskipTests && java -jar benchmarks/target/benchmarks.jar
        ```

        `ECTO4J_BENCH_DATABASE_URL` (a JDBC URL of any database on the server) picks another PostgreSQL
        than `127.0.0.1:5432` as `postgres`; the run creates the database `ecto4j_bench` there and drops it
        at the end. The targets are judged on **paired trials** (`Paired`): for each workload, ecto4j and
        one rival (hand-written JDBC, jOOQ, Hibernate) in one JVM, one operation of each in turn, each
        timed on its own, so that the machine's drift (two trials of the same code minutes apart differ
        by more than the targets' 5 % on these machines; below the line) falls on both sides of a ratio
        alike. They run **client-bound** (`ALTER DATABASE ecto4j_bench SET synchronous_commit = off`: the
        database's own setting, never the server's configuration), `-Dbench.paired=2` rounds of them.
        Before them, each of `-Dbench.rounds=2` rounds runs every benchmark one implementation per trial
        (a JVM of its own, as an application runs one library), client-bound, and then the writes W3, W4,
        W7, W8 **commit-bound** (the server's default): the second and third tables. Before round 1 one
        discarded trial of each workload (hand-written JDBC's) settles the server, and each round rotates
        the order of a workload's implementations (and of the rivals paired), so that none is always
        its workload's first trial. `-Dbench.warmup=6 -Dbench.warmupTime=4 -Dbench.iterations=3
        -Dbench.time=2` (the defaults; on an idle two-core machine the paired rounds take about 13
        minutes each, the others 20 client-bound and 10 commit-bound, the settling trials 5) set the JMH
        iterations — 24 s of warm-up, since
        with 6 s ecto4j's writes were still being compiled by the JIT when measured (W3 at 1.35× of
        JDBC with 6 s, 0.99× with 24 s; below the line) —, `-Dbench.commitBound=false` skips the
        commit-bound pass,
        `-Dbench.include=w5_.*` picks benchmarks (a workload is paired when ecto4j's and a rival's are
        picked). `mvn -pl benchmarks verify` runs only untimed tests:
        the smoke test (`BlogTest`: on a small seed every implementation returns the same data for every
        workload), the trial order's (`TrialOrderTest`), the pairs' (`PairedTest`: each side runs
        the benchmark method of its own trial) and the processor cost's (`ProcessorCostTest`: the files
        a compile creates, on the disk and in memory, counted for two schemas; the report's table).
        Before timing, the run itself checks on the full seed that ecto4j, jOOQ
        and Hibernate read what JDBC reads (W1, W2, W5, W6), and stops if one does not. The replica
        benchmark (primary + 2 streaming replicas of its own) is a separate command, below the line.

        The seed: 1,000 users, 10,000 posts (10 per user, half published, view counts 0–1000), 100,000
        comments (10 per post), indexes on posts(author_id), posts(published, inserted_at),
        comments(post_id), loaded with COPY; posts keeps a fifth of each page free for W7's updates
        (`fillfactor = 80`). Every read materialises all columns into objects; every operation takes a
        connection from a HikariCP pool (4 connections, same settings for all) and gives it back. After
        each iteration the rows written are deleted, posts (and comments, when the iteration added
        some) rewritten in key order (`CLUSTER`) and vacuumed, so every iteration starts from the
        seed's layout; the harness does all vacuuming (autovacuum is off on these tables). The
        implementations are in
        `benchmarks/src/main/java/io/ecto4j/bench/impl/`; the hand-written JDBC baseline is the fastest
        plain JDBC we could write for each workload (how each was checked: below the line).

        """);
    md.append(String.format(Locale.ROOT,
        "This run: JMH %s, %d rounds of paired trials and %d of every benchmark one implementation at a time, "
            + "each trial 1 fork, %d warm-up × %s, %d measurements × %s; the paired trials with `PairedProfiler`, "
            + "the others in `Mode.SampleTime` with `-prof gc` and the client CPU profiler (`ClientCpuProfiler`).%n%n",
        org.openjdk.jmh.util.Version.getPlainVersion(), rounds.paired(), rounds.trials(),
        options.getWarmupIterations().orElse(0), options.getWarmupTime().orElse(null),
        options.getMeasurementIterations().orElse(0), options.getMeasurementTime().orElse(null)));
  }

  private static void results(StringBuilder md, Map<String, Map<String, Row>> table) {
    md.append("Median time per operation (µs; the median of the rounds' medians, with their range),"
        + " its ratio to hand-written JDBC (the median of the rounds' ratios), the bytes "
        + "allocated per operation (`gc.alloc.rate.norm`), and the CPU time of the benchmark thread per "
        + "operation (`cpu.client.norm`: the library's and the driver's own work, without waiting for PostgreSQL, "
        + "JIT and GC threads excluded) with its ratio to JDBC's.\n\n");
    md.append("| workload | implementation | median µs/op | rounds | × JDBC | alloc B/op | client CPU µs/op | CPU × JDBC |\n"
        + "|---|---|---:|---:|---:|---:|---:|---:|\n");
    table.forEach((w, rows) -> {
      Row jdbc = rows.get("jdbc");
      for (String impl : IMPLEMENTATIONS) {
        Row r = rows.get(impl);
        if (r != null) {
          md.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %.0f–%.0f | %s | %,.0f | %.1f | %s |%n",
              WORKLOADS.getOrDefault(w, w), label(impl), r.medianMicros(), r.fastestMicros(), r.slowestMicros(),
              jdbc == null ? "" : times(r.timeRatio(jdbc)), r.allocBytes(), r.cpuMicros(),
              jdbc == null ? "" : times(r.cpuRatio(jdbc))));
        }
      }
    });
  }

  private static String times(double ratio) {
    return String.format(Locale.ROOT, "%.2f×", ratio);
  }

  private static void summary(StringBuilder md, Map<String, Map<String, Row>> table) {
    md.append("\n### The targets on these trials (for comparison)\n\nThe same criteria as above on the trials one "
        + "implementation at a time (Hibernate: its best variant), with the client CPU ratio beside them.\n\n"
        + "| workload | ecto4j × JDBC | within bound | faster than jOOQ | faster than Hibernate | alloc × JDBC "
        + "| ≤ 1.5× | client CPU × JDBC |\n"
        + "|---|---:|:-:|:-:|:-:|---:|:-:|---:|\n");
    table.forEach((w, rows) -> {
      Row e = rows.get("ecto4j");
      Row j = rows.get("jdbc");
      if (e == null || j == null) {
        return;
      }
      double ratio = e.timeRatio(j);
      double alloc = e.allocBytes() / j.allocBytes();
      md.append(String.format(Locale.ROOT, "| %s | %.2f× | %s | %s | %s | %s | %s | %s |%n", w.toUpperCase(Locale.ROOT),
          ratio, mark(ratio <= timeBound(w)), faster(e, rows.get("jooq")),
          faster(e, rows.get("hibernate")), times(alloc), mark(alloc <= 1.5), times(e.cpuRatio(j))));
    });
  }

  /** Workload → rival → its row over the rounds, from {@link Paired}'s method names and its {@code rival} parameter. */
  private static Map<String, Map<String, PairRow>> pairs(Collection<RunResult> results) {
    Map<String, Map<String, List<RunResult>>> byPairing = new TreeMap<>();
    for (RunResult r : results) {
      byPairing.computeIfAbsent(r.getParams().getBenchmark().replaceAll(".*\\.", ""), k -> new TreeMap<>())
          .computeIfAbsent(r.getParams().getParam("rival"), k -> new ArrayList<>()).add(r);
    }
    Map<String, Map<String, PairRow>> table = new TreeMap<>();
    byPairing.forEach((workload, rivals) -> rivals.forEach((rival, runs) ->
        table.computeIfAbsent(workload, k -> new TreeMap<>()).put(rival, PairRow.of(runs))));
    return table;
  }

  private static void paired(StringBuilder md, Map<String, Map<String, PairRow>> table) {
    md.append("## Paired, client-bound (judged)\n\n");
    if (table.isEmpty()) {
      md.append("Not run this time (`-Dbench.paired=0`).\n\n");
      return;
    }
    md.append("ecto4j and one rival in one JVM (`Paired`), one operation of each in turn (which goes first "
        + "alternating), each timed on its own: a slow stretch of the machine falls on both sides of the ratio "
        + "alike. Each side runs the same benchmark method as its trial below; the two share one pool (one "
        + "connection, one server backend, as a trial alone uses). Per round, each "
        + "side's median time per operation and their ratio (averaged over the measured iterations); the table "
        + "gives the median of the rounds' figures and the range of the ratio, and the bytes each side's "
        + "thread allocated per operation (`ThreadMXBean`, outside the timed span).\n\n"
        + "| workload | rival | ecto4j µs/op | rival µs/op | ecto4j × rival | rounds | ecto4j B/op | rival B/op |\n"
        + "|---|---|---:|---:|---:|---:|---:|---:|\n");
    table.forEach((w, rivals) -> Paired.RIVALS.forEach(rival -> {
      PairRow r = rivals.get(rival);
      if (r != null) {
        md.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %.1f | %s | %.2f–%.2f | %,.0f | %,.0f |%n",
            WORKLOADS.getOrDefault(w, w), label(rival), median(r.ecto4j()), median(r.rival()), times(r.ratio()),
            Arrays.stream(r.ratios()).min().orElse(Double.NaN), Arrays.stream(r.ratios()).max().orElse(Double.NaN),
            r.ecto4jBytes(), r.rivalBytes()));
      }
    }));
    md.append("\n### Targets\n\necto4j within 1.05× of hand-written JDBC (W5 within 1.10×) and faster than jOOQ "
        + "and Hibernate on the median time, allocating at most 1.5× JDBC's bytes per operation; all from the "
        + "paired trials.\n\n"
        + "| workload | ecto4j × JDBC | within bound | × jOOQ | faster than jOOQ | × Hibernate | faster than Hibernate "
        + "| alloc × JDBC | ≤ 1.5× |\n"
        + "|---|---:|:-:|---:|:-:|---:|:-:|---:|:-:|\n");
    table.forEach((w, rivals) -> {
      PairRow jdbc = rivals.get("jdbc");
      md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", w.toUpperCase(Locale.ROOT),
          jdbc == null ? "–" : times(jdbc.ratio()),
          jdbc == null ? "–" : mark(jdbc.ratio() <= timeBound(w)),
          ratio(rivals.get("jooq")), ahead(rivals.get("jooq")), ratio(rivals.get("hibernate")),
          ahead(rivals.get("hibernate")), jdbc == null ? "–" : times(jdbc.bytesRatio()),
          jdbc == null ? "–" : mark(jdbc.bytesRatio() <= 1.5)));
    });
    md.append('\n');
  }

  /** #21's bound on ecto4j's time over JDBC's: 1.10× for W5 (the preloads), 1.05× for the others. */
  private static double timeBound(String workload) {
    return workload.equals("w5") ? 1.10 : 1.05;
  }

  private static String ratio(PairRow row) {
    return row == null ? "–" : times(row.ratio());
  }

  private static String ahead(PairRow row) {
    return row == null ? "–" : mark(row.ratio() < 1);
  }

  private static String faster(Row ecto, Row other) {
    return other == null ? "–" : mark(ecto.timeRatio(other) < 1);
  }

  private static String mark(boolean met) {
    return met ? "yes" : "**no**";
  }

  static void processor(StringBuilder md, ProcessorCost.Result cost) {
    md.append("\n## Processor cost\n\n");
    if (cost == null) {
      md.append("Not measured in this run (`-Dbench.schemas=0`).\n");
      return;
    }
    md.append(String.format(Locale.ROOT, """
        javac (in-process, `javax.tools.JavaCompiler`, warm: median of 7 compiles after 6 warm-up
        compiles, with and without alternating; the processor's classes loaded afresh for each
        compile, as a build loads them) over %d generated `@Schema` interfaces (6 fields,
        timestamps, a `@BelongsTo` to the previous one), the compiles' output on the disk (the
        temporary directory, as a build's `target`) and in memory (a tmpfs), in turn. A compile
        with the processor creates %,d files (%d generated sources, their classes, the schema
        resources), one without %,d.

        | | on the disk | in memory |
        |---|---:|---:|
        | without the processor (`-proc:none`) | %,d ms | %s |
        | with the ecto4j processor | %,d ms (the 7 compiles %,d–%,d) | %s |
        | the processor's cost | %,d ms, %.1f ms per schema | %s |
        """, cost.schemas(), cost.filesWith(), cost.generatedFiles(), cost.filesWithout(),
        cost.disk().withoutMillis(), memory(cost, m -> String.format(Locale.ROOT, "%,d ms", m.withoutMillis())),
        cost.disk().withMillis(), cost.disk().fastestWithMillis(), cost.disk().slowestWithMillis(),
        memory(cost, m -> String.format(Locale.ROOT, "%,d ms (the 7 compiles %,d–%,d)", m.withMillis(),
            m.fastestWithMillis(), m.slowestWithMillis())),
        cost.disk().costMillis(), cost.disk().costMillis() / (double) cost.schemas(),
        memory(cost, m -> String.format(Locale.ROOT, "%,d ms, %.1f ms per schema", m.costMillis(),
            m.costMillis() / (double) cost.schemas()))));
    if (cost.coldWithoutMillis() < 0) {
      md.append("\nCold compiles not measured: this Java has no `bin/javac`.\n");
      return;
    }
    md.append(String.format(Locale.ROOT, """

        The same compiles cold, each a `javac` process of its own (wall time, median of 3, on the
        disk), as one `mvn compile` pays them: javac, the processor and JavaPoet start
        interpreted, and the JIT compiles them on the other core meanwhile.

        | | time |
        |---|---:|
        | without the processor, cold | %,d ms |
        | with the ecto4j processor, cold | %,d ms |
        | the processor's cost, cold | %,d ms |
        """, cost.coldWithoutMillis(), cost.coldWithMillis(), cost.coldWithMillis() - cost.coldWithoutMillis()));
  }

  /** A figure of the in-memory compiles, or a dash where this machine has no tmpfs to put them on. */
  private static String memory(ProcessorCost.Result cost, Function<ProcessorCost.Warm, String> figure) {
    return cost.memory() == null ? "–" : figure.apply(cost.memory());
  }

  private static void machine(StringBuilder md, Map<String, String> machine) {
    md.append("\n## Machine and versions\n\n| | |\n|---|---|\n");
    machine.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
  }

  private static String label(String impl) {
    return switch (impl) {
      case "jdbc" -> "hand-written JDBC";
      case "jdbcBatch" -> "JDBC `addBatch` (reference)";
      case "jdbcValues" -> "JDBC multi-row `VALUES` (reference)";
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
