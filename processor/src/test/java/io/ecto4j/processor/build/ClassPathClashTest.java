package io.ecto4j.processor.build;

import static io.ecto4j.processor.build.Javac.source;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A type that already has a name the processor would generate, compiled elsewhere and found on
 * the class path (a library, another module of the build), is a clash the processor reports: the
 * lookup of existing types searches the schema's module, where the class path's types are.
 */
class ClassPathClashTest {
  private static final JavaFileObject LABEL = source("shop.Label", """
      package shop;

      import io.ecto4j.schema.*;

      @Schema("labels")
      public interface Label {
        @Field String text();
      }
      """);

  @TempDir
  Path out;

  @TempDir
  Path library;

  @Test
  void aLibraryTypeOfTheStructsNameIsAClash() throws IOException {
    assertRefusedBesideLibraryType("LabelStruct",
        "ERROR [GeneratedNameClash] shop.Label would generate the struct shop.LabelStruct, but that type already exists");
  }

  @Test
  void aLibraryTypeOfTheCompanionsNameIsAClash() throws IOException {
    assertRefusedBesideLibraryType("Labels",
        "ERROR [GeneratedNameClash] shop.Label would generate the companion shop.Labels, but that type already exists");
  }

  /** Compiles a class {@code shop.simpleName} into a library, then the schema with it on the class path. */
  private void assertRefusedBesideLibraryType(String simpleName, String error) throws IOException {
    Javac lib = new Javac(library);
    assertThat(lib.compile(List.of(), source("shop." + simpleName, "package shop;\n\npublic class " + simpleName + " {}\n")))
        .as("%s", lib.reported()).isTrue();

    Javac javac = new Javac(out, library);

    assertThat(javac.compile(List.of(), LABEL)).isFalse();
    assertThat(javac.reported()).singleElement().asString().startsWith(error);
  }
}
