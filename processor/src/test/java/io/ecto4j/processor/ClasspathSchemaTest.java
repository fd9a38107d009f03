package io.ecto4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Associations may point at schemas compiled elsewhere: their annotations are read from the class files. */
class ClasspathSchemaTest {
  @TempDir
  Path library;

  @Test
  void belongsToASchemaOnTheClasspath() throws IOException {
    compileLibrary();
    Compilation compilation = compileApp(JavaFileObjects.forSourceString("app.Book", """
        package app;

        import io.ecto4j.schema.*;
        import lib.Author;

        @Schema("books")
        public interface Book {
          @Field String title();
          @BelongsTo Author author();
        }
        """));
    assertThat(compilation).succeededWithoutWarnings();
    org.assertj.core.api.Assertions.assertThat(source(compilation, "app.BookStruct"))
        .contains("UUID authorId", "AuthorStruct author", "AuthorStruct.NOT_LOADED");
    org.assertj.core.api.Assertions.assertThat(source(compilation, "app.Books"))
        .contains("\\\"author_id\\\" uuid REFERENCES \\\"authors\\\" (\\\"id\\\")", "() -> Authors.SCHEMA");
  }

  @Test
  void hasManyChecksTheInverseOnTheClasspath() throws IOException {
    compileLibrary();
    JavaFileObject shelf = JavaFileObjects.forSourceString("app.Shelf", """
        package app;

        import io.ecto4j.schema.*;
        import java.util.List;
        import lib.Author;

        @Schema("shelves")
        public interface Shelf {
          @Field String name();
          @HasMany List<Author> authors();
        }
        """);
    Compilation compilation = compileApp(shelf);
    assertThat(compilation).hadErrorContaining("[MissingInverse] @HasMany authors(): Author has no @BelongsTo Shelf "
        + "with the foreign key shelf_id").inFile(shelf).onLineContaining("@HasMany");
  }

  private static String source(Compilation compilation, String type) throws IOException {
    return compilation.generatedSourceFile(type).orElseThrow().getCharContent(true).toString();
  }

  private void compileLibrary() throws IOException {
    Compilation compilation = Compile.schemas(JavaFileObjects.forSourceString("lib.Author", """
        package lib;

        import io.ecto4j.schema.*;

        @Schema(value = "authors", primaryKey = @PrimaryKey(type = PrimaryKey.Type.UUID))
        public interface Author {
          @Field String name();
        }
        """));
    for (Map.Entry<String, byte[]> type : new GeneratedClasses(compilation).classFiles().entrySet()) {
      Path file = library.resolve(type.getKey().replace('.', '/') + ".class");
      Files.createDirectories(file.getParent());
      Files.write(file, type.getValue());
    }
  }

  private Compilation compileApp(JavaFileObject source) {
    List<File> classpath = new ArrayList<>();
    classpath.add(library.toFile());
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      classpath.add(new File(entry));
    }
    return javac().withProcessors(new SchemaProcessor()).withClasspath(classpath).compile(source);
  }
}
