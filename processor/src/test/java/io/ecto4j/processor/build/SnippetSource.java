package io.ecto4j.processor.build;

import javax.tools.JavaFileObject;

/**
 * A file a {@link DocSnippet} compiles as: its class name, its text, and where its lines sit on the
 * page ({@code pageLine = firstLine + line in this file}), so an error points at the page.
 */
record SnippetSource(DocSnippet snippet, String className, String code, int firstLine) {
  JavaFileObject file() {
    return Javac.source(className, code);
  }

  /** The page line of {@code line} of this file, e.g. {@code queries.md:121}. */
  String where(long line) {
    return snippet.page().getFileName() + ":" + (firstLine + line);
  }
}
