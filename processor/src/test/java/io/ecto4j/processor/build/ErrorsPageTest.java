package io.ecto4j.processor.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docs/errors.md's examples do what their headings say: a section's first Java snippet, shown
 * with a message {@code [Tag] …} under the heading {@code ### Tag}, fails with that tag when
 * compiled with the processor, and its "Fix:" snippet compiles without it. The page leaves the
 * imports out and puts its examples in package {@code blog}, so they compile as it says: with
 * {@code io.ecto4j.schema.*}, {@code java.util.*} and {@code java.time.*}, beside the blog
 * schemas of src/test/resources/blog (User, Comment, Tag…) that the snippet does not declare.
 */
class ErrorsPageTest {
  private static final Path PAGE = Path.of("..", "docs", "errors.md");
  private static final Path BLOG = Path.of("src", "test", "resources", "blog");
  private static final String HEADER = "package blog;\nimport io.ecto4j.schema.*;\nimport java.util.*;\nimport java.time.*;\n";
  private static final Pattern SECTION = Pattern.compile("^### (\\w+)\\n(.*?)(?=^##|\\z)", Pattern.DOTALL | Pattern.MULTILINE);
  private static final Pattern BAD = Pattern.compile("```java\\n(.*?)```\\s*```text\\n\\[(\\w+)\\]", Pattern.DOTALL);
  private static final Pattern FIX = Pattern.compile("^Fix:\\s*```java\\n(.*?)```", Pattern.DOTALL | Pattern.MULTILINE);

  /** An example of the page: the tag its heading names, the failing snippet, and its fix if shown. */
  record Example(String tag, String failing, String fix) {
    @Override
    public String toString() {
      return tag;
    }
  }

  static Stream<Example> examples() throws IOException {
    List<Example> examples = new ArrayList<>();
    Matcher section = SECTION.matcher(Files.readString(PAGE));
    while (section.find()) {
      Matcher bad = BAD.matcher(section.group(2));
      if (bad.find() && bad.group(2).equals(section.group(1))) {
        Matcher fix = FIX.matcher(section.group(2));
        examples.add(new Example(section.group(1), bad.group(1), fix.find() ? fix.group(1) : null));
      }
    }
    assertThat(examples).as("the page's compile-error examples").hasSizeGreaterThan(30);
    return examples.stream();
  }

  @ParameterizedTest
  @MethodSource("examples")
  void theExampleFailsWithItsTagAndItsFixCompiles(Example example, @TempDir Path out) throws IOException {
    assertThat(reported(example.failing(), out.resolve("failing"))).anyMatch(message -> message.startsWith(tag(example)));
    if (example.fix() != null) {
      assertThat(reported(example.fix(), out.resolve("fix"))).as("what the fix of %s reports", example.tag()).isEmpty();
    }
  }

  private static String tag(Example example) {
    return "[" + example.tag() + "]";
  }

  /**
   * Every error and warning in the snippet's own files when compiled with the blog schemas it does
   * not declare (a blog schema may have problems of its own beside a snippet's schemas).
   */
  private static List<String> reported(String snippet, Path out) throws IOException {
    List<SnippetSource> sources = new DocSnippet(PAGE, 0, null, HEADER + snippet).sources();
    List<JavaFileObject> files = new ArrayList<>(sources.stream().map(SnippetSource::file).toList());
    files.addAll(DocPageCompiler.notDeclared(sources.stream().map(SnippetSource::className).collect(Collectors.toSet()),
        BLOG, "blog"));
    Javac javac = new Javac(Files.createDirectories(out));
    javac.compile(List.of(), files.toArray(JavaFileObject[]::new));
    Set<URI> own = sources.stream().map(source -> source.file().toUri()).collect(Collectors.toSet());
    return javac.diagnostics().stream()
        .filter(d -> d.getKind() != Diagnostic.Kind.NOTE && d.getSource() != null && own.contains(d.getSource().toUri()))
        .map(d -> d.getMessage(null)).toList();
  }
}
