package io.ecto4j.processor.writing;

import java.io.IOException;
import java.io.Writer;

/**
 * Passes generated text on, line by line, without the spaces and tabs that end a line: JavaPoet
 * leaves a space after a {@code =} that ends a line ({@link GeneratedFiles#onNextLine}). Streaming
 * it, rather than building the whole file as a string and then a trimmed copy of it, is what #21's
 * profile asked for: the processor's writing ran cold, once per file.
 */
final class TrimmedLines implements Appendable {
  private final Writer out;
  private final StringBuilder line = new StringBuilder(128);

  TrimmedLines(Writer out) {
    this.out = out;
  }

  @Override
  public TrimmedLines append(CharSequence text) throws IOException {
    return append(text, 0, text.length());
  }

  @Override
  public TrimmedLines append(CharSequence text, int start, int end) throws IOException {
    int from = start;
    for (int i = start; i < end; i++) {
      if (text.charAt(i) == '\n') {
        line.append(text, from, i);
        endLine();
        from = i + 1;
      }
    }
    line.append(text, from, end);
    return this;
  }

  @Override
  public TrimmedLines append(char c) throws IOException {
    if (c == '\n') {
      endLine();
    } else {
      line.append(c);
    }
    return this;
  }

  /** Writes what is left after the last newline, trimmed as a line is. */
  void finish() throws IOException {
    trim();
    out.append(line);
    line.setLength(0);
  }

  private void endLine() throws IOException {
    trim();
    line.append('\n');
    out.append(line);
    line.setLength(0);
  }

  private void trim() {
    int length = line.length();
    while (length > 0 && (line.charAt(length - 1) == ' ' || line.charAt(length - 1) == '\t')) {
      length--;
    }
    line.setLength(length);
  }
}
