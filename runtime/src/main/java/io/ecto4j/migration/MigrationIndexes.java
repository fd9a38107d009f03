package io.ecto4j.migration;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The generated migration indexes a class loader sees: the processor writes, for each package
 * with migrations, a {@code Migrations} class, and names it in the resource {@link #RESOURCE}. This
 * reads the names; creating the migrations ({@code Migrations.all()}) is left to the tool that
 * loads classes by name (the Maven goals, the Spring starter, {@code @EctoTest}), since the
 * runtime never does.
 */
public final class MigrationIndexes {
  /** One generated index class name a line, written by the processor. */
  public static final String RESOURCE = "META-INF/ecto4j/migrations";

  private MigrationIndexes() {}

  /** The qualified names of every index listed in a {@link #RESOURCE} that {@code loader} sees. */
  public static List<String> names(ClassLoader loader) {
    List<String> names = new ArrayList<>();
    try {
      for (URL resource : Collections.list(loader.getResources(RESOURCE))) {
        try (InputStream in = resource.openStream()) {
          new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
              .filter(line -> !line.isEmpty()).forEach(names::add);
        }
      }
    } catch (IOException e) {
      throw new MigrationException("could not read " + RESOURCE + ": " + e.getMessage(), e);
    }
    return names;
  }
}
