package io.ecto4j.processor.validation;

import com.palantir.javapoet.ClassName;
import io.ecto4j.processor.ErrorReporter;
import io.ecto4j.processor.Messages;
import io.ecto4j.processor.model.MigrationModel;
import java.util.Optional;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * Checks a {@code Migration} subclass before the index lists it: named by the version convention,
 * and creatable by the generated code in its package ({@code new V1__CreatePosts()}).
 */
public final class MigrationValidator {
  private final ErrorReporter reporter;

  public MigrationValidator(ErrorReporter reporter) {
    this.reporter = reporter;
  }

  /** The migration of {@code type}, or empty when it is abstract (a base class) or has an error. */
  public Optional<MigrationModel> validate(TypeElement type) {
    if (type.getKind() != ElementKind.CLASS || type.getModifiers().contains(Modifier.ABSTRACT)) {
      return Optional.empty();
    }
    String name = type.getSimpleName().toString();
    String version = MigrationModel.versionOf(name);
    if (version == null) {
      reporter.error(Messages.migrationName(name), type);
      return Optional.empty();
    }
    Optional<String> problem = creationProblem(type);
    problem.ifPresent(what -> reporter.error(Messages.migrationClass(name, what), type));
    return problem.isPresent() ? Optional.empty() : Optional.of(new MigrationModel(ClassName.get(type), version));
  }

  private static Optional<String> creationProblem(TypeElement type) {
    if (type.getModifiers().contains(Modifier.PRIVATE)) {
      return Optional.of("is private");
    }
    if (type.getNestingKind() == NestingKind.MEMBER && !type.getModifiers().contains(Modifier.STATIC)) {
      return Optional.of("is an inner class (not static)");
    }
    if (type.getNestingKind() == NestingKind.LOCAL || type.getNestingKind() == NestingKind.ANONYMOUS) {
      return Optional.of("is a local class");
    }
    if (ClassName.get(type).packageName().isEmpty()) {
      return Optional.of("is in the unnamed package");
    }
    boolean creatable = ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
        .anyMatch(MigrationValidator::noArgumentsAndVisible);
    return creatable ? Optional.empty() : Optional.of("has no constructor without arguments that is not private");
  }

  private static boolean noArgumentsAndVisible(ExecutableElement constructor) {
    return constructor.getParameters().isEmpty() && !constructor.getModifiers().contains(Modifier.PRIVATE);
  }
}
