package io.ecto4j.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The processor's cost: javac over {@code n} generated {@code @Schema} interfaces, once with
 * {@code -proc:none} and once with the ecto4j processor, each timed as the median of a few runs
 * after one warm-up.
 *
 * <p>{@link #main} measures the same compiles in CPU time of the compiling thread (javac and the
 * processor run on the caller's thread), which a loaded machine moves far less than wall time; run
 * each variant of the processor in a JVM of its own, alternating, and compare medians:
 * {@code java -cp benchmarks.jar io.ecto4j.bench.ProcessorCost [schemas] [runs]}.
 */
final class ProcessorCost {
  /**
   * Warm in-process wall times, and the same compiles as cold ones: each a {@code javac} process of
   * its own, as one {@code mvn compile} pays (javac, the processor and JavaPoet interpreted until
   * the JIT catches up); a cold time is -1 when this Java has no {@code bin/javac}.
   */
  record Result(int schemas, long withoutMillis, long withMillis, long generatedFiles, long coldWithoutMillis,
      long coldWithMillis) {}

  private static final int RUNS = 3;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private ProcessorCost() {}

  /**
   * Prints the CPU milliseconds of each compile without and with the processor (one warm-up each,
   * then {@code runs} of each, alternating) and their medians.
   */
  public static void main(String[] args) throws IOException {
    int schemas = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Path dir = Files.createTempDirectory("ecto4j-processor-cost");
    List<Path> sources = write(dir.resolve("src"), schemas);
    cpuMillis(dir, sources, false);
    cpuMillis(dir, sources, true);
    long[] without = new long[runs];
    long[] with = new long[runs];
    for (int r = 0; r < runs; r++) {
      without[r] = cpuMillis(dir, sources, false);
      with[r] = cpuMillis(dir, sources, true);
    }
    System.out.println("schemas " + schemas + ", CPU ms without " + Arrays.toString(without) + ", with "
        + Arrays.toString(with));
    long medianWithout = median(without);
    long medianWith = median(with);
    System.out.println("median CPU ms: without " + medianWithout + ", with " + medianWith + ", cost "
        + (medianWith - medianWithout));
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
    Path dir = Files.createTempDirectory("ecto4j-processor-cost");
    List<Path> sources = write(dir.resolve("src"), schemas);
    long without = median(dir, sources, false);
    long with = median(dir, sources, true);
    long generated;
    try (var files = Files.walk(dir.resolve("gen"))) {
      generated = files.filter(f -> f.toString().endsWith(".java")).count();
    }
    return new Result(schemas, without, with, generated, coldMedian(dir, sources, false),
        coldMedian(dir, sources, true));
  }

  /** The median wall time of {@link #RUNS} compiles, each by a fresh {@code javac} process; -1 without one. */
  private static long coldMedian(Path dir, List<Path> sources, boolean processor) throws IOException {
    Path javac = Path.of(System.getProperty("java.home"), "bin", "javac");
    if (!Files.isExecutable(javac)) {
      return -1;
    }
    Path errors = dir.resolve("javac-errors.txt");
    long[] millis = new long[RUNS];
    for (int r = 0; r < RUNS; r++) {
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

  private static long median(Path dir, List<Path> sources, boolean processor) throws IOException {
    compile(dir, sources, processor);
    long[] millis = new long[RUNS];
    for (int r = 0; r < RUNS; r++) {
      long start = System.nanoTime();
      compile(dir, sources, processor);
      millis[r] = (System.nanoTime() - start) / 1_000_000;
    }
    return median(millis);
  }

  /** javac's options for one compile, its output directories emptied. */
  private static List<String> options(Path dir, boolean processor) throws IOException {
    Path out = recreate(dir.resolve("classes"));
    Path gen = recreate(dir.resolve("gen"));
    String classpath = System.getProperty("java.class.path");
    List<String> options = new ArrayList<>(List.of("-d", out.toString(), "-s", gen.toString(), "-classpath", classpath,
        "--release", "17", "-nowarn"));
    options.addAll(processor ? List.of("-processorpath", classpath) : List.of("-proc:none"));
    return options;
  }

  private static void compile(Path dir, List<Path> sources, boolean processor) throws IOException {
    List<String> options = options(dir, processor);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      boolean ok = javac.getTask(null, files, null, options, null, files.getJavaFileObjectsFromPaths(sources)).call();
      if (!ok) {
        throw new IllegalStateException("the generated schemas did not compile");
      }
    }
  }

  private static Path recreate(Path dir) throws IOException {
    if (Files.exists(dir)) {
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
    return Files.createDirectories(dir);
  }
}
