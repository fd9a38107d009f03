package io.ecto4j.processor;

import io.ecto4j.processor.reading.Annotations;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.TypeElement;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * The schemas an earlier build of the same output directory compiled, for a compilation that
 * recompiles only some of them (an IDE saving one file, an incremental build): the schema DDL
 * resource must still describe them all, since {@code gen-migration} reads it. Their names are kept
 * in {@link #INDEX} beside the resource; a schema listed there that still exists (its class file is
 * on the class path, with its annotations, which are kept in class files) is read again from it. One
 * whose class is gone was deleted, and leaves the resource.
 */
final class EarlierSchemas {
  /** One qualified interface name per line: the schemas the resource describes. */
  static final String INDEX = "META-INF/ecto4j/schema-types";

  private final ProcessingEnvironment env;
  private final Annotations annotations;

  EarlierSchemas(ProcessingEnvironment env) {
    this.env = env;
    this.annotations = new Annotations(env.getElementUtils());
  }

  /** The earlier schemas not in {@code compiled}, as elements read from their class files. */
  Set<TypeElement> missingFrom(Set<String> compiled) {
    Set<TypeElement> earlier = new LinkedHashSet<>();
    for (String name : listed()) {
      if (!compiled.contains(name)) {
        TypeElement schema = env.getElementUtils().getTypeElement(name);
        if (schema != null && annotations.find(schema, RuntimeNames.SCHEMA).isPresent()) {
          earlier.add(schema);
        }
      }
    }
    return earlier;
  }

  /** Records {@code schemas} as the ones the resource now describes. */
  static void write(Filer filer, Set<String> schemas) throws IOException {
    FileObject index = filer.createResource(StandardLocation.CLASS_OUTPUT, "", INDEX);
    try (var writer = index.openWriter()) {
      for (String schema : new TreeSet<>(schemas)) {
        writer.write(schema + "\n");
      }
    }
  }

  /** The names the last build wrote; none on a first build (or where the output cannot be read). */
  private Set<String> listed() {
    Set<String> names = new TreeSet<>();
    try {
      FileObject index = env.getFiler().getResource(StandardLocation.CLASS_OUTPUT, "", INDEX);
      index.getCharContent(true).toString().lines().filter(line -> !line.isBlank()).forEach(names::add);
    } catch (IOException | IllegalArgumentException | IllegalStateException
        | UnsupportedOperationException noEarlierBuild) {
      // Nothing to merge with: this build describes what it compiles.
    }
    return names;
  }
}
