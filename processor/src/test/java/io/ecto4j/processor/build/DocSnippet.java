package io.ecto4j.processor.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One ```java block of a doc page, with the {@code <!-- snippet: … -->} line written right above it
 * (docs/architecture.md, "Doc snippets", says how to write one):
 *
 * <ul>
 *   <li>no marker: the block is whole files (a package line is optional; several top-level types,
 *       each starting at column 0 after a blank line or under a {@code // Post.java} line, become
 *       one file each); a schema declared so
 *       replaces the doc schema of that name on its page. {@code <!-- snippet: alone -->}: whole
 *       files compiled on their own, without the doc schemas;
 *   <li>{@code <!-- snippet: void run(Repo repo) -->}: statements, the body of a method with that
 *       signature; {@code <!-- snippet: members -->}: the body of a class. Either may end with
 *       {@code in Context}, a class of the doc schemas' package the wrapper extends for the
 *       helpers the snippet calls;
 *   <li>{@code <!-- snippet: not compiled: why -->}: left out, and counted.
 * </ul>
 *
 * <p>The block's leading import lines are the compilation unit's imports, so what a reader pastes
 * is what compiles.
 */
record DocSnippet(Path page, int line, String marker, String code) {
  /** The package of the doc schemas (processor/src/test/resources/docs), where every snippet compiles. */
  static final String PACKAGE = "com.example.blog";

  private static final Pattern FENCE = Pattern.compile("^```java$");
  private static final Pattern MARKER = Pattern.compile("^<!-- snippet: (.+) -->$");
  private static final Pattern NOT_COMPILED = Pattern.compile("not compiled: .+");
  private static final Pattern WRAPPED = Pattern.compile("(members|.+\\))(?: in (\\w+))?");
  private static final Pattern TYPE_NAME = Pattern.compile("(?:class|interface|enum|record) (\\w+)");
  private static final Pattern DECLARATION_START = Pattern.compile("\\n\\n(?=[@a-z])|\\n(?=// \\w+\\.java\\n)");

  /** Every ```java block of {@code page}, in order, with the marker line above it if any. */
  static List<DocSnippet> read(Path page) throws IOException {
    List<String> lines = Files.readAllLines(page);
    List<DocSnippet> snippets = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (FENCE.matcher(lines.get(i)).matches()) {
        int end = closingFence(lines, i);
        snippets.add(new DocSnippet(page, i + 1, markerAbove(lines, i), String.join("\n", lines.subList(i + 1, end)) + "\n"));
        i = end;
      }
    }
    return snippets;
  }

  private static int closingFence(List<String> lines, int fence) {
    for (int i = fence + 1; i < lines.size(); i++) {
      if (lines.get(i).equals("```")) {
        return i;
      }
    }
    throw new AssertionError("the java block at line " + (fence + 1) + " is never closed");
  }

  private static String markerAbove(List<String> lines, int fence) {
    int above = fence - 1;
    while (above >= 0 && lines.get(above).isBlank()) {
      above--;
    }
    Matcher marker = above < 0 ? null : MARKER.matcher(lines.get(above));
    return marker != null && marker.matches() ? marker.group(1) : null;
  }

  /** Where a reader finds it: {@code docs/queries.md:119}. */
  String where() {
    return page.getFileName() + ":" + line;
  }

  /** The reason it is not compiled, if it is marked so. */
  Optional<String> notCompiledBecause() {
    return marker != null && NOT_COMPILED.matcher(marker).matches() ? Optional.of(marker) : Optional.empty();
  }

  /** Whether it compiles in a compilation of its own, without the doc schemas. */
  boolean alone() {
    return "alone".equals(marker);
  }

  /** The files this snippet compiles as, in {@link #PACKAGE} unless it names its own package. */
  List<SnippetSource> sources() {
    if (marker == null || alone()) {
      return wholeFiles();
    }
    Matcher wrapped = WRAPPED.matcher(marker);
    if (!wrapped.matches()) {
      throw new AssertionError(where() + ": unknown snippet marker \"" + marker + "\"");
    }
    return List.of(wrapped(wrapped.group(1), wrapped.group(2)));
  }

  /**
   * The imports, then one line with the wrapper's class and method headers, then the snippet's
   * other lines: a snippet's line stays two lines below its place in the file.
   */
  private SnippetSource wrapped(String what, String context) {
    int imports = importLines();
    String importText = lines(0, imports);
    String body = lines(imports, code.split("\n", -1).length);
    String name = "Snippet" + line;
    boolean members = what.equals("members");
    String header = "abstract class " + name + (context == null ? "" : " extends " + context) + " {"
        + (members ? "" : " " + what + " throws Exception {");
    String source = "package " + PACKAGE + ";\n" + importText + (imports == 0 ? "" : "\n") + header + "\n" + body
        + (members ? "}\n" : "}}\n");
    return new SnippetSource(this, PACKAGE + "." + name, source, line - 2);
  }

  /** How many lines the leading package and import lines (and the blank lines among them) take. */
  private int importLines() {
    String[] lines = code.split("\n", -1);
    int last = 0;
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].startsWith("import ") || lines[i].startsWith("package ")) {
        last = i + 1;
      } else if (!lines[i].isBlank()) {
        break;
      }
    }
    return last;
  }

  private List<SnippetSource> wholeFiles() {
    boolean packaged = code.startsWith("package ");
    String pkg = packaged ? code.substring(8, code.indexOf(';')) : PACKAGE;
    int imports = importLines();
    String head = packaged ? "" : "package " + PACKAGE + ";\n";
    String importText = lines(0, imports);
    String declarations = lines(imports, code.split("\n", -1).length);
    List<SnippetSource> files = new ArrayList<>();
    String prefix = head + importText + (imports == 0 ? "" : "\n");
    int prefixLines = newlines(prefix);
    int start = 0;
    Matcher next = DECLARATION_START.matcher(declarations);
    while (start < declarations.length()) {
      int end = next.find() ? next.start() : declarations.length();
      String part = declarations.substring(start, end);
      String declaration = part.strip();
      Matcher type = TYPE_NAME.matcher(declaration);
      if (!type.find()) {
        throw new AssertionError(where() + ": no type declared in \"" + declaration + "\"");
      }
      int firstLine = imports + newlines(declarations.substring(0, start)) + newlines(part.substring(0, part.indexOf(declaration)));
      files.add(new SnippetSource(this, pkg + "." + type.group(1), prefix + declaration + "\n", line + firstLine - prefixLines));
      start = end == declarations.length() ? end : next.end();
    }
    return files;
  }

  private static int newlines(String text) {
    return (int) text.chars().filter(c -> c == '\n').count();
  }

  /** Lines {@code from} (inclusive) to {@code to} (exclusive) of the block, joined. */
  private String lines(int from, int to) {
    return String.join("\n", Arrays.asList(code.split("\n", -1)).subList(from, to));
  }
}
