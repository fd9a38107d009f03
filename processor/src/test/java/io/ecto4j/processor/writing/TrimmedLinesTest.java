package io.ecto4j.processor.writing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TrimmedLinesTest {
  @Test
  void dropsTheSpacesAndTabsThatEndEachLineWhateverTheChunks() throws IOException {
    StringWriter out = new StringWriter();
    TrimmedLines lines = new TrimmedLines(out);
    lines.append("int a = ").append("\n    1;  \t\n").append('\n').append("x, y", 0, 2).append(' ').append('\n');
    lines.append("} \t");
    lines.finish();
    assertThat(out.toString()).isEqualTo("int a =\n    1;\n\nx,\n}");
  }

  @Test
  void keepsSpacesInsideALine() throws IOException {
    StringWriter out = new StringWriter();
    TrimmedLines lines = new TrimmedLines(out);
    lines.append("  a  b ").append(" c\n");
    lines.finish();
    assertThat(out.toString()).isEqualTo("  a  b  c\n");
  }
}
