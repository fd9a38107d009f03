package io.ecto4j.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;
import javax.annotation.processing.Processor;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The processor's cost: javac over {@code n} generated {@code @Schema} interfaces, once with
 * {@code -proc:none} and once with the ecto4j processor, each timed as the median of
 * {@value #RUNS} compiles after {@value #WARMUPS} warm-up compiles, the two alternating.
 *
 * <p>Why so many warm-ups: an in-process javac is not warm after one compile of the generated code.
 * Its time with the processor falls over the first five or six compiles (to a third of the first
 * one's on the two-core machine of docs/benchmarks.md) while the JIT compiles javac's paths through
 * the 400 new sources; after one warm-up the median measured the JIT more than the processor. The
 * processor's own classes are still loaded afresh by javac for every compile ({@code -processorpath}),
 * cold as every build pays them; {@link #coldMedian} measures the whole compile cold.
 *
 * <p>{@link #measure} times the warm compiles twice, in turn: with their output on the disk and in
 * memory ({@link #MEMORY}), because on this project's machines creating a file on the disk costs
 * up to 90 times what it does in memory, and by how much moves with where the file system puts the
 * directory; the other modes write where {@code java.io.tmpdir} says
 * ({@code -Djava.io.tmpdir=/dev/shm} keeps the disk out of a comparison).
 *
 * <p>{@link #main} measures the same compiles in CPU time of the compiling thread (javac and the
 * processor run on the caller's thread), which a loaded machine moves far less than wall time; run
 * each variant of the processor in a JVM of its own, alternating, and compare medians:
 * {@code java -cp benchmarks.jar io.ecto4j.bench.ProcessorCost [schemas] [runs]}.
 *
 * <p>Two builds of the processor compare best in one JVM:
 * {@code java -cp benchmarks.jar io.ecto4j.bench.ProcessorCost compare old.jar new.jar [schemas] [runs]}
 * compiles with each jar (say the {@code benchmarks.jar} of each commit) as class path and with
 * its processors, alternating which goes first, so that both meet the same machine and the same
 * warm javac. Each jar's processors are loaded once, in a class loader of their own beside this
 * JVM's class path, and warm up as {@link #measure}'s do.
 */
final class ProcessorCost {
  /**
   * Warm in-process wall times with the compiles' directories on the disk (the temporary directory,
   * as a build's {@code target}) and, where this machine has one, in memory ({@value #MEMORY}; null
   * without); the files one compile without and one with the processor create; and the same compiles
   * as cold ones: each a {@code javac} process of its own, as one {@code mvn compile} pays (javac,
   * the processor and JavaPoet interpreted until the JIT catches up), on the disk; a cold time is -1
   * when this Java has no {@code bin/javac}.
   */
  record Result(int schemas, Warm disk, Warm memory, long generatedFiles, long filesWithout, long filesWith,
      long coldWithoutMillis, long coldWithMillis) {}

  /** The medians of {@value #RUNS} warm compiles without and with the processor, and the range of those with it. */
  record Warm(long withoutMillis, long withMillis, long fastestWithMillis, long slowestWithMillis) {
    static Warm of(long[] without, long[] with) {
      return new Warm(median(without), median(with), Arrays.stream(with).min().orElseThrow(),
          Arrays.stream(with).max().orElseThrow());
    }

    /** What the processor adds to a compile. */
    long costMillis() {
      return withMillis - withoutMillis;
    }
  }

  /**
   * Where the in-memory compiles write: a tmpfs on Linux. Creating a file costs this project's
   * virtual machines 0.016–0.9 ms of kernel time on their disk, depending on where the file system
   * puts it, against 0.01 ms in memory; a compile with the processor creates a thousand files more
   * than one without, so the disk alone moves the processor's cost by most of a second between
   * runs (docs/benchmarks.md, "Fifteenth pass"). The two figures side by side say how much of a
   * run's cost was the processor and javac, and how much the file system.
   */
  private static final String MEMORY = "/dev/shm";

  /** Measured warm compiles of each kind; their median is the result. */
  private static final int RUNS = 7;
  /** Warm-up compiles of each kind before those measured: what javac needs to stop getting faster. */
  private static final int WARMUPS = 6;
  /** Cold compiles of each kind, each a process of its own. */
  private static final int COLD_RUNS = 3;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private ProcessorCost() {}

  /**
   * Prints the CPU milliseconds of each compile without and with the processor ({@value #WARMUPS}
   * warm-ups each, then {@code runs} of each, alternating) and their medians; with {@code measure
   * [schemas]} as arguments, {@link #measure}'s result instead.
   */
  public static void main(String[] args) throws IOException {
    if (args.length >= 1 && args[0].equals("measure")) {
      System.out.println(measure(args.length > 1 ? Integer.parseInt(args[1]) : 200));
      return;
    }
    if (args.length >= 3 && args[0].equals("compare")) {
      compare(args[1], args[2], args.length > 3 ? Integer.parseInt(args[3]) : 200,
          args.length > 4 ? Integer.parseInt(args[4]) : 8);
      return;
    }
    int schemas = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Path dir = Files.createTempDirectory("ecto4j-processor-cost");
    List<Path> sources = write(dir.resolve("src"), schemas);
    long[][] times = alternate(dir, sources, runs, ProcessorCost::cpuMillis);
    long[] without = times[0];
    long[] with = times[1];
    System.out.println("schemas " + schemas + ", CPU ms without " + Arrays.toString(without) + ", with "
        + Arrays.toString(with));
    long medianWithout = median(without);
    long medianWith = median(with);
    System.out.println("median CPU ms: without " + medianWithout + ", with " + medianWith + ", cost "
        + (medianWith - medianWithout));
  }

  /**
   * Prints the wall and CPU milliseconds of compiles with the processor of {@code jarA} and of
   * {@code jarB} ({@value #WARMUPS} warm-ups of each, then {@code runs} of each, the first of every pair
   * alternating), their medians, and the median of the same compile without a processor.
   */
  static void compare(String jarA, String jarB, int schemas, int runs) throws IOException {
    Path dir = Files.createTempDirectory("ecto4j-processor-compare");
    List<Path> sources = write(dir.resolve("src"), schemas);
    List<String> jars = List.of(jarA, jarB);
    List<ClassLoader> loaders = new ArrayList<>();
    for (String jar : jars) {
      loaders.add(new URLClassLoader(new URL[] {Path.of(jar).toUri().toURL()}, ClassLoader.getPlatformClassLoader()));
    }
    long[][] wall = new long[2][runs];
    long[][] cpu = new long[2][runs];
    long[] without = new long[runs];
    for (int r = 0; r < WARMUPS; r++) {
      for (int build = 0; build < 2; build++) {
        compile(dir, sources, jars.get(build), loaders.get(build));
      }
    }
    for (int r = 0; r < runs; r++) {
      for (int i = 0; i < 2; i++) {
        int build = r % 2 == 0 ? i : 1 - i;
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        compile(dir, sources, jars.get(build), loaders.get(build));
        wall[build][r] = (System.nanoTime() - start) / 1_000_000;
        cpu[build][r] = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
      }
      long start = System.nanoTime();
      compile(dir, sources, jarA, null);
      without[r] = (System.nanoTime() - start) / 1_000_000;
    }
    for (int build = 0; build < 2; build++) {
      System.out.println(jars.get(build) + ": wall ms " + Arrays.toString(wall[build]) + ", median " + median(wall[build])
          + " (cost " + (median(wall[build]) - median(without)) + "); CPU ms median " + median(cpu[build]));
    }
    System.out.println("without the processor: wall ms median " + median(without));
  }

  /** A compile with {@code jar} as class path and the processors {@code loader} finds; none for a null loader. */
  private static void compile(Path dir, List<Path> sources, String jar, ClassLoader loader) throws IOException {
    if (loader == null) {
      compile(sources, options(dir, jar, List.of("-proc:none")), null);
      return;
    }
    List<Processor> processors = new ArrayList<>();
    ServiceLoader.load(Processor.class, loader).forEach(processors::add);
    compile(sources, options(dir, jar, List.of()), processors);
  }

  private static long cpuMillis(Path dir, List<Path> sources, boolean processor) throws IOException {
    long start = THREADS.getCurrentThreadCpuTime();
    compile(dir, sources, processor);
    return (THREADS.getCurrentThreadCpuTime() - start) / 1_000_000;
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  static Result measure(int schemas) throws IOException {
    Path disk = Files.createTempDirectory("ecto4j-processor-cost");
    Path memory = Files.isDirectory(Path.of(MEMORY)) && Files.isWritable(Path.of(MEMORY))
        ? Files.createTempDirectory(Path.of(MEMORY), "ecto4j-processor-cost") : null;
    List<Path> places = memory == null ? List.of(disk) : List.of(disk, memory);
    List<List<Path>> sources = new ArrayList<>();
    for (Path place : places) {
      sources.add(write(place.resolve("src"), schemas));
    }
    long[][][] times = alternate(places, sources, RUNS, ProcessorCost::wallMillis);
    long filesWithout = filesCreated(disk, sources.get(0), false);
    long filesWith = filesCreated(disk, sources.get(0), true);
    long generated;
    try (var files = Files.walk(disk.resolve("gen"))) {
      generated = files.filter(f -> f.toString().endsWith(".java")).count();
    }
    Result result = new Result(schemas, Warm.of(times[0][0], times[0][1]),
        memory == null ? null : Warm.of(times[1][0], times[1][1]), generated, filesWithout, filesWith,
        coldMedian(disk, sources.get(0), false), coldMedian(disk, sources.get(0), true));
    if (memory != null) {
      delete(memory);
    }
    return result;
  }

  /** The files one compile creates in its output directories: class files, generated sources, resources. */
  private static long filesCreated(Path dir, List<Path> sources, boolean processor) throws IOException {
    compile(dir, sources, processor);
    long created = 0;
    for (String output : List.of("classes", "gen")) {
      try (var files = Files.walk(dir.resolve(output))) {
        created += files.filter(Files::isRegularFile).count();
      }
    }
    return created;
  }

  /** The median wall time of {@link #COLD_RUNS} compiles, each by a fresh {@code javac} process; -1 without one. */
  private static long coldMedian(Path dir, List<Path> sources, boolean processor) throws IOException {
    Path javac = Path.of(System.getProperty("java.home"), "bin", "javac");
    if (!Files.isExecutable(javac)) {
      return -1;
    }
    Path errors = dir.resolve("javac-errors.txt");
    long[] millis = new long[COLD_RUNS];
    for (int r = 0; r < COLD_RUNS; r++) {
      List<String> command = new ArrayList<>(List.of(javac.toString()));
      command.addAll(options(dir, processor));
      sources.forEach(source -> command.add(source.toString()));
      long start = System.nanoTime();
      int exit = run(new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(errors.toFile()));
      millis[r] = (System.nanoTime() - start) / 1_000_000;
      if (exit != 0) {
        throw new IllegalStateException("javac exited with " + exit + ": " + Files.readString(errors));
      }
    }
    return median(millis);
  }

  private static int run(ProcessBuilder process) throws IOException {
    try {
      return process.start().waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while javac ran", e);
    }
  }

  private static List<Path> write(Path src, int schemas) throws IOException {
    Path pkg = Files.createDirectories(src.resolve("gen"));
    List<Path> sources = new ArrayList<>();
    for (int i = 0; i < schemas; i++) {
      Path file = pkg.resolve("Thing" + i + ".java");
      Files.writeString(file, source(i));
      sources.add(file);
    }
    return sources;
  }

  private static String source(int i) {
    String parent = i == 0 ? "" : "  @BelongsTo Thing" + (i - 1) + " parent();\n";
    return """
        package gen;

        import io.ecto4j.schema.BelongsTo;
        import io.ecto4j.schema.Field;
        import io.ecto4j.schema.Schema;
        import io.ecto4j.schema.Timestamps;
        import java.time.Instant;

        @Schema("things_%d")
        @Timestamps
        public interface Thing%d {
          Long id();
          @Field String name();
          @Field(type = "text") String notes();
          @Field(defaultValue = "0") int count();
          @Field(defaultValue = "false") boolean active();
          @Field Instant seenAt();
        %s}
        """.formatted(i, i, parent);
  }

  /** How one compile is timed, in milliseconds: the compiling thread's CPU time or the wall's. */
  private interface Timer {
    long millis(Path dir, List<Path> sources, boolean processor) throws IOException;
  }

  /**
   * {@value #WARMUPS} warm-up compiles of each kind, then {@code runs} of each timed by {@code timer},
   * without and with the processor alternating: the times without at {@code [0]}, with at {@code [1]}.
   */
  private static long[][] alternate(Path dir, List<Path> sources, int runs, Timer timer) throws IOException {
    return alternate(List.of(dir), List.of(sources), runs, timer)[0];
  }

  /**
   * The same in several places, each with its own copy of the sources, a compile of each kind in
   * each place in turn: place {@code p}'s times without at {@code [p][0]}, with at {@code [p][1]}.
   */
  private static long[][][] alternate(List<Path> places, List<List<Path>> sources, int runs, Timer timer)
      throws IOException {
    for (int r = 0; r < WARMUPS; r++) {
      for (int p = 0; p < places.size(); p++) {
        compile(places.get(p), sources.get(p), false);
        compile(places.get(p), sources.get(p), true);
      }
    }
    long[][][] times = new long[places.size()][2][runs];
    for (int r = 0; r < runs; r++) {
      for (int p = 0; p < places.size(); p++) {
        times[p][0][r] = timer.millis(places.get(p), sources.get(p), false);
        times[p][1][r] = timer.millis(places.get(p), sources.get(p), true);
      }
    }
    return times;
  }

  private static long wallMillis(Path dir, List<Path> sources, boolean processor) throws IOException {
    long start = System.nanoTime();
    compile(dir, sources, processor);
    return (System.nanoTime() - start) / 1_000_000;
  }

  /** javac's options for one compile, its output directories emptied. */
  private static List<String> options(Path dir, boolean processor) throws IOException {
    String classpath = System.getProperty("java.class.path");
    return options(dir, classpath, processor ? List.of("-processorpath", classpath) : List.of("-proc:none"));
  }

  /** The same, with {@code classpath} as class path and {@code processing} saying where the processors come from. */
  private static List<String> options(Path dir, String classpath, List<String> processing) throws IOException {
    Path out = recreate(dir.resolve("classes"));
    Path gen = recreate(dir.resolve("gen"));
    List<String> options = new ArrayList<>(List.of("-d", out.toString(), "-s", gen.toString(), "-classpath", classpath,
        "--release", "17", "-nowarn"));
    options.addAll(processing);
    return options;
  }

  private static void compile(Path dir, List<Path> sources, boolean processor) throws IOException {
    compile(sources, options(dir, processor), null);
  }

  /** One compile; {@code processors}, when given, instead of those javac would find itself. */
  private static void compile(List<Path> sources, List<String> options, List<Processor> processors) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      JavaCompiler.CompilationTask task = javac.getTask(null, files, null, options, null,
          files.getJavaFileObjectsFromPaths(sources));
      if (processors != null) {
        task.setProcessors(processors);
      }
      if (!task.call()) {
        throw new IllegalStateException("the generated schemas did not compile");
      }
    }
  }

  private static Path recreate(Path dir) throws IOException {
    if (Files.exists(dir)) {
      delete(dir);
    }
    return Files.createDirectories(dir);
  }

  /** Deletes {@code dir} and everything in it. */
  private static void delete(Path dir) throws IOException {
    try (var files = Files.walk(dir)) {
      files.sorted((a, b) -> b.compareTo(a)).forEach(f -> {
        try {
          Files.delete(f);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
