package io.ecto4j.processor.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaFileObject;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.xml.sax.InputSource;

/**
 * docs/getting-started.md, the page a newcomer starts from, as code: every Java snippet is a whole
 * file (it opens with its path), and all of them compile together with the processor, without a
 * warning, and the page's test passes against PostgreSQL; the pom is well-formed and names this
 * build's version.
 */
class GettingStartedPageTest {
  private static final Path PAGE = Path.of("..", "docs", "getting-started.md");
  private static final Pattern JAVA = Pattern.compile("```java\\n(// src/[^\\n]+\\.java)\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern XML = Pattern.compile("```xml\\n(<project.*?</project>)\\n```", Pattern.DOTALL);

  @TempDir
  Path out;

  @Test
  void everyJavaSnippetIsAFileThatCompilesWithTheProcessor() throws IOException {
    String page = Files.readString(PAGE);
    List<JavaFileObject> sources = JAVA.matcher(page).results().map(GettingStartedPageTest::source).toList();
    assertThat(sources).hasSize(6);
    assertThat(page.split("```java", -1)).as("every Java snippet opens with its path").hasSize(sources.size() + 1);

    Javac javac = new Javac(out);
    // -processing: the test snippet's JUnit annotations are claimed by no processor, as in any
    // project whose tests compile with a processor on the path (LintCleanBuildTest covers ecto4j's).
    boolean compiled = javac.compile(List.of("-Xlint:all,-processing"), sources.toArray(JavaFileObject[]::new));

    assertThat(javac.reported()).isEmpty();
    assertThat(compiled).isTrue();
    runThePagesTest();
  }

  /**
   * Runs the compiled {@code CatalogTest} as JUnit would, on a class loader over the output: its
   * {@code @EctoTest(migrate = true)} finds the page's migration through the index the processor
   * wrote there, so the page's code runs against a real PostgreSQL as a new project's would.
   */
  private void runThePagesTest() throws IOException {
    try (URLClassLoader project = new URLClassLoader(new URL[] {out.toUri().toURL()}, getClass().getClassLoader())) {
      Class<?> test = Class.forName("com.example.catalog.CatalogTest", true, project);
      EngineExecutionResults results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(test)).execute();
      List<Throwable> failures = results.allEvents().failed().stream()
          .map(event -> event.getRequiredPayload(TestExecutionResult.class).getThrowable().orElse(null)).toList();
      assertThat(failures).isEmpty();
      assertThat(results.testEvents().succeeded().count()).isEqualTo(2);
    } catch (ClassNotFoundException e) {
      throw new AssertionError("the page's test did not compile to com.example.catalog.CatalogTest", e);
    }
  }

  @Test
  void thePomIsWellFormedAndNamesThisVersion() throws Exception {
    Matcher pom = XML.matcher(Files.readString(PAGE));
    assertThat(pom.find()).isTrue();
    DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(pom.group(1))));
    String parent = Files.readString(Path.of("..", "pom.xml"));
    Matcher version = Pattern.compile("<artifactId>ecto4j-parent</artifactId>\\s*<version>([^<]+)</version>").matcher(parent);
    assertThat(version.find()).isTrue();
    assertThat(pom.group(1)).contains("<ecto4j.version>" + version.group(1) + "</ecto4j.version>");
  }

  /** The snippet as the file its first line names: {@code // src/main/java/com/example/Shelf.java}. */
  private static JavaFileObject source(MatchResult snippet) {
    String name = snippet.group(1).replaceFirst("^// src/(main|test)/java/", "").replace(".java", "").replace('/', '.');
    return Javac.source(name, snippet.group(2));
  }
}
