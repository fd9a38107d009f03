package io.ecto4j.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.ClassName;
import io.ecto4j.processor.model.MigrationModel;
import io.ecto4j.processor.validation.MigrationValidator;
import io.ecto4j.processor.writing.MigrationIndexGenerator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * Lists the migrations of each package in a generated {@code Migrations} class. {@code Migration}
 * carries the {@link java.lang.annotation.Inherited @Inherited} annotation {@code @Indexed}, so
 * javac hands this processor every subclass without the user writing an annotation: extending
 * {@code Migration} is all, as {@code use Ecto.Migration} is in Ecto. The runtime then registers
 * the listed instances with Flyway and never scans the class path.
 */
@AutoService(Processor.class)
public final class MigrationProcessor extends AbstractProcessor {
  private final Map<String, ClassName> indexes = new TreeMap<>();
  private final MigrationIndexGenerator generator = new MigrationIndexGenerator();
  private boolean failed;

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(RuntimeNames.MIGRATION_INDEXED.canonicalName());
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    ErrorReporter reporter = new ErrorReporter(processingEnv.getMessager());
    if (round.processingOver()) {
      writeResource(reporter);
      return false;
    }
    TypeElement indexed = processingEnv.getElementUtils().getTypeElement(RuntimeNames.MIGRATION_INDEXED.canonicalName());
    if (indexed != null) {
      generate(reporter, byPackage(reporter, round.getElementsAnnotatedWith(indexed)));
    }
    // Claimed: no one else reads @Indexed, and an unclaimed annotation is a -Xlint:processing warning.
    return true;
  }

  /** The valid migrations of this round by package, each package's sorted by version. */
  private Map<String, List<Found>> byPackage(ErrorReporter reporter, Set<? extends Element> elements) {
    MigrationValidator validator = new MigrationValidator(reporter);
    Map<String, List<Found>> packages = new TreeMap<>();
    int before = reporter.errorCount();
    for (Element element : elements) {
      if (element instanceof TypeElement type) {
        validator.validate(type).ifPresent(migration -> packages
            .computeIfAbsent(migration.type().packageName(), p -> new ArrayList<>()).add(new Found(migration, type)));
      }
    }
    packages.values().forEach(found -> found.sort((a, b) -> MigrationModel.BY_VERSION.compare(a.model, b.model)));
    packages.values().forEach(found -> checkVersions(reporter, found));
    failed |= reporter.errorCount() > before;
    return packages;
  }

  private static void checkVersions(ErrorReporter reporter, List<Found> sorted) {
    for (int i = 1; i < sorted.size(); i++) {
      Found previous = sorted.get(i - 1);
      Found current = sorted.get(i);
      if (MigrationModel.sameVersion(previous.model.version(), current.model.version())) {
        reporter.error(Messages.migrationVersionClash(current.model.type().canonicalName(), current.model.version(),
            previous.model.type().canonicalName()), current.element);
      }
    }
  }

  private void generate(ErrorReporter reporter, Map<String, List<Found>> packages) {
    if (failed) {
      return;
    }
    packages.forEach((packageName, found) -> {
      ClassName index = MigrationIndexGenerator.indexOf(packageName);
      TypeElement existing = processingEnv.getElementUtils().getTypeElement(index.canonicalName());
      if (indexes.containsKey(packageName) || (existing != null && !isStaleIndex(existing))) {
        reporter.error(Messages.migrationIndexClash(index.canonicalName()), found.get(0).element);
        failed = true;
        return;
      }
      List<MigrationModel> models = found.stream().map(Found::model).toList();
      List<Element> origins = found.stream().<Element>map(Found::element).toList();
      try {
        generator.write(generator.generate(packageName, models, origins), processingEnv.getFiler());
        indexes.put(packageName, index);
      } catch (IOException e) {
        reporter.error(Messages.writeFailed(index.canonicalName(), e.getMessage()), found.get(0).element);
        failed = true;
      }
    });
  }

  /**
   * Whether {@code existing} is this processor's output of an earlier build (a stale class on the
   * class path, which the new output replaces): it has the generated {@code static List<Migration> all()}.
   */
  private static boolean isStaleIndex(TypeElement existing) {
    String expected = "java.util.List<" + RuntimeNames.MIGRATION.canonicalName() + ">";
    return ElementFilter.methodsIn(existing.getEnclosedElements()).stream()
        .anyMatch(method -> method.getSimpleName().contentEquals("all") && method.getParameters().isEmpty()
            && method.getModifiers().contains(Modifier.STATIC) && method.getReturnType().toString().equals(expected));
  }

  private void writeResource(ErrorReporter reporter) {
    if (failed || indexes.isEmpty()) {
      return;
    }
    try {
      generator.writeResource(new TreeSet<>(indexes.values()), processingEnv.getFiler());
    } catch (IOException e) {
      reporter.error(Messages.writeFailed(MigrationIndexGenerator.RESOURCE, e.getMessage()), (Element) null);
    }
  }

  /** A migration and the class it was read from, for errors and originating elements. */
  private record Found(MigrationModel model, TypeElement element) {}
}
