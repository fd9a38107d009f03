package io.ecto4j.processor.validation;

import io.ecto4j.processor.ErrorReporter;
import io.ecto4j.processor.Messages;
import io.ecto4j.processor.RuntimeNames;
import io.ecto4j.processor.model.Origin;
import io.ecto4j.processor.reading.Annotated;
import io.ecto4j.processor.reading.Annotations;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.Types;

/**
 * Checks the class named by {@code defaults = …} of an association: the generated companion makes
 * it with {@code new} and hands it each new child, so it must be a public concrete class with a
 * public no-argument constructor implementing {@code AssocDefaults<ChildStruct, OwnerStruct>}.
 * That its two structs are the association's is left to javac at the generated constant, since the
 * structs are generated in this same compilation.
 */
final class AssocDefaultsValidator {
  private final ErrorReporter reporter;
  private final Annotations annotations;
  private final Types types;

  AssocDefaultsValidator(ErrorReporter reporter, Annotations annotations, Types types) {
    this.reporter = reporter;
    this.annotations = annotations;
    this.types = types;
  }

  void validate(ExecutableElement method) {
    for (Annotated found : annotations.memberAnnotations(method)) {
      if (found.annotation().association().isPresent()) {
        validate(method, found);
      }
    }
  }

  private void validate(ExecutableElement method, Annotated found) {
    Optional<TypeElement> declared = annotations.type(found.mirror(), "defaults")
        .filter(type -> type.getKind() == TypeKind.DECLARED)
        .map(type -> (TypeElement) ((DeclaredType) type).asElement())
        .filter(type -> !type.getQualifiedName().contentEquals(RuntimeNames.ASSOC_DEFAULTS.canonicalName()));
    if (declared.isPresent() && (!AutogenerateValidator.instantiable(declared.get())
        || AutogenerateValidator.typeArguments(types, declared.get().asType(),
            RuntimeNames.ASSOC_DEFAULTS.canonicalName()).isEmpty())) {
      reporter.error(Messages.assocDefaultsClass(found.annotation().simpleName(), method.getSimpleName().toString(),
          declared.get().getSimpleName().toString()), Origin.of(method, found.mirror()), "defaults");
    }
  }
}
