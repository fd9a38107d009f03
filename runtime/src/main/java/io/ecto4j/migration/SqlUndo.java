package io.ecto4j.migration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds the undo file of a SQL migration: {@code U2__add_views.sql} beside {@code V2__add_views.sql}
 * (Flyway Teams' naming), looked up by name in the same locations, not by scanning.
 */
final class SqlUndo {
  private final List<String> locations;
  private final ClassLoader classLoader;

  SqlUndo(List<String> locations, ClassLoader classLoader) {
    this.locations = locations;
    this.classLoader = classLoader;
  }

  /** {@code V2__add_views.sql} → {@code U2__add_views.sql}; {@code sub/V2__x.sql} → {@code sub/U2__x.sql}. */
  static String undoName(String script) {
    int slash = script.lastIndexOf('/');
    String file = script.substring(slash + 1);
    return script.substring(0, slash + 1) + (file.startsWith("V") ? "U" + file.substring(1) : "U" + file);
  }

  /** The undo script's SQL, if one of the locations has it. */
  Optional<String> find(String script) {
    String undo = undoName(script);
    for (String location : locations) {
      Optional<String> sql = location.startsWith("filesystem:")
          ? file(Path.of(location.substring("filesystem:".length()), undo))
          : resource(strip(location) + "/" + undo);
      if (sql.isPresent()) {
        return sql;
      }
    }
    return Optional.empty();
  }

  /** Whether {@code location} is a directory: on the file system, or on the class path of {@code classLoader}. */
  static boolean exists(String location, ClassLoader classLoader) {
    return location.startsWith("filesystem:")
        ? Files.isDirectory(Path.of(location.substring("filesystem:".length())))
        : classLoader.getResource(strip(location)) != null;
  }

  /** Where an undo file of {@code script} is looked for, for the error message. */
  String searched(String script) {
    return undoName(script) + " in " + String.join(", ", locations);
  }

  private static String strip(String location) {
    String path = location.startsWith("classpath:") ? location.substring("classpath:".length()) : location;
    return path.replaceAll("^/+|/+$", "");
  }

  private Optional<String> resource(String name) {
    try (InputStream in = classLoader.getResourceAsStream(name)) {
      return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + name, e);
    }
  }

  private static Optional<String> file(Path path) {
    try {
      return Files.isRegularFile(path) ? Optional.of(Files.readString(path)) : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + path, e);
    }
  }
}
