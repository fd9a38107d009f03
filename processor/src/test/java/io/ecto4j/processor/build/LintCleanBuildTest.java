package io.ecto4j.processor.build;

import static io.ecto4j.processor.build.Javac.source;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build with {@code -Xlint:all -Werror}, with the processors found on the class path as a
 * user's build finds them: ecto4j's annotations are claimed, so javac has nothing to warn about.
 */
class LintCleanBuildTest {
  @TempDir
  Path out;

  @Test
  void schemasAndMigrationsCompileWithoutAWarning() throws IOException {
    Javac javac = new Javac(out);
    boolean compiled = javac.compile(List.of("-Xlint:all", "-Werror"), Shop.SHELF, Shop.BOOK, source("shop.migrations.V1__CreateShelves", """
        package shop.migrations;

        import io.ecto4j.migration.Migration;

        public final class V1__CreateShelves extends Migration {
          @Override
          protected void change() {
            createTable("shelves", t -> t.add("label", "text"));
          }
        }
        """));
    assertThat(javac.reported()).isEmpty();
    assertThat(compiled).isTrue();
  }

  @Test
  void theIntegrityCheckStillSeesEverySchemaAfterTheClaim() throws IOException {
    Javac javac = new Javac(out);
    boolean compiled = javac.compile(List.of(), source("shop.Tag", """
        package shop;

        import io.ecto4j.changeset.Changeset;
        import io.ecto4j.schema.*;
        import java.util.Map;

        @Schema("tags")
        public interface Tag {
          @Field String name();

          static Changeset<TagStruct> changeset(TagStruct tag, Map<String, ?> params) {
            return Changeset.cast(tag, params, Tags.NAME).uniqueConstraint(Tags.NAME);
          }
        }
        """));
    assertThat(compiled).isTrue();
    assertThat(javac.diagnostics()).anySatisfy(d -> {
      assertThat(d.getKind()).isEqualTo(Diagnostic.Kind.WARNING);
      assertThat(d.getMessage(Locale.ROOT)).contains("uniqueConstraint");
    });
  }
}
