package io.ecto4j.processor.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * javac over one file after a full build, as an IDE or an incremental build runs it: the schema
 * DDL resource, which {@code gen-migration} reads, still describes every schema of the project.
 */
class IncrementalBuildTest {
  @TempDir
  Path out;

  @Test
  void recompilingOneSchemaKeepsTheOthersInTheResource() throws IOException {
    Javac javac = new Javac(out);
    assertThat(javac.compile(List.of(), Shop.SHELF, Shop.BOOK, Shop.STICKER)).as("%s", javac.reported()).isTrue();
    String full = javac.output("META-INF/ecto4j/schema.json");

    assertThat(javac.compile(List.of(), Shop.BOOK)).as("%s", javac.reported()).isTrue();

    assertThat(javac.reported()).isEmpty();
    assertThat(javac.output("META-INF/ecto4j/schema.json")).isEqualTo(full);
    assertThat(javac.output("META-INF/ecto4j/schema.sql"))
        .contains("CREATE TABLE \"shelves\"", "CREATE TABLE \"books\"", "CREATE TABLE \"stickers\"");
  }

  @Test
  void aSchemaWhoseClassIsGoneLeavesTheResource() throws IOException {
    Javac javac = new Javac(out);
    assertThat(javac.compile(List.of(), Shop.SHELF, Shop.BOOK, Shop.STICKER)).as("%s", javac.reported()).isTrue();
    try (var stale = Files.list(out.resolve("shop"))) {
      for (Path file : stale.filter(f -> f.getFileName().toString().startsWith("Sticker")).toList()) {
        Files.delete(file);
      }
    }

    assertThat(javac.compile(List.of(), Shop.BOOK)).as("%s", javac.reported()).isTrue();

    assertThat(javac.output("META-INF/ecto4j/schema.json")).contains("\"shelves\"", "\"books\"").doesNotContain("stickers");
    assertThat(javac.output("META-INF/ecto4j/schema-types")).isEqualTo("shop.Book\nshop.Shelf\n");
  }

  /** What javac 17 crashed on: a stale struct class read because the schema's changeset function names the struct. */
  @Test
  void aStaleStructClassThatJavacReadFirstIsAnErrorOnceAndThenGone() throws IOException {
    Javac javac = new Javac(out);
    assertThat(javac.compile(List.of(), Shop.SHELF, Shop.BOOK_WITH_CHANGESET)).as("%s", javac.reported()).isTrue();

    boolean again = javac.compile(List.of(), Shop.BOOK_WITH_CHANGESET);
    if (Runtime.version().feature() < 23) {
      assertThat(again).isFalse();
      assertThat(javac.reported()).singleElement().asString()
          .startsWith("ERROR [StaleRecordClass] BookStruct.class, left in the output directory by an earlier build")
          .contains("compile again");
      assertThat(out.resolve("shop/BookStruct.class")).doesNotExist();
      again = new Javac(out).compile(List.of(), Shop.BOOK_WITH_CHANGESET);
    }
    assertThat(again).isTrue();
    assertThat(out.resolve("shop/BookStruct.class")).exists();
  }

  /** Gradle reads this to run the processors incrementally; both aggregate what a whole compilation has. */
  @Test
  void gradleLearnsTheIncrementalKindOfEachProcessor() throws IOException {
    try (var in = getClass().getClassLoader().getResourceAsStream("META-INF/gradle/incremental.annotation.processors")) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines())
          .containsExactly("io.ecto4j.processor.SchemaProcessor,aggregating", "io.ecto4j.processor.MigrationProcessor,aggregating");
    }
  }
}
