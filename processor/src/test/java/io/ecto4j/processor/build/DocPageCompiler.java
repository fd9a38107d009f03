package io.ecto4j.processor.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Compiles a doc page's Java snippets ({@link DocSnippet}) with the processor, beside the doc
 * schemas: the files of processor/src/test/resources/docs and of any further folder a module adds
 * (spring-boot-test adds the Spring helpers its pages call). Used by {@code DocSnippetsTest} here
 * and by the Spring module's page test, so both pages follow one convention.
 */
final class DocPageCompiler {
  /** The doc schemas every page compiles with, found from any module of the build. */
  static final Path SCHEMAS = Path.of("..", "processor", "src", "test", "resources", "docs");

  private final List<Path> schemaFolders;

  DocPageCompiler(Path... schemaFolders) {
    this.schemaFolders = List.of(schemaFolders);
  }

  /** The page's errors as {@code page:line: message}; empty when every snippet compiles or says why not. */
  List<String> errors(Path page, Path out) throws IOException {
    List<DocSnippet> snippets = DocSnippet.read(page);
    List<String> errors = new ArrayList<>(compile(out.resolve("page"), snippets.stream()
        .filter(snippet -> snippet.notCompiledBecause().isEmpty() && !snippet.alone()).toList(), true));
    for (DocSnippet alone : snippets.stream().filter(DocSnippet::alone).toList()) {
      errors.addAll(compile(out.resolve("line" + alone.line()), List.of(alone), false));
    }
    report(page, snippets);
    return errors;
  }

  /** The errors of compiling {@code snippets}, with the doc schemas they do not replace if asked. */
  private List<String> compile(Path out, List<DocSnippet> snippets, boolean withSchemas) throws IOException {
    List<SnippetSource> sources = snippets.stream().flatMap(snippet -> snippet.sources().stream()).toList();
    List<JavaFileObject> files = withSchemas ? withSchemas(sources) : sources.stream().map(SnippetSource::file).toList();
    Javac javac = new Javac(Files.createDirectories(out));
    javac.compile(List.of(), files.toArray(JavaFileObject[]::new));
    return errors(javac, sources);
  }

  /** The page's files, and the doc schemas the page does not declare itself. */
  private List<JavaFileObject> withSchemas(List<SnippetSource> sources) throws IOException {
    Set<String> declared = sources.stream().map(SnippetSource::className).collect(Collectors.toSet());
    List<JavaFileObject> files = new ArrayList<>(sources.stream().map(SnippetSource::file).toList());
    for (Path folder : schemaFolders) {
      files.addAll(notDeclared(declared, folder.resolve(Path.of("", DocSnippet.PACKAGE.split("\\."))), DocSnippet.PACKAGE));
    }
    return files;
  }

  /**
   * The files of {@code folder} (package {@code pkg}) whose types are not {@code declared} by the
   * snippets: a page's own {@code Post} replaces the folder's.
   */
  static List<JavaFileObject> notDeclared(Set<String> declared, Path folder, String pkg) throws IOException {
    List<JavaFileObject> files = new ArrayList<>();
    try (Stream<Path> schemas = Files.list(folder)) {
      for (Path schema : schemas.sorted().toList()) {
        String name = pkg + "." + schema.getFileName().toString().replace(".java", "");
        if (!declared.contains(name)) {
          files.add(Javac.source(name, Files.readString(schema)));
        }
      }
    }
    return files;
  }

  /** Each error as {@code page:line: message}, or as the doc schema's file and line. */
  private static List<String> errors(Javac javac, List<SnippetSource> sources) {
    return javac.diagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
        .map(d -> where(d, sources) + ": " + d.getMessage(null)).toList();
  }

  private static String where(Diagnostic<? extends JavaFileObject> diagnostic, List<SnippetSource> sources) {
    JavaFileObject file = diagnostic.getSource();
    if (file == null) {
      return "";
    }
    return sources.stream().filter(source -> source.file().toUri().equals(file.toUri())).findFirst()
        .map(source -> source.where(diagnostic.getLineNumber()))
        .orElse(file.getName() + ":" + diagnostic.getLineNumber());
  }

  /** What was compiled and what was left out, and why, for the build log. */
  private static void report(Path page, List<DocSnippet> snippets) {
    List<String> left = snippets.stream()
        .flatMap(snippet -> snippet.notCompiledBecause().map(why -> snippet.where() + " " + why).stream()).toList();
    System.out.printf("%s: %d snippets compiled, %d not compiled %s%n", page.getFileName(),
        snippets.size() - left.size(), left.size(), left);
  }
}
