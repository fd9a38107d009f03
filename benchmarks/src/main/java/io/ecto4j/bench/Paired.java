package io.ecto4j.bench;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * W1–W8 timed in pairs: ecto4j and one rival (hand-written JDBC, jOOQ or Hibernate) in one JVM, one
 * operation of each in turn, which of the two goes first alternating, each operation timed and its
 * allocation counted on its own ({@link PairedProfiler} reports each iteration's medians, their
 * ratio and the bytes). Between two {@link Blog} trials the machine's speed moves by more than the
 * 5 % the targets judge (the same hand-written JDBC trial 15–20 % apart minutes apart, on two
 * machines: docs/benchmarks.md, "Twelfth pass"); a slow stretch of it now falls on both sides of a
 * pair alike. Each side runs exactly {@link Blog}'s benchmark method of its workload on a state of
 * its own (the same sequence of ids), so the code timed is the code {@link Blog} times; the rows both
 * sides write are deleted after every iteration, as there. The two states share one pool, so that
 * both run on the same connection and server backend, as a {@link Blog} trial runs on its one, rather
 * than each waking a backend the other side left idle.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class Paired {
  /** The implementations ecto4j is paired with, by the suffix of {@link Blog}'s method names, in report order. */
  static final List<String> RIVALS = List.of("jdbc", "jooq", "hibernate");

  /** A new, unopened {@link Blog} state of {@code implementation}: ecto4j or one of the rivals. */
  static Blog.Base state(String implementation) {
    return switch (implementation) {
      case "ecto4j" -> new Blog.EctoState();
      case "jdbc" -> new Blog.JdbcState();
      case "jooq" -> new Blog.JooqState();
      case "hibernate" -> new Blog.HibernateState();
      default -> throw new IllegalArgumentException(implementation + " is none of ecto4j, " + String.join(", ", RIVALS));
    };
  }

  /** The subject's side and the rival's, and which goes first next. */
  @State(Scope.Benchmark)
  public static class Pair {
    /** The pair of the iteration running, for {@link PairedProfiler}, which runs in the same JVM. */
    static volatile Pair current;

    @Param({"jdbc", "jooq", "hibernate"})
    public String rival;

    /**
     * The side measured against the rival: ecto4j, or for a control the rival's own implementation
     * ({@code -Dbench.subject=jdbc} with the rival {@code jdbc} times JDBC against itself).
     */
    @Param({"ecto4j"})
    public String subject;

    /** The subject's side (ecto4j's but in a control) and the rival's. */
    Side subjectSide;
    Side rivalSide;
    private boolean rivalFirst;

    @Setup
    public void open() throws ReflectiveOperationException {
      subjectSide = new Side(state(subject), subject);
      subjectSide.state.open();
      rivalSide = new Side(state(rival), rival);
      rivalSide.state.open(subjectSide.state.pool);
      current = this;
    }

    @Setup(Level.Iteration)
    public void clear() {
      subjectSide.samples.clear();
      rivalSide.samples.clear();
    }

    /** Both sides' operation of {@code workload}, the first of the two alternating. */
    void run(int workload, Blackhole sink) throws Throwable {
      rivalFirst = !rivalFirst;
      Side first = rivalFirst ? rivalSide : subjectSide;
      Side second = rivalFirst ? subjectSide : rivalSide;
      sink.consume(first.time(workload));
      sink.consume(second.time(workload));
    }

    @TearDown(Level.Iteration)
    public void reset() throws Exception {
      subjectSide.state.reset();
    }

    /**
     * Closes both sides. JMH tears the trial down before the profiler reads the last iteration, so
     * {@link #current} keeps this pair (and its samples) for it; a fork runs one trial.
     */
    @TearDown
    public void close() throws Exception {
      rivalSide.state.close();
      subjectSide.state.close();
    }
  }

  /** One implementation: its {@link Blog} state and benchmark methods, and what its operations took. */
  static final class Side {
    private static final Blog BLOG = new Blog();
    private static final MethodType OPERATION = MethodType.methodType(Object.class, Blog.Base.class);
    private static final com.sun.management.ThreadMXBean THREAD =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();

    final Blog.Base state;
    final Samples samples = new Samples();
    /**
     * {@link Blog}'s {@code w<n>_<implementation>} at index n, as {@code (Base) -> Object}: called
     * with {@code invokeExact}, which unlike {@code Method.invoke} allocates no argument array that
     * would be counted into both sides' bytes.
     */
    private final MethodHandle[] operations = new MethodHandle[9];

    Side(Blog.Base state, String implementation) throws ReflectiveOperationException {
      this.state = state;
      Method[] methods = methods(implementation, state.getClass());
      for (int workload = 1; workload <= 8; workload++) {
        operations[workload] = MethodHandles.publicLookup().unreflect(methods[workload]).bindTo(BLOG).asType(OPERATION);
      }
    }

    /** {@link Blog}'s {@code w<n>_<implementation>(state)} at index n, for n from 1 to 8. */
    static Method[] methods(String implementation, Class<? extends Blog.Base> state) throws NoSuchMethodException {
      Method[] methods = new Method[9];
      for (int workload = 1; workload <= 8; workload++) {
        methods[workload] = Blog.class.getMethod("w" + workload + "_" + implementation, state);
      }
      return methods;
    }

    /**
     * One operation of {@code workload}, timed and its bytes counted; the counting of bytes is outside
     * the timed span.
     */
    Object time(int workload) throws Throwable {
      MethodHandle operation = operations[workload];
      long bytes = THREAD.getCurrentThreadAllocatedBytes();
      long start = System.nanoTime();
      Object result = (Object) operation.invokeExact(state);
      long nanos = System.nanoTime() - start;
      samples.add(nanos, THREAD.getCurrentThreadAllocatedBytes() - bytes);
      return result;
    }
  }

  // One method per workload; JMH makes a trial of each for every rival.
  @Benchmark public void w1(Pair p, Blackhole sink) throws Throwable { p.run(1, sink); }
  @Benchmark public void w2(Pair p, Blackhole sink) throws Throwable { p.run(2, sink); }
  @Benchmark public void w3(Pair p, Blackhole sink) throws Throwable { p.run(3, sink); }
  @Benchmark public void w4(Pair p, Blackhole sink) throws Throwable { p.run(4, sink); }
  @Benchmark public void w5(Pair p, Blackhole sink) throws Throwable { p.run(5, sink); }
  @Benchmark public void w6(Pair p, Blackhole sink) throws Throwable { p.run(6, sink); }
  @Benchmark public void w7(Pair p, Blackhole sink) throws Throwable { p.run(7, sink); }
  @Benchmark public void w8(Pair p, Blackhole sink) throws Throwable { p.run(8, sink); }
}
