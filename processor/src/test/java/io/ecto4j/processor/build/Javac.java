package io.ecto4j.processor.build;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * javac as a build tool runs it: the processors found on the class path through their services
 * file (not handed over as compile-testing does), classes and generated sources into a directory
 * that a later compilation reads again.
 */
final class Javac {
  private final Path out;
  private final List<Path> libraries;
  private final DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();

  /** Compiles into {@code out}, with the class directories {@code libraries} on the class path before this JVM's. */
  Javac(Path out, Path... libraries) {
    this.out = out;
    this.libraries = List.of(libraries);
  }

  /** Compiles {@code sources} with {@code options} into the output directory, which is on the class path too. */
  boolean compile(List<String> options, JavaFileObject... sources) throws IOException {
    List<String> classPath = new ArrayList<>(List.of(out.toString()));
    libraries.forEach(library -> classPath.add(library.toString()));
    classPath.add(System.getProperty("java.class.path"));
    List<String> all = new ArrayList<>(options);
    all.addAll(List.of("-d", out.toString(), "-s", Files.createDirectories(out.resolve("generated-sources")).toString(),
        "-cp", String.join(File.pathSeparator, classPath)));
    return ToolProvider.getSystemJavaCompiler().getTask(null, null, diagnostics, all, null, List.of(sources)).call();
  }

  /** Every warning and error so far, as {@code "KIND message"}. */
  List<String> reported() {
    return diagnostics.getDiagnostics().stream().filter(d -> d.getKind() != Diagnostic.Kind.NOTE)
        .map(d -> d.getKind() + " " + d.getMessage(Locale.ROOT)).toList();
  }

  List<Diagnostic<? extends JavaFileObject>> diagnostics() {
    return diagnostics.getDiagnostics();
  }

  /** A file of the output directory, e.g. {@code META-INF/ecto4j/schema.json}. */
  String output(String path) throws IOException {
    return Files.readString(out.resolve(path));
  }

  static JavaFileObject source(String name, String code) {
    return new SimpleJavaFileObject(URI.create("string:///" + name.replace('.', '/') + ".java"), JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return code;
      }
    };
  }
}
