package io.ecto4j.processor.writing;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import io.ecto4j.processor.Compile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Keeps the generated code of the representative Post readable: the output must equal the golden files.
 * After an intended change, run with {@code -Decto4j.updateGolden=true} to rewrite them (and
 * docs/generated-example.md), then review the diff.
 */
class GoldenTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");
  private static final Path EXAMPLE = Path.of("../docs/generated-example.md");
  private static final boolean UPDATE = Boolean.getBoolean("ecto4j.updateGolden");

  @Test
  void postStructAndPostsAreTheGoldenFiles() throws IOException {
    Compilation compilation = Compile.schemas(Compile.blog());
    String struct = source(compilation, "blog.PostStruct");
    String companion = source(compilation, "blog.Posts");
    if (UPDATE) {
      Files.createDirectories(GOLDEN);
      Files.writeString(GOLDEN.resolve("PostStruct.java"), struct, StandardCharsets.UTF_8);
      Files.writeString(GOLDEN.resolve("Posts.java"), companion, StandardCharsets.UTF_8);
      Files.writeString(EXAMPLE, GeneratedExample.markdown(struct, companion), StandardCharsets.UTF_8);
    }
    assertThat(struct).isEqualTo(Files.readString(GOLDEN.resolve("PostStruct.java")));
    assertThat(companion).isEqualTo(Files.readString(GOLDEN.resolve("Posts.java")));
  }

  @Test
  void outputDoesNotDependOnTheOrderOfSources() throws IOException {
    Compilation forward = Compile.schemas(Compile.blog());
    List<JavaFileObject> reversed = new ArrayList<>(Compile.blog());
    Collections.reverse(reversed);
    Compilation backward = Compile.schemas(reversed);
    for (String type : new String[] {"blog.PostStruct", "blog.Posts", "blog.Users", "blog.Tags"}) {
      assertThat(source(backward, type)).isEqualTo(source(forward, type));
    }
  }

  @Test
  void everyFileSaysWhoGeneratedItFromWhat() throws IOException {
    assertThat(GeneratedFiles.GENERATOR).isEqualTo(io.ecto4j.processor.SchemaProcessor.class.getName());
    String struct = source(Compile.schemas(Compile.blog()), "blog.UserStruct");
    assertThat(struct).contains("@Generated(\n    value = \"io.ecto4j.processor.SchemaProcessor\",\n"
        + "    comments = \"from blog.User\"\n)");
  }

  private static String source(Compilation compilation, String type) throws IOException {
    JavaFileObject file = compilation.generatedSourceFile(type).orElseThrow(() -> new AssertionError(type));
    return file.getCharContent(true).toString();
  }

  /** docs/generated-example.md: the golden files with a short introduction. */
  private static final class GeneratedExample {
    static String markdown(String struct, String companion) {
      return """
          # Generated example

          What the processor generates for the `Post` schema below (see [schemas.md](schemas.md)),
          compiled together with `User`, `Comment` and `Tag`. The processor's `GoldenTest` writes this
          file from the output it checks (`mvn -pl processor test -Decto4j.updateGolden=true`), so it
          shows exactly what a build produces.

          ```java
          %s```

          ## The struct: `PostStruct`

          ```java
          %s```

          ## The companion: `Posts`

          ```java
          %s```
          """.formatted(schema(), struct, companion);
    }

    private static String schema() {
      try (var in = GoldenTest.class.getResourceAsStream("/blog/Post.java")) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }
}
