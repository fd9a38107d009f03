package io.ecto4j.processor.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
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
 * snippet there is wrong on purpose: it shows a compile error or an exception), conformance.md
 * (no Java), and spring.md and jackson.md, which need Spring and Jackson: the spring-boot-starter
 * module's {@code DocSnippetsSpringTest} compiles those.
 */
class DocSnippetsTest {
  private static final Path DOCS = Path.of("..", "docs");
  private static final Path SCHEMAS = Path.of("src/test/resources/docs", DocSnippet.PACKAGE.split("\\."));
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

  @ParameterizedTest
  @MethodSource("pages")
  void everySnippetCompilesOrSaysWhyNot(Path page, @TempDir Path out) throws IOException {
    List<DocSnippet> snippets = DocSnippet.read(page);
    List<String> errors = new ArrayList<>(compile(out.resolve("page"), snippets.stream()
        .filter(snippet -> snippet.notCompiledBecause().isEmpty() && !snippet.alone()).toList(), true));
    for (DocSnippet alone : snippets.stream().filter(DocSnippet::alone).toList()) {
      errors.addAll(compile(out.resolve("line" + alone.line()), List.of(alone), false));
    }
    assertThat(errors).isEmpty();
    report(page, snippets);
  }

  /** The errors of compiling {@code snippets}, with the doc schemas they do not replace if asked. */
  private static List<String> compile(Path out, List<DocSnippet> snippets, boolean withSchemas) throws IOException {
    List<SnippetSource> sources = snippets.stream().flatMap(snippet -> snippet.sources().stream()).toList();
    List<JavaFileObject> files = withSchemas ? files(sources) : sources.stream().map(SnippetSource::file).toList();
    Javac javac = new Javac(Files.createDirectories(out));
    javac.compile(List.of(), files.toArray(JavaFileObject[]::new));
    return errors(javac, sources);
  }

  private static boolean hasJava(Path page) {
    try {
      return Files.readString(page).contains("```java");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The page's files, and the doc schemas the page does not declare itself. */
  private static List<JavaFileObject> files(List<SnippetSource> sources) throws IOException {
    Set<String> declared = sources.stream().map(SnippetSource::className).collect(Collectors.toSet());
    List<JavaFileObject> files = new ArrayList<>(sources.stream().map(SnippetSource::file).toList());
    try (Stream<Path> schemas = Files.list(SCHEMAS)) {
      for (Path schema : schemas.sorted().toList()) {
        String name = DocSnippet.PACKAGE + "." + schema.getFileName().toString().replace(".java", "");
        if (!declared.contains(name)) {
          files.add(Javac.source(name, Files.readString(schema)));
        }
      }
    }
    return files;
  }

  /** Each error as {@code page:line: message}, or as the doc schema's file and line. */
  private static List<String> errors(Javac javac, List<SnippetSource> sources) {
    return javac.diagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
        .map(d -> sources.stream().filter(s -> d.getSource() != null && s.file().toUri().equals(d.getSource().toUri()))
            .findFirst().map(s -> s.where(d.getLineNumber())).orElse(d.getSource() == null ? "" : d.getSource().getName() + ":" + d.getLineNumber())
            + ": " + d.getMessage(null))
        .toList();
  }

  private static void report(Path page, List<DocSnippet> snippets) {
    List<String> left = snippets.stream().flatMap(s -> s.notCompiledBecause().map(why -> s.where() + " " + why).stream())
        .toList();
    System.out.printf("%s: %d snippets compiled, %d not compiled %s%n", page.getFileName(), snippets.size() - left.size(),
        left.size(), left);
  }
}
