package io.ecto4j.processor.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * docs/spring.md and docs/jackson.md compile as {@code DocSnippetsTest} compiles the other pages
 * (same convention, same {@link DocPageCompiler}), here where Spring, Jackson and the starter are
 * on the class path. Beside the doc schemas they get src/test/resources/docs: the application's
 * classes the pages call but do not show ({@code Journal}, {@code Blog}, the controller's fields).
 * In the package of the processor's test classes, whose test jar brings the compiler.
 */
class SpringDocSnippetsTest {
  @ParameterizedTest
  @ValueSource(strings = {"spring.md", "jackson.md"})
  void everySnippetCompilesOrSaysWhyNot(String page, @TempDir Path out) throws IOException {
    DocPageCompiler compiler = new DocPageCompiler(DocPageCompiler.SCHEMAS, Path.of("src", "test", "resources", "docs"));
    assertThat(compiler.errors(Path.of("..", "docs", page), out)).isEmpty();
  }
}
