package io.ecto4j.processor.validation;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.ecto4j.processor.Compile;
import io.ecto4j.processor.MigrationProcessor;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Migrations the index cannot list, and {@code @Field(unique = true)} on a virtual field. */
class MigrationErrorsTest {

  private static JavaFileObject source(String name, String body) {
    return JavaFileObjects.forSourceString("db.migration." + name,
        "package db.migration;\n\nimport io.ecto4j.migration.Migration;\n\n" + body);
  }

  private static Compilation compile(JavaFileObject... sources) {
    return com.google.testing.compile.Compiler.javac().withProcessors(new MigrationProcessor()).compile(sources);
  }

  private static void expectError(String message, String line, JavaFileObject... sources) {
    Compilation compilation = compile(sources);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining(message).inFile(sources[sources.length - 1]).onLineContaining(line);
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void aNameWithoutVersion() {
    expectError("[MigrationName] migration class CreatePosts is not named V<version>__<Name>, which orders the "
        + "migrations; rename it, e.g. V20260301120000__CreatePosts", "class CreatePosts",
        source("CreatePosts", "public class CreatePosts extends Migration {}\n"));
  }

  @Test
  void aClassTheIndexCannotCreate() {
    expectError("[MigrationClass] migration V1__Inner is an inner class (not static)", "class V1__Inner",
        source("Holder", "class Holder {\n  class V1__Inner extends Migration {}\n}\n"));
    expectError("[MigrationClass] migration V2__Private is private", "class V2__Private",
        source("Holder", "class Holder {\n  private static class V2__Private extends Migration {}\n}\n"));
    expectError("[MigrationClass] migration V3__Argument has no constructor without arguments that is not private",
        "class V3__Argument", source("V3__Argument", "class V3__Argument extends Migration {\n"
            + "  V3__Argument(String name) {}\n}\n"));
  }

  @Test
  void twoMigrationsOfAPackageWithOneVersion() {
    expectError("[MigrationVersionClash] migrations db.migration.V1__First and db.migration.V1_0__Again both have "
        + "version 1.0; give db.migration.V1_0__Again the next free version", "class V1_0__Again",
        source("V1__First", "class V1__First extends Migration {}\n"),
        source("V1_0__Again", "class V1_0__Again extends Migration {}\n"));
  }

  @Test
  void anExistingMigrationsClass() {
    expectError("[MigrationIndexClash] the processor generates db.migration.Migrations to list the migrations of its "
        + "package, but that type already exists; rename it", "class V1__First",
        source("Migrations", "class Migrations {}\n"), source("V1__First", "class V1__First extends Migration {}\n"));
  }

  @Test
  void uniqueOnAVirtualField() {
    JavaFileObject schema = Compile.schema("Foo", """
        @Schema("foos")
        public interface Foo {
          @Field(virtual = true, unique = true) String password();
        }
        """);
    Errors.expectError(schema, "[UniqueVirtual] @Field(virtual = true, unique = true) password() asks for a unique "
        + "index on a column that does not exist; remove unique, or make the field persisted", "unique = true");
  }
}
