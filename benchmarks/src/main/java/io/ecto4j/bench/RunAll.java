package io.ecto4j.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The one command: creates and seeds the benchmark database, measures the processor's compile cost,
 * runs W1–W8 under JMH with {@code -prof gc} and the client CPU profiler, writes
 * {@code docs/benchmarks.md}, drops the database. It runs {@code bench.rounds} rounds (the report
 * takes each benchmark's median across rounds: on a shared machine the time of the same code drifts
 * between minutes, and rounds spread each pair of implementations over the run); each round runs
 * every benchmark client-bound (the judged table: {@code synchronous_commit = off} for the
 * benchmark's database, so writes measure the client, not the disk), then the writes alone
 * commit-bound (the server's default). Before round 1 a discarded trial of each workload settles the
 * server, and each trial is a JMH run of its own, in the order {@link TrialOrder} rotates by round.
 * The judged figures come first, after the settling trials: {@code bench.paired} rounds of {@link
 * Paired} trials, client-bound, ecto4j and each rival in one JVM, their operations taking turns, so
 * that the machine's drift between trials, larger than the 5 % the targets judge, falls on both
 * sides of each ratio alike.
 *
 * <p>System properties: {@code bench.rounds} (default 2; 0 runs no trial-by-trial round),
 * {@code bench.paired} (rounds of paired trials, default 2; 0 skips them), {@code bench.subject}
 * (the side paired with each rival, default {@code ecto4j}; {@code jdbc} with
 * {@code bench.include=w._jdbc$} is the control that times JDBC against itself), {@code bench.warmup} (iterations, default
 * 6), {@code bench.warmupTime} (seconds per warm-up iteration, default 4: on two cores the JIT needs
 * about 20 s to compile ecto4j's write path, see docs/benchmarks.md), {@code bench.iterations}
 * (default 3), {@code bench.time} (seconds per measurement, default 2), {@code bench.include} (a
 * regex of benchmark names, default all), {@code bench.out} (default {@code docs/benchmarks.md}),
 * {@code bench.schemas} (for the processor cost, default 200; 0 skips it), {@code bench.commitBound}
 * (default true; false skips the commit-bound pass of the writes, about a third of the run's time),
 * {@code bench.jfr=true} (adds JMH's JFR profiler, recordings under {@code java.io.tmpdir}),
 * {@code bench.async=/path/to/libasyncProfiler.so} (adds JMH's async-profiler, CPU samples every
 * millisecond as collapsed stacks under {@code java.io.tmpdir}; the library is not a dependency, and
 * the sampling slows the benchmark thread, so such a run shows where the time goes, not how much),
 * {@code bench.database} (the name of the database the run creates and drops, default
 * {@code ecto4j_bench}; another name lets two runs share a server).
 */
public final class RunAll {
  /** The write workloads, the only ones whose time depends on how commits end. */
  private static final String WRITES = "w[3478]_";

  private RunAll() {}

  public static void main(String[] args) throws Exception {
    BenchDb db = new BenchDb(System.getProperty("bench.database", "ecto4j_bench"));
    Path out = Path.of(System.getProperty("bench.out", "docs/benchmarks.md"));
    int schemas = Integer.getInteger("bench.schemas", 200);
    boolean commitBound = Boolean.parseBoolean(System.getProperty("bench.commitBound", "true"));
    String include = System.getProperty("bench.include", ".*");
    List<String> benchmarks = TrialOrder.benchmarks(include);
    if (benchmarks.isEmpty()) {
      throw new IllegalArgumentException("bench.include=" + include + " picks no benchmark of " + Blog.class.getName());
    }
    // Reads do not commit: the commit-bound pass runs only the writes that the include pattern picks.
    List<String> writes = TrialOrder.benchmarks("(?=" + WRITES + ")(?:" + include + ")");
    System.out.println("seeding " + db.url().replaceAll("\\?.*", ""));
    db.create(BenchDb.Size.FULL);
    try {
      SameData.check(db.url());
      ProcessorCost.Result cost = schemas > 0 ? ProcessorCost.measure(schemas) : null;
      System.out.println("processor cost: " + cost);
      Options clientBound = options(db.url(), include);
      int rounds = Integer.getInteger("bench.rounds", 2);
      List<RunResult> client = new ArrayList<>();
      List<RunResult> commit = new ArrayList<>();
      db.commits(BenchDb.Commits.CLIENT_BOUND);
      System.out.println("settling the server: one discarded trial of each workload");
      run(db.url(), TrialOrder.settling(benchmarks));
      int pairedRounds = Integer.getInteger("bench.paired", 2);
      String subject = System.getProperty("bench.subject", "ecto4j");
      List<RunResult> paired = new ArrayList<>();
      for (int round = 1; round <= pairedRounds; round++) {
        System.out.println("paired round " + round + " of " + pairedRounds + ", client-bound (synchronous_commit off)");
        paired.addAll(runPairs(db.url(), TrialOrder.pairs(benchmarks, round, subject), subject));
      }
      for (int round = 1; round <= rounds; round++) {
        System.out.println("round " + round + " of " + rounds + ", client-bound (synchronous_commit off)");
        db.commits(BenchDb.Commits.CLIENT_BOUND);
        client.addAll(run(db.url(), TrialOrder.round(benchmarks, round)));
        if (commitBound) {
          System.out.println("round " + round + " of " + rounds + ", commit-bound (writes wait for the WAL flush)");
          db.commits(BenchDb.Commits.COMMIT_BOUND);
          commit.addAll(run(db.url(), TrialOrder.round(writes, round)));
        }
      }
      Report.write(out, new Report.Runs(client, commit, commitBound, paired), new Report.Rounds(rounds, pairedRounds),
          cost, Machine.describe(db.url()), clientBound);
      System.out.println("wrote " + out.toAbsolutePath());
    } finally {
      db.drop();
    }
  }

  /** Each of {@code trials} (benchmark names) as a JMH run of its own, in that order. */
  private static List<RunResult> run(String url, List<String> trials) throws RunnerException {
    System.out.println("trials in this order: " + String.join(", ", trials));
    List<RunResult> results = new ArrayList<>();
    for (String trial : trials) {
      results.addAll(new Runner(options(url, trial + "$")).run());
    }
    return results;
  }

  /** Each of {@code pairings} as a JMH run of its own ({@link Paired}), in that order. */
  private static List<RunResult> runPairs(String url, List<TrialOrder.Pairing> pairings, String subject)
      throws RunnerException {
    System.out.println("paired trials in this order: " + pairings);
    List<RunResult> results = new ArrayList<>();
    for (TrialOrder.Pairing pairing : pairings) {
      results.addAll(new Runner(trial(url)
          .include(pairing.include())
          .param("rival", pairing.rival())
          .param("subject", subject)
          .addProfiler(PairedProfiler.class)
          .build()).run());
    }
    return results;
  }

  private static Options options(String url, String include) {
    return trial(url)
        .include(TrialOrder.include(include))
        .addProfiler(ClientCpuProfiler.class)
        .build();
  }

  /** What every trial on the benchmark database shares: {@link #timing()}, one thread, the database's URL, the heap. */
  private static ChainedOptionsBuilder trial(String url) {
    return timing()
        .threads(1)
        .jvmArgsAppend("-D" + BenchDb.URL_PROPERTY + "=" + url, "-Xms1g", "-Xmx1g");
  }

  /**
   * What every JMH run of this module shares, from the {@code bench.*} properties: one fork, the
   * warm-up and measurement iterations, {@code -prof gc}, and JFR when asked for.
   */
  public static OptionsBuilder timing() {
    OptionsBuilder builder = new OptionsBuilder();
    if (Boolean.getBoolean("bench.jfr")) {
      builder.addProfiler("jfr", "dir=" + System.getProperty("java.io.tmpdir") + ";configName=profile");
    }
    String asyncProfiler = System.getProperty("bench.async");
    if (asyncProfiler != null) {
      // JFR barely samples a thread that waits on the socket; async-profiler's CPU samples include
      // the driver's and the kernel's work.
      builder.addProfiler("async", "libPath=" + asyncProfiler + ";event=cpu;interval=1000000;output=collapsed;dir="
          + System.getProperty("java.io.tmpdir"));
    }
    builder.forks(1)
        .warmupIterations(Integer.getInteger("bench.warmup", 6))
        .warmupTime(TimeValue.seconds(Integer.getInteger("bench.warmupTime", 4)))
        .measurementIterations(Integer.getInteger("bench.iterations", 3))
        .measurementTime(TimeValue.seconds(Integer.getInteger("bench.time", 2)))
        .addProfiler(GCProfiler.class);
    return builder;
  }
}
