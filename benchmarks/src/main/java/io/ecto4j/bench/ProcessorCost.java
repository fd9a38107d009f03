package io.ecto4j.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
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
 */
final class ProcessorCost {
  record Result(int schemas, long withoutMillis, long withMillis, long generatedFiles) {}

  private static final int RUNS = 3;

  private ProcessorCost() {}

  static Result measure(int schemas) throws IOException {
    Path dir = Files.createTempDirectory("ecto4j-processor-cost");
    List<Path> sources = write(dir.resolve("src"), schemas);
    long without = median(dir, sources, false);
    long with = median(dir, sources, true);
    long generated;
    try (var files = Files.walk(dir.resolve("gen"))) {
      generated = files.filter(f -> f.toString().endsWith(".java")).count();
    }
    return new Result(schemas, without, with, generated);
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
    Arrays.sort(millis);
    return millis[RUNS / 2];
  }

  private static void compile(Path dir, List<Path> sources, boolean processor) throws IOException {
    Path out = recreate(dir.resolve("classes"));
    Path gen = recreate(dir.resolve("gen"));
    String classpath = System.getProperty("java.class.path");
    List<String> options = new ArrayList<>(List.of("-d", out.toString(), "-s", gen.toString(), "-classpath", classpath,
        "--release", "17", "-nowarn"));
    options.addAll(processor ? List.of("-processorpath", classpath) : List.of("-proc:none"));
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
