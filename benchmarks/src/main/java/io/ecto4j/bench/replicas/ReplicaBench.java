package io.ecto4j.bench.replicas;

import io.ecto4j.bench.BenchDb;
import io.ecto4j.bench.ClientCpuProfiler;
import io.ecto4j.bench.RunAll;
import io.ecto4j.testing.PostgresProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;

/**
 * The replica benchmark (issue #22), a command of its own because it needs servers of its own: a
 * primary and two streaming replicas ({@link PostgresProcess}: {@code initdb}, {@code pg_basebackup -R},
 * {@code pg_ctl} on free loopback ports in temporary directories, all stopped at the end), the
 * benchmark's seed on the primary, then {@link ReplicaReads} under JMH. Prints a Markdown table of
 * the results (time or throughput, bytes allocated and client CPU per operation) and of which server
 * ran the reads.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar io.ecto4j.bench.replicas.ReplicaBench
 * }</pre>
 *
 * <p>The {@code bench.*} timing properties of {@link RunAll} apply; {@code bench.include} picks
 * benchmarks of {@link ReplicaReads}. Without PostgreSQL's server programs it says so and exits.
 */
public final class ReplicaBench {
  private static final String DATABASE = "ecto4j_bench";

  private ReplicaBench() {}

  public static void main(String[] args) throws Exception {
    PostgresProcess primary;
    try {
      primary = PostgresProcess.create();
    } catch (IllegalStateException e) {
      System.out.println("replica benchmark skipped: it starts a primary and two replicas of its own and could not"
          + " (" + e.getMessage() + ")");
      return;
    }
    List<PostgresProcess> replicas = new ArrayList<>();
    try {
      System.out.println("seeding the primary on port " + primary.port());
      new BenchDb(primary.jdbcUrl("postgres"), DATABASE).create(BenchDb.Size.FULL);
      // A base backup taken after the seed holds it: nothing to wait for before reading.
      replicas.add(primary.replica());
      replicas.add(primary.replica());
      Path share = Files.createTempFile("ecto4j-replica-share", ".txt");
      List<String> urls = replicas.stream().map(r -> r.jdbcUrl(DATABASE)).toList();
      Collection<RunResult> results = new Runner(RunAll.timing()
          .addProfiler(ClientCpuProfiler.class)
          .include(ReplicaReads.class.getName() + "\\." + System.getProperty("bench.include", ".*"))
          .jvmArgsAppend("-D" + ReplicaReads.PRIMARY + "=" + primary.jdbcUrl(DATABASE),
              "-D" + ReplicaReads.REPLICAS + "=" + String.join(",", urls),
              "-D" + ReplicaReads.SHARE_FILE + "=" + share, "-Xms1g", "-Xmx1g")
          .build()).run();
      System.out.println(report(results, Files.readAllLines(share)));
      Files.delete(share);
    } finally {
      for (int i = replicas.size() - 1; i >= 0; i--) {
        replicas.get(i).close();
      }
      primary.close();
    }
  }

  /** The results as Markdown: time or throughput, allocation, and for the throughput runs the servers' shares. */
  static String report(Collection<RunResult> results, List<String> shareLines) {
    Map<String, Map<String, Long>> shares = new LinkedHashMap<>();
    for (String line : shareLines) {
      String[] parts = line.split(" ");
      shares.computeIfAbsent(parts[0], k -> new LinkedHashMap<>()).merge(parts[1], Long.parseLong(parts[2]), Long::sum);
    }
    StringBuilder md = new StringBuilder("| benchmark | result | alloc B/op | client CPU µs/op "
        + "| which server ran the queries |\n|---|---:|---:|---:|---|\n");
    for (RunResult r : results) {
      String name = r.getParams().getBenchmark().replaceAll(".*\\.", "");
      String result = r.getParams().getMode() == Mode.Throughput
          ? String.format(Locale.ROOT, "%,.0f ops/s", r.getPrimaryResult().getScore())
          : String.format(Locale.ROOT, "%.1f µs/op (median)", r.getPrimaryResult().getStatistics().getPercentile(50));
      md.append(String.format(Locale.ROOT, "| %s | %s | %,.0f | %.1f | %s |%n", name, result,
          secondary(r, "gc.alloc.rate.norm"), secondary(r, "cpu.client.norm"),
          percentages(shares.getOrDefault(name, Map.of()))));
    }
    return md.toString();
  }

  private static double secondary(RunResult run, String name) {
    Result<?> result = run.getSecondaryResults().get(name);
    return result == null ? Double.NaN : result.getScore();
  }

  private static String percentages(Map<String, Long> counts) {
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    StringBuilder text = new StringBuilder();
    counts.forEach((server, n) -> text.append(text.length() == 0 ? "" : ", ")
        .append(String.format(Locale.ROOT, "%s %.1f %%", server, 100.0 * n / total)));
    return text.toString();
  }
}
