package io.ecto4j.processor.writing;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.ecto4j.migration.Migration;
import io.ecto4j.processor.GeneratedClasses;
import io.ecto4j.processor.MigrationProcessor;
import java.io.IOException;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/** The generated {@code Migrations} index: every Migration subclass of a package, in version order. */
class MigrationIndexGeneratorTest {

  static JavaFileObject migration(String qualifiedName, String body) {
    String packageName = qualifiedName.substring(0, qualifiedName.lastIndexOf('.'));
    return JavaFileObjects.forSourceString(qualifiedName, "package " + packageName + ";\n\n"
        + "import io.ecto4j.migration.Migration;\n\n" + body);
  }

  static Compilation compile(JavaFileObject... sources) {
    return javac().withProcessors(new MigrationProcessor()).compile(sources);
  }

  @Test
  void listsThePackagesMigrationsInVersionOrderWithoutAnyAnnotation() throws Exception {
    Compilation compilation = compile(
        migration("db.migration.V10__Third", "public class V10__Third extends Migration {\n"
            + "  @Override protected void change() { execute(\"SELECT 3\", \"SELECT 0\"); }\n}\n"),
        migration("db.migration.V2__Second", "class V2__Second extends Base {}\n"),
        migration("db.migration.Base", "abstract class Base extends Migration {\n"
            + "  @Override protected void change() { execute(\"SELECT 2\", \"SELECT 0\"); }\n}\n"),
        migration("db.migration.Holder", "class Holder {\n  static class V1_5__Nested extends Migration {}\n}\n"),
        migration("other.V1__Elsewhere", "public class V1__Elsewhere extends Migration {}\n"));
    assertThat(compilation).succeeded();
    assertThat(compilation).generatedSourceFile("db.migration.Migrations").contentsAsUtf8String()
        .contains("""
              public static List<Migration> all() {
                return List.of(
                    new Holder.V1_5__Nested(),
                    new V2__Second(),
                    new V10__Third());
              }
            """);
    assertThat(compilation).generatedSourceFile("other.Migrations");
    String resource = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, MigrationIndexGenerator.RESOURCE)
        .orElseThrow().getCharContent(true).toString();
    assertThat(resource).isEqualTo("db.migration.Migrations\nother.Migrations\n");

    @SuppressWarnings("unchecked")
    List<Migration> all = (List<Migration>) new GeneratedClasses(compilation).load("db.migration.Migrations")
        .getMethod("all").invoke(null);
    assertThat(all).extracting(Migration::version).containsExactly("1.5", "2", "10");
  }

  @Test
  void aCompilationWithoutMigrationsGeneratesNothing() {
    Compilation compilation = compile(JavaFileObjects.forSourceString("a.B", "package a; class B {}"));
    assertThat(compilation).succeeded();
    assertThat(compilation.generatedFiles()).noneMatch(file -> file.getName().contains("Migrations")
        || file.getName().contains("ecto4j"));
  }
}
