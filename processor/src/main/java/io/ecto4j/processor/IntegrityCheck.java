package io.ecto4j.processor;

import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Checklist question 5, "are uniqueness and integrity rules enforced at the database level, not
 * only in changesets?", answered at compile time: a changeset's {@code uniqueConstraint},
 * {@code foreignKeyConstraint} or {@code checkConstraint} on a field whose generated DDL has no
 * unique index ({@code @Field(unique = true)}), foreign key ({@code @BelongsTo}) or check is a
 * warning naming both ends, or an error with {@code -Aecto4j.strictConstraints=true}.
 *
 * <p>It reads the bodies of the static methods of {@code @Schema} interfaces, which the annotation
 * processing API does not expose, through javac's Tree API ({@code com.sun.source.util.Trees}, module
 * {@code jdk.compiler}). Under a compiler without it (ECJ) the check is skipped with a note.
 * {@link SchemaProcessor} runs it on each round's schemas: as a processor of its own it would
 * depend on the order javac asks processors in, since the schema processor claims {@code @Schema}.
 */
final class IntegrityCheck {
  static final String STRICT = "ecto4j.strictConstraints";

  private final ProcessingEnvironment env;
  private final Trees trees;
  private final boolean strict;
  private boolean notedMissingTrees;

  IntegrityCheck(ProcessingEnvironment env) {
    this.env = env;
    this.strict = Boolean.parseBoolean(env.getOptions().get(STRICT));
    this.trees = treesOf(env);
  }

  private static Trees treesOf(ProcessingEnvironment env) {
    try {
      return Trees.instance(env);
    } catch (RuntimeException | LinkageError notJavac) {
      return null;
    }
  }

  /** Checks the changeset functions of {@code schemas}, each once: the schemas a round brought. */
  void check(Iterable<? extends Element> schemas) {
    if (trees == null) {
      noteMissingTrees();
      return;
    }
    for (Element element : schemas) {
      if (element instanceof TypeElement type) {
        check(type);
      }
    }
  }

  private void check(TypeElement type) {
    IntegritySchema model = IntegritySchema.of(type);
    Diagnostic.Kind kind = strict ? Diagnostic.Kind.ERROR : Diagnostic.Kind.WARNING;
    for (Element member : type.getEnclosedElements()) {
      if (member.getKind() == ElementKind.METHOD && member.getModifiers().contains(Modifier.STATIC)) {
        TreePath path = trees.getPath(member);
        if (path != null) {
          new ConstraintCalls(trees, path.getCompilationUnit(), model, kind).scan(path, null);
        }
      }
    }
  }

  private void noteMissingTrees() {
    if (!notedMissingTrees) {
      notedMissingTrees = true;
      env.getMessager().printMessage(Diagnostic.Kind.NOTE, Messages.integrityWithoutTrees());
    }
  }
}
