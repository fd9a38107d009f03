package io.ecto4j.processor.validation;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import io.ecto4j.processor.Compile;
import javax.tools.JavaFileObject;

/**
 * Assertions for the error tests: one error, with its message, on its line. A schema whose only
 * errors are at fields is generated all the same (the struct stands in for the broken methods, so
 * the rest of the build compiles); one error means that what was generated compiled cleanly.
 */
final class Errors {
  private Errors() {}

  /** Compiles {@code source} and checks it fails with exactly {@code message} on the line containing {@code line}. */
  static Compilation expectError(JavaFileObject source, String message, String line) {
    Compilation compilation = Compile.schemas(source);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining(message).inFile(source).onLineContaining(line);
    assertThat(compilation).hadErrorCount(1);
    return compilation;
  }

  /**
   * Compiles {@code sources} and checks the first fails with {@code message} on the line containing
   * {@code line}, the one error of the build: the others are fine, and whatever was generated
   * compiled.
   */
  static Compilation expectError(JavaFileObject[] sources, String message, String line) {
    Compilation compilation = Compile.schemas(sources);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining(message).inFile(sources[0]).onLineContaining(line);
    assertThat(compilation).hadErrorCount(1);
    return compilation;
  }

  /** Nothing was written: {@code compilation} is only there to say which compilation is meant. */
  static void assertNothingGenerated(Compilation compilation) {
    assertThat(compilation.status()).isNotNull();
    assertThat(Compile.written()).isEmpty();
  }
}
