package io.ecto4j.bench;

import java.nio.file.Path;
import java.util.Collection;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The one command: creates and seeds the benchmark database, measures the processor's compile cost,
 * runs W1–W8 under JMH with {@code -prof gc}, writes {@code docs/benchmarks.md}, drops the database.
 *
 * <p>System properties: {@code bench.warmup} (iterations, default 3), {@code bench.iterations}
 * (default 5), {@code bench.time} (seconds per iteration, default 2), {@code bench.include} (a regex
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
      ProcessorCost.Result cost = schemas > 0 ? ProcessorCost.measure(schemas) : null;
      System.out.println("processor cost: " + cost);
      Options options = options(db.url());
      Collection<RunResult> results = new Runner(options).run();
      Report.write(out, results, cost, Machine.describe(db.url()), options);
      System.out.println("wrote " + out.toAbsolutePath());
    } finally {
      db.drop();
    }
  }

  private static Options options(String url) {
    int seconds = Integer.getInteger("bench.time", 2);
    OptionsBuilder builder = new OptionsBuilder();
    if (Boolean.getBoolean("bench.jfr")) {
      builder.addProfiler("jfr", "dir=" + System.getProperty("java.io.tmpdir") + ";configName=profile");
    }
    return builder
        .include(Blog.class.getName() + "\\." + System.getProperty("bench.include", ".*"))
        .forks(1)
        .threads(1)
        .warmupIterations(Integer.getInteger("bench.warmup", 3))
        .warmupTime(TimeValue.seconds(seconds))
        .measurementIterations(Integer.getInteger("bench.iterations", 5))
        .measurementTime(TimeValue.seconds(seconds))
        .addProfiler(GCProfiler.class)
        .addProfiler(ClientCpuProfiler.class)
        .jvmArgsAppend("-D" + BenchDb.URL_PROPERTY + "=" + url, "-Xms1g", "-Xmx1g")
        .build();
  }
}
