package io.ecto4j.bench;

import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;
import org.openjdk.jmh.runner.IterationType;

/**
 * The figures of a {@link Paired} trial, per measured iteration: each side's median time per
 * operation ({@code paired.ecto4j}, {@code paired.rival}, µs), their ratio ({@code paired.ratio}:
 * ecto4j's median over the rival's, the iteration's two halves timed side by side) and each side's
 * bytes allocated per operation ({@code paired.ecto4j.bytes}, {@code paired.rival.bytes}). JMH averages
 * them over the measured iterations. Nothing for warm-up iterations or other benchmarks.
 */
public final class PairedProfiler implements InternalProfiler {
  static final String ECTO4J = "paired.ecto4j";
  static final String RIVAL = "paired.rival";
  static final String RATIO = "paired.ratio";
  static final String ECTO4J_BYTES = "paired.ecto4j.bytes";
  static final String RIVAL_BYTES = "paired.rival.bytes";

  @Override
  public String getDescription() {
    return "ecto4j and its rival timed side by side";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {}

  @Override
  public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
      IterationResult result) {
    Paired.Pair pair = Paired.Pair.current;
    if (pair == null || iterationParams.getType() != IterationType.MEASUREMENT) {
      return List.of();
    }
    double ecto4j = pair.subjectSide.samples.medianMicros();
    double rival = pair.rivalSide.samples.medianMicros();
    return List.of(
        new ScalarResult(ECTO4J, ecto4j, "µs/op", AggregationPolicy.AVG),
        new ScalarResult(RIVAL, rival, "µs/op", AggregationPolicy.AVG),
        new ScalarResult(RATIO, ecto4j / rival, "×", AggregationPolicy.AVG),
        new ScalarResult(ECTO4J_BYTES, pair.subjectSide.samples.bytesPerOperation(), "B/op", AggregationPolicy.AVG),
        new ScalarResult(RIVAL_BYTES, pair.rivalSide.samples.bytesPerOperation(), "B/op", AggregationPolicy.AVG));
  }
}
