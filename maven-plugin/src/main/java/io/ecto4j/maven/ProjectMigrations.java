package io.ecto4j.maven;

import static java.util.stream.Collectors.toSet;

import io.ecto4j.migration.Migration;
import io.ecto4j.migration.MigrationException;
import io.ecto4j.migration.MigrationIndex;
import io.ecto4j.migration.MigrationIndexes;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;

/**
 * The compiled project as the goals see it: a class loader over its runtime class path (its
 * classes, SQL migrations and schema resource), and its Java migrations, found through the
 * migration indexes the processor registers as services. The plugin is a build tool, so it may
 * load the registered index classes; the runtime itself never does.
 */
final class ProjectMigrations {
  /** A compiled class named {@code V<version>__<Name>}, top-level or nested. */
  private static final Pattern CLASS_NAMED_LIKE_A_MIGRATION =
      Pattern.compile("(?:.*\\$)?V\\d+(?:[._]\\d+)*__\\w+\\.class");

  private ProjectMigrations() {}

  /** A loader of the project's compiled classes and dependencies, delegating to the plugin's first. */
  static ClassLoader classLoader(MavenProject project) throws MojoExecutionException {
    try {
      List<URL> urls = new ArrayList<>();
      for (String element : project.getRuntimeClasspathElements()) {
        urls.add(new File(element).toURI().toURL());
      }
      return new URLClassLoader(urls.toArray(URL[]::new), ProjectMigrations.class.getClassLoader());
    } catch (DependencyResolutionRequiredException | MalformedURLException e) {
      throw new MojoExecutionException("could not build the project's class path: " + e.getMessage(), e);
    }
  }

  /** A new instance of every Java migration the generated indexes of the project list. */
  static List<Migration> load(ClassLoader loader) throws MojoExecutionException {
    List<Migration> migrations = new ArrayList<>();
    try {
      migrations.addAll(MigrationIndexes.migrations(ServiceLoader.load(MigrationIndex.class, loader)));
    } catch (MigrationException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
    return migrations;
  }

  /**
   * Refuses, before anything runs, a class in a migrations package or location of the project's
   * compiled classes that is named like a migration ({@code V<version>__<Name>}) but is not one,
   * which would otherwise be left out silently; Ecto's "does not define an Ecto.Migration".
   */
  static void requireOnlyMigrations(MavenProject project, ClassLoader loader, List<Migration> migrations,
      String[] locations) {
    Path classes = Path.of(project.getBuild().getOutputDirectory());
    Set<String> known = migrations.stream().map(migration -> migration.getClass().getName()).collect(toSet());
    Set<Path> directories = new TreeSet<>();
    migrations.forEach(migration -> directories.add(classes.resolve(migration.getClass().getPackageName()
        .replace('.', File.separatorChar))));
    for (String location : locations) {
      if (location.startsWith("classpath:")) {
        directories.add(classes.resolve(location.substring("classpath:".length()).replaceAll("^/+", "")));
      }
    }
    for (Path directory : directories) {
      for (String name : classesNamedLikeMigrations(classes, directory)) {
        if (!known.contains(name)) {
          throw new MigrationException("class " + name + " is named like a migration but is not one: "
              + whyNot(loader, name) + "; or rename it so that its name does not start with V<version>__");
        }
      }
    }
  }

  private static List<String> classesNamedLikeMigrations(Path classes, Path directory) {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(directory)) {
      return files.map(file -> classes.relativize(file).toString())
          .filter(file -> CLASS_NAMED_LIKE_A_MIGRATION.matcher(file.substring(file.lastIndexOf(File.separatorChar) + 1))
              .matches())
          .map(file -> file.substring(0, file.length() - ".class".length()).replace(File.separatorChar, '.'))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("could not list " + directory, e);
    }
  }

  private static String whyNot(ClassLoader loader, String name) {
    try {
      Class<?> type = loader.loadClass(name);
      if (!Migration.class.isAssignableFrom(type)) {
        return "it does not extend " + Migration.class.getName() + "; extend it";
      }
      if (Modifier.isAbstract(type.getModifiers())) {
        return "it is abstract; make it concrete";
      }
      return "no generated migration index lists it; compile with ecto4j-processor on the annotation processor path";
    } catch (ClassNotFoundException | LinkageError e) {
      return "it cannot be loaded (" + e + "); recompile the project";
    }
  }
}
