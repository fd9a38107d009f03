package io.ecto4j.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * The CPU time of the benchmark's worker thread per operation ({@code cpu.client.norm}, µs/op): the
 * library's and the driver's own work, without the time spent waiting for PostgreSQL, and without the
 * JIT's and the GC's threads (allocation is reported by {@code -prof gc}; compiling more code in a
 * short warm-up says nothing of steady state). On a shared two-core machine the median wall time of a
 * database round trip drifts by ±20 % between runs of the same code; CPU time per operation does not,
 * so it tells the implementations' overhead apart where wall time cannot.
 */
public final class ClientCpuProfiler implements InternalProfiler {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private long startNanos;

  @Override
  public String getDescription() {
    return "process CPU time per operation";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
    startNanos = workerCpuNanos();
  }

  @Override
  public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
      IterationResult result) {
    long cpu = workerCpuNanos() - startNanos;
    long ops = result.getMetadata().getMeasuredOps();
    double perOp = ops == 0 ? Double.NaN : cpu / 1e3 / ops;
    return List.of(new ScalarResult("cpu.client.norm", perOp, "µs/op", AggregationPolicy.AVG));
  }

  /** The CPU time of JMH's worker threads, which run the benchmark method and nothing else. */
  private static long workerCpuNanos() {
    long total = 0;
    for (ThreadInfo thread : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
      if (thread != null && thread.getThreadName().contains("jmh-worker")) {
        total += Math.max(0, THREADS.getThreadCpuTime(thread.getThreadId()));
      }
    }
    return total;
  }
}
