package io.ecto4j.internal;

import java.util.List;

/** The first stack frame outside ecto4j's own packages: where the application asked for a statement. */
public final class CallSite {
  private static final StackWalker WALKER = StackWalker.getInstance();
  private static final List<String> LIBRARY = List.of("io.ecto4j.repo.", "io.ecto4j.query.", "io.ecto4j.changeset.",
      "io.ecto4j.multi.", "io.ecto4j.meta.", "io.ecto4j.telemetry.", "io.ecto4j.clinic.", "io.ecto4j.migration.",
      "io.ecto4j.type.", "io.ecto4j.internal.", "io.ecto4j.testing.");

  private CallSite() {}

  /** {@code com.example.Blog.list(Blog.java:42)}, or "unknown". */
  public static String current() {
    return WALKER.walk(frames -> frames.filter(f -> !isLibrary(f.getClassName())).findFirst())
        .map(f -> f.getClassName() + "." + f.getMethodName() + "(" + f.getFileName() + ":" + f.getLineNumber() + ")")
        .orElse("unknown");
  }

  static boolean isLibrary(String className) {
    for (String prefix : LIBRARY) {
      if (className.startsWith(prefix)) {
        return true;
      }
    }
    return className.startsWith("java.") || className.startsWith("jdk.") || className.startsWith("com.zaxxer.")
        || className.startsWith("org.postgresql.");
  }

}
