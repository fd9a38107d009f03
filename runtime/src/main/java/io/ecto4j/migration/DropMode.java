package io.ecto4j.migration;

/**
 * What a {@code DROP} does with the objects that depend on the dropped one, Ecto's {@code mode:}.
 *
 * <pre>{@code
 * dropIndex(index("posts", "title"), DropMode.CASCADE);
 * }</pre>
 */
public enum DropMode {
  /** Refuse while anything depends on it (PostgreSQL's default, Ecto's {@code :restrict}). */
  RESTRICT,
  /** Drop what depends on it too (Ecto's {@code :cascade}). */
  CASCADE;

  /** The clause after the dropped name: nothing for the default. */
  String clause() {
    return this == CASCADE ? " CASCADE" : "";
  }

  /** The words after a command's log line: nothing for the default. */
  String shown() {
    return this == CASCADE ? " cascade" : "";
  }
}
