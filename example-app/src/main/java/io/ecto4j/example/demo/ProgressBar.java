package io.ecto4j.example.demo;

import java.io.PrintStream;

/** A one-line progress bar for the seeding, redrawn in place. */
final class ProgressBar {
  private static final int WIDTH = 30;

  private final PrintStream out;
  private final String label;
  private final int total;
  private int shown = -1;

  ProgressBar(PrintStream out, String label, int total) {
    this.out = out;
    this.label = label;
    this.total = total;
  }

  void update(int done) {
    int filled = total == 0 ? WIDTH : (int) ((long) done * WIDTH / total);
    if (filled == shown && done != total) {
      return;
    }
    shown = filled;
    out.printf("\r  %-10s [%s%s] %d/%d", label, "#".repeat(filled), "-".repeat(WIDTH - filled), done, total);
    if (done == total) {
      out.println();
    }
  }
}
