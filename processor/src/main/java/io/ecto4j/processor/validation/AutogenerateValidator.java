package io.ecto4j.processor.validation;

import io.ecto4j.processor.ErrorReporter;
import io.ecto4j.processor.Messages;
import io.ecto4j.processor.RuntimeNames;
import io.ecto4j.processor.model.Names;
import io.ecto4j.processor.model.Origin;
import io.ecto4j.processor.reading.Annotations;
import io.ecto4j.processor.reading.CustomTypes;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Checks the class named by {@code autogenerate = …} of a {@code @Field} or {@code @Timestamps}: the
 * generated companion makes it with {@code new}, and the repo stores what it makes in the field, so
 * it must be a public concrete class with a public no-argument constructor implementing
 * {@code Autogenerate} of the field's type (Ecto's "fail invalid autogenerate").
 */
final class AutogenerateValidator {
  private final ErrorReporter reporter;
  private final Annotations annotations;
  private final Types types;

  AutogenerateValidator(ErrorReporter reporter, Annotations annotations, Types types) {
    this.reporter = reporter;
    this.annotations = annotations;
    this.types = types;
  }

  /**
   * Checks {@code autogenerate} on {@code origin}'s annotation for values of {@code valueType};
   * {@code owner} names the field or timestamps in messages.
   */
  void validate(Origin origin, String owner, TypeMirror valueType) {
    Optional<TypeElement> declared = annotations.type(origin.annotation().orElseThrow(), "autogenerate")
        .filter(type -> type.getKind() == TypeKind.DECLARED)
        .map(type -> (TypeElement) ((DeclaredType) type).asElement())
        .filter(type -> !type.getQualifiedName().contentEquals(RuntimeNames.AUTOGENERATE.canonicalName()));
    if (declared.isEmpty()) {
      return;
    }
    TypeElement generator = declared.get();
    String name = generator.getSimpleName().toString();
    if (valueType.getKind().isPrimitive()) {
      reporter.error(Messages.autogeneratePrimitive(owner, Names.display(valueType.toString())), origin, "autogenerate");
    } else if (!instantiable(generator)) {
      reporter.error(Messages.autogenerateClass(owner, name), origin, "autogenerate");
    } else {
      Optional<TypeMirror> made = typeArguments(types, generator.asType(), RuntimeNames.AUTOGENERATE.canonicalName())
          .map(arguments -> arguments.get(0));
      if (made.isEmpty() || !types.isSameType(types.erasure(made.get()), types.erasure(valueType))) {
        reporter.error(Messages.autogenerateType(owner, name, made.map(t -> Names.display(t.toString())).orElse(null),
            Names.display(valueType.toString())), origin, "autogenerate");
      }
    }
  }

  /**
   * Whether the generated companion can write {@code new X()}: the rule of custom types
   * ({@link CustomTypes#isInstantiable}) with a public no-argument constructor.
   */
  static boolean instantiable(TypeElement type) {
    return CustomTypes.isInstantiable(type) && CustomTypes.hasNoArgConstructor(type);
  }

  /**
   * The type arguments of the generic interface {@code iface} that {@code type} implements, found
   * through its supertypes; empty when it does not implement it, or implements it raw.
   */
  static Optional<List<? extends TypeMirror>> typeArguments(Types types, TypeMirror type, String iface) {
    for (TypeMirror supertype : types.directSupertypes(type)) {
      if (supertype instanceof DeclaredType declared
          && ((TypeElement) declared.asElement()).getQualifiedName().contentEquals(iface)) {
        return declared.getTypeArguments().isEmpty() ? Optional.empty() : Optional.of(declared.getTypeArguments());
      }
      Optional<List<? extends TypeMirror>> further = typeArguments(types, supertype, iface);
      if (further.isPresent()) {
        return further;
      }
    }
    return Optional.empty();
  }
}
