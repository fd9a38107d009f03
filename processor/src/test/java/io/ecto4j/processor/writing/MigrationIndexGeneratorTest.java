package io.ecto4j.processor.writing;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.ecto4j.migration.Migration;
import io.ecto4j.migration.MigrationIndex;
import io.ecto4j.migration.MigrationIndexes;
import io.ecto4j.processor.GeneratedClasses;
import io.ecto4j.processor.MigrationProcessor;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  /** The tools find the indexes as services of the runtime's interface, through the runtime's one loader. */
  @Test
  void eachIndexIsAMigrationIndexServiceTheRuntimeLoads(@TempDir Path output) throws Exception {
    Compilation compilation = compile(
        migration("db.migration.V1__First", "public class V1__First extends Migration {}\n"),
        migration("other.V2__Second", "public class V2__Second extends Migration {}\n"));
    assertThat(compilation).succeeded();
    assertThat(MigrationIndexGenerator.RESOURCE).isEqualTo(MigrationIndexes.RESOURCE);

    GeneratedClasses classes = new GeneratedClasses(compilation);
    MigrationIndex index = (MigrationIndex) classes.load("db.migration.Migrations").getConstructor().newInstance();
    assertThat(index.migrations()).extracting(Migration::version).containsExactly("1");
    try (URLClassLoader project = new URLClassLoader(new URL[] {written(compilation, classes, output).toUri().toURL()},
        getClass().getClassLoader())) {
      assertThat(MigrationIndexes.migrations(ServiceLoader.load(MigrationIndex.class, project))).extracting(Migration::version).containsExactly("1", "2");
    }
  }

  /** The compilation's classes and service registration in {@code output}, as a project's build writes them. */
  private static Path written(Compilation compilation, GeneratedClasses classes, Path output) throws IOException {
    for (Map.Entry<String, byte[]> type : classes.classFiles().entrySet()) {
      Path file = output.resolve(type.getKey().replace('.', '/') + ".class");
      Files.createDirectories(file.getParent());
      Files.write(file, type.getValue());
    }
    Path services = output.resolve(MigrationIndexes.RESOURCE);
    Files.createDirectories(services.getParent());
    Files.writeString(services, compilation.generatedFile(StandardLocation.CLASS_OUTPUT, MigrationIndexes.RESOURCE)
        .orElseThrow().getCharContent(true));
    return output;
  }

  @Test
  void aCompilationWithoutMigrationsGeneratesNothing() {
    Compilation compilation = compile(JavaFileObjects.forSourceString("a.B", "package a; class B {}"));
    assertThat(compilation).succeeded();
    assertThat(compilation.generatedFiles()).noneMatch(file -> file.getName().contains("Migrations")
        || file.getName().contains("ecto4j"));
  }
}
