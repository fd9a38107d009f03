package io.ecto4j.processor.validation;

import io.ecto4j.processor.EmbedMessages;
import io.ecto4j.processor.ErrorReporter;
import io.ecto4j.processor.model.Names;
import io.ecto4j.processor.model.Origin;
import io.ecto4j.processor.reading.Annotated;
import io.ecto4j.processor.reading.Annotations;
import io.ecto4j.processor.reading.MemberAnnotation;
import io.ecto4j.processor.reading.Targets;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Checks an {@code @EmbedsOne}/{@code @EmbedsMany} method: a list exactly for many, of an
 * {@code @Embedded} interface, with an {@code onReplace} Ecto's embeds take.
 */
final class EmbedValidator {
  private static final Set<String> ON_REPLACE = Set.of("RAISE", "MARK_AS_INVALID", "DELETE", "UPDATE");
  private final ErrorReporter reporter;
  private final Annotations annotations;
  private final Targets targets;

  EmbedValidator(ErrorReporter reporter, Annotations annotations, Targets targets) {
    this.reporter = reporter;
    this.annotations = annotations;
    this.targets = targets;
  }

  void validate(ExecutableElement method, Annotated annotated, Origin origin) {
    boolean many = annotated.annotation() == MemberAnnotation.EMBEDS_MANY;
    String annotation = annotated.annotation().simpleName();
    String name = method.getSimpleName().toString();
    TypeMirror type = method.getReturnType();
    Optional<TypeMirror> target = many ? Targets.listElement(type) : Optional.of(type);
    if (many != Targets.isList(type) || target.isEmpty()) {
      reporter.error(EmbedMessages.shape(annotation, name, Names.display(type.toString())), origin);
    } else if (targets.embeddedInterface(target.get()).isEmpty()) {
      reporter.error(EmbedMessages.target(annotation, display(target.get())), origin);
    }
    String onReplace = annotations.enumName(annotated.mirror(), "onReplace");
    if (!ON_REPLACE.contains(onReplace) || many && onReplace.equals("UPDATE")) {
      reporter.error(EmbedMessages.onReplace(annotation, name, onReplace), origin, "onReplace");
    }
  }

  private static String display(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED
        ? ((DeclaredType) type).asElement().getSimpleName().toString()
        : Names.display(type.toString());
  }
}
