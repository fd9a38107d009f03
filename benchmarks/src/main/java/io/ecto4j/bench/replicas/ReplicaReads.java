package io.ecto4j.bench.replicas;

import com.zaxxer.hikari.HikariDataSource;
import io.ecto4j.bench.BenchDb;
import io.ecto4j.bench.impl.Ecto;
import io.ecto4j.bench.schema.PostStruct;
import io.ecto4j.bench.schema.Posts;
import io.ecto4j.repo.Replicas;
import io.ecto4j.repo.Repo;
import io.ecto4j.telemetry.QueryEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Reads on one server against a primary with two streaming replicas, started by {@link ReplicaBench}
 * (which passes their URLs to JMH's fork). Two questions:
 *
 * <ul>
 *   <li><b>What routing costs per query</b> ({@code overhead_*}, one thread, time per operation): W1's
 *       get by id on one replica, once through a plain repo on that replica and once through a repo on
 *       the primary routing to that replica. Both run on the same server; the difference is the
 *       routing.
 *   <li><b>Throughput and the replica share</b> ({@code throughput_*}, four threads, operations per
 *       second): W1's get and W2's list of 100 through a repo on the primary alone against one routing
 *       to the two replicas, with a listener counting which server ran each query
 *       ({@code QueryEvent.server()}), written to {@link #SHARE_FILE} at the end of each trial.
 * </ul>
 */
@State(Scope.Benchmark)
public class ReplicaReads {
  static final String PRIMARY = "ecto4j.bench.primary";
  static final String REPLICAS = "ecto4j.bench.replicas";
  static final String SHARE_FILE = "ecto4j.bench.share";

  private final List<HikariDataSource> pools = new ArrayList<>();
  private final AtomicLong next = new AtomicLong();
  private final Map<String, LongAdder> share = new ConcurrentHashMap<>();
  private Repo onReplica;
  private Repo routedToOne;
  private Repo oneServer;
  private Repo withReplicas;

  @Setup
  public void open() {
    HikariDataSource primary = pool(System.getProperty(PRIMARY));
    List<HikariDataSource> replicas = new ArrayList<>();
    for (String url : System.getProperty(REPLICAS).split(",")) {
      replicas.add(pool(url));
    }
    onReplica = Repo.of(replicas.get(0));
    routedToOne = Repo.of(primary).withReplicas(Replicas.of(List.of(replicas.get(0))));
    // Both throughput repos carry the same listener, so both pay for it.
    oneServer = Repo.of(primary).withListener(this::count);
    withReplicas = Repo.of(primary).withListener(this::count).withReplicas(Replicas.of(replicas));
  }

  private HikariDataSource pool(String url) {
    HikariDataSource pool = BenchDb.pool(url);
    pools.add(pool);
    return pool;
  }

  private void count(QueryEvent event) {
    share.computeIfAbsent(event.server(), k -> new LongAdder()).increment();
  }

  /** Post ids 1..10,000 in turn, shared by the threads. */
  private long postId() {
    return next.getAndIncrement() % BenchDb.Size.FULL.posts() + 1;
  }

  /**
   * Appends to {@link #SHARE_FILE} one line per server that ran this trial's queries (warm-up
   * included): {@code benchmark server count}.
   */
  @TearDown
  public void close(BenchmarkParams params) throws IOException {
    String file = System.getProperty(SHARE_FILE);
    if (file != null && !share.isEmpty()) {
      String benchmark = params.getBenchmark().replaceAll(".*\\.", "");
      StringBuilder lines = new StringBuilder();
      new TreeMap<>(share).forEach((server, n) -> lines.append(benchmark).append(' ').append(server).append(' ')
          .append(n.sum()).append('\n'));
      Files.writeString(Path.of(file), lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
    pools.forEach(HikariDataSource::close);
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  @Threads(1)
  public PostStruct overhead_plainRepoOnTheReplica() {
    return onReplica.get(Posts.SCHEMA, postId()).orElseThrow();
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  @Threads(1)
  public PostStruct overhead_routedToTheReplica() {
    return routedToOne.get(Posts.SCHEMA, postId()).orElseThrow();
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(4)
  public PostStruct throughput_w1_oneServer() {
    return oneServer.get(Posts.SCHEMA, postId()).orElseThrow();
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(4)
  public PostStruct throughput_w1_twoReplicas() {
    return withReplicas.get(Posts.SCHEMA, postId()).orElseThrow();
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(4)
  public List<PostStruct> throughput_w2_oneServer() {
    return oneServer.all(Ecto.popularQuery());
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(4)
  public List<PostStruct> throughput_w2_twoReplicas() {
    return withReplicas.all(Ecto.popularQuery());
  }
}
