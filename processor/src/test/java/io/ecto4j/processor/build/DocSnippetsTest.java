package io.ecto4j.processor.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Java snippet of README.md and docs/*.md compiles as a reader would paste it: with its own
 * imports, beside the doc schemas (src/test/resources/docs: Post, Comment, User…) and the
 * processor, so generated names such as {@code Posts.TITLE} are checked too. How a snippet says
 * what it is (whole files, statements of a method, class members, or not compiled and why) is
 * {@link DocSnippet}'s convention; a snippet that neither compiles nor says why fails here.
 *
 * <p>Each page compiles on its own: a schema a page declares replaces the doc schema of that name.
 * Left out: getting-started.md ({@link GettingStartedPageTest} compiles and runs it),
 * generated-example.md (GoldenTest writes it from the processor's own output), errors.md (every
 * snippet there is wrong on purpose: {@link ErrorsPageTest} checks that each fails with the tag its
 * heading names), conformance.md (no Java), and spring.md and jackson.md, which need Spring and
 * Jackson: the spring-boot-test module's {@code SpringDocSnippetsTest} compiles those with
 * {@link DocPageCompiler}.
 */
class DocSnippetsTest {
  private static final Path DOCS = Path.of("..", "docs");
  private static final Pattern JAVA_BLOCK = Pattern.compile("^```java$", Pattern.MULTILINE);
  private static final Set<String> ELSEWHERE = Set.of("getting-started.md", "generated-example.md", "errors.md",
      "conformance.md", "spring.md", "jackson.md");

  static Stream<Path> pages() throws IOException {
    try (Stream<Path> docs = Files.list(DOCS)) {
      List<Path> pages = new ArrayList<>(List.of(Path.of("..", "README.md")));
      docs.filter(page -> page.toString().endsWith(".md") && !ELSEWHERE.contains(page.getFileName().toString()))
          .sorted().forEach(pages::add);
      return pages.stream().filter(DocSnippetsTest::hasJava);
    }
  }

  private static boolean hasJava(Path page) {
    try {
      return JAVA_BLOCK.matcher(Files.readString(page)).find();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest
  @MethodSource("pages")
  void everySnippetCompilesOrSaysWhyNot(Path page, @TempDir Path out) throws IOException {
    assertThat(new DocPageCompiler(DocPageCompiler.SCHEMAS).errors(page, out)).isEmpty();
  }
}
