package io.ecto4j.it.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The BOM names every module the build publishes (those that do not skip their sources jar), at
 * the build's own version: a module added without its BOM entry would leave users to pin it by hand.
 */
class BomTest {
  private static final Path ROOT = Path.of("..");
  private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
  private static final Pattern ARTIFACT = Pattern.compile("<artifactId>(ecto4j-[^<]+)</artifactId>");

  @Test
  void listsEveryPublishedModuleAtTheBuildsVersion() throws IOException {
    String parent = Files.readString(ROOT.resolve("pom.xml"));
    String bom = Files.readString(ROOT.resolve("bom/pom.xml"));

    List<String> published = all(MODULE, parent).stream()
        .filter(module -> !module.equals("bom"))
        .map(module -> read(ROOT.resolve(module).resolve("pom.xml")))
        .filter(pom -> !pom.contains("<maven.source.skip>true</maven.source.skip>"))
        .map(BomTest::ownArtifactId)
        .toList();

    assertThat(published).contains("ecto4j-runtime", "ecto4j-processor", "ecto4j-spring-boot-starter");
    assertThat(all(ARTIFACT, bom)).containsAll(published);
    assertThat(version(bom)).isEqualTo(version(parent));
  }

  /** A module's artifactId: the first one after its parent block. */
  private static String ownArtifactId(String pom) {
    String afterParent = pom.contains("</parent>") ? pom.substring(pom.indexOf("</parent>")) : pom;
    Matcher matcher = ARTIFACT.matcher(afterParent);
    assertThat(matcher.find()).as("an ecto4j artifactId in %s", afterParent.substring(0, 200)).isTrue();
    return matcher.group(1);
  }

  private static String version(String pom) {
    String head = pom.contains("</parent>") ? pom.substring(pom.indexOf("</parent>")) : pom;
    Matcher matcher = Pattern.compile("<version>([^<]+)</version>").matcher(head);
    assertThat(matcher.find()).isTrue();
    return matcher.group(1);
  }

  private static List<String> all(Pattern pattern, String text) {
    return pattern.matcher(text).results().map(result -> result.group(1)).toList();
  }

  private static String read(Path pom) {
    try {
      return Files.readString(pom);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + pom, e);
    }
  }
}
