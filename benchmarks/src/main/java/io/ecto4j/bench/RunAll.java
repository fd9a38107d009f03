package io.ecto4j.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The one command: creates and seeds the benchmark database, measures the processor's compile cost,
 * runs W1–W8 under JMH with {@code -prof gc} and the client CPU profiler, {@code bench.rounds} times
 * over (the report takes each benchmark's median across rounds: on a shared machine the time of the
 * same code drifts between minutes, and rounds spread each pair of implementations over the run),
 * writes {@code docs/benchmarks.md}, drops the database.
 *
 * <p>System properties: {@code bench.rounds} (default 2), {@code bench.warmup} (iterations, default
 * 3), {@code bench.warmupTime} (seconds per warm-up iteration, default 2), {@code bench.iterations}
 * (default 3), {@code bench.time} (seconds per measurement, default 2),
 * {@code bench.include} (a regex
 * of benchmark names, default all), {@code bench.out} (default {@code docs/benchmarks.md}),
 * {@code bench.schemas} (for the processor cost, default 200; 0 skips it), {@code bench.jfr=true} (adds
 * JMH's JFR profiler, recordings under {@code java.io.tmpdir}).
 */
public final class RunAll {
  private RunAll() {}

  public static void main(String[] args) throws Exception {
    BenchDb db = new BenchDb("ecto4j_bench");
    Path out = Path.of(System.getProperty("bench.out", "docs/benchmarks.md"));
    int schemas = Integer.getInteger("bench.schemas", 200);
    System.out.println("seeding " + db.url().replaceAll("\\?.*", ""));
    db.create(BenchDb.Size.FULL);
    try {
      SameData.check(db.url());
      ProcessorCost.Result cost = schemas > 0 ? ProcessorCost.measure(schemas) : null;
      System.out.println("processor cost: " + cost);
      Options options = options(db.url());
      int rounds = Integer.getInteger("bench.rounds", 2);
      List<RunResult> results = new ArrayList<>();
      for (int round = 1; round <= rounds; round++) {
        System.out.println("round " + round + " of " + rounds);
        results.addAll(new Runner(options).run());
      }
      Report.write(out, results, rounds, cost, Machine.describe(db.url()), options);
      System.out.println("wrote " + out.toAbsolutePath());
    } finally {
      db.drop();
    }
  }

  private static Options options(String url) {
    int seconds = Integer.getInteger("bench.time", 2);
    int warmupSeconds = Integer.getInteger("bench.warmupTime", 2);
    OptionsBuilder builder = new OptionsBuilder();
    if (Boolean.getBoolean("bench.jfr")) {
      builder.addProfiler("jfr", "dir=" + System.getProperty("java.io.tmpdir") + ";configName=profile");
    }
    return builder
        .include(Blog.class.getName() + "\\." + System.getProperty("bench.include", ".*"))
        .forks(1)
        .threads(1)
        .warmupIterations(Integer.getInteger("bench.warmup", 3))
        .warmupTime(TimeValue.seconds(warmupSeconds))
        .measurementIterations(Integer.getInteger("bench.iterations", 3))
        .measurementTime(TimeValue.seconds(seconds))
        .addProfiler(GCProfiler.class)
        .addProfiler(ClientCpuProfiler.class)
        .jvmArgsAppend("-D" + BenchDb.URL_PROPERTY + "=" + url, "-Xms1g", "-Xmx1g")
        .build();
  }
}
