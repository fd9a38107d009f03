package io.ecto4j.processor;

import com.google.auto.service.AutoService;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.annotation.processing.SupportedOptions;
import javax.lang.model.SourceVersion;
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
 * {@code jdk.compiler}). Under a compiler without it (ECJ) the check is skipped with a note. It claims
 * no annotation, so {@link SchemaProcessor} still sees every {@code @Schema}.
 */
@AutoService(Processor.class)
@SupportedAnnotationTypes(IntegritySchema.SCHEMA)
@SupportedOptions(IntegrityProcessor.STRICT)
public final class IntegrityProcessor extends AbstractProcessor {
  static final String STRICT = "ecto4j.strictConstraints";

  private Trees trees;
  private boolean strict;
  private boolean notedMissingTrees;

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    strict = Boolean.parseBoolean(env.getOptions().get(STRICT));
    try {
      trees = Trees.instance(env);
    } catch (RuntimeException | LinkageError notJavac) {
      trees = null;
    }
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    TypeElement schema = processingEnv.getElementUtils().getTypeElement(IntegritySchema.SCHEMA);
    if (schema == null || annotations.isEmpty()) {
      return false;
    }
    if (trees == null) {
      noteMissingTrees();
      return false;
    }
    for (Element element : round.getElementsAnnotatedWith(schema)) {
      if (element instanceof TypeElement type) {
        check(type);
      }
    }
    return false;
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
      processingEnv.getMessager().printMessage(Diagnostic.Kind.NOTE, Messages.integrityWithoutTrees());
    }
  }

}
