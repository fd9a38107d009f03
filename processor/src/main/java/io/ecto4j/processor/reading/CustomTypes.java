package io.ecto4j.processor.reading;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import io.ecto4j.processor.model.ColumnType;
import io.ecto4j.processor.model.CustomTypeModel;
import io.ecto4j.processor.model.TypeMapping;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;

/**
 * What a {@code @Field(using = X.class)} names: whether X is a {@code CustomType<V, D>}, its V and D,
 * how it can be constructed, and the mapping of the field it stores. The validator asks each
 * question to report what is wrong; the reader builds the mapping of a field that passed.
 */
public final class CustomTypes {
  private static final String CUSTOM_TYPE = "io.ecto4j.type.CustomType";
  private static final String TYPE_PARAMS = "io.ecto4j.type.TypeParams";
  /** {@code key=value}: a key of letters, digits, {@code _}, {@code .} or {@code -}; any value. */
  private static final Pattern PARAM = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]*=.*", Pattern.DOTALL);

  private final Types types;
  private final TypeMapper mapper;

  public CustomTypes(Types types, TypeMapper mapper) {
    this.types = types;
    this.mapper = mapper;
  }

  /** The type arguments V and D of {@code CustomType} as {@code using} extends it; empty when it does not (or raw). */
  public Optional<List<TypeMirror>> valueAndStored(TypeMirror using) {
    Deque<TypeMirror> pending = new ArrayDeque<>(List.of(using));
    Set<String> seen = new HashSet<>();
    while (!pending.isEmpty()) {
      TypeMirror type = pending.pop();
      if (type.getKind() != TypeKind.DECLARED || !seen.add(type.toString())) {
        continue;
      }
      DeclaredType declared = (DeclaredType) type;
      if (((TypeElement) declared.asElement()).getQualifiedName().contentEquals(CUSTOM_TYPE)) {
        List<TypeMirror> arguments = List.copyOf(declared.getTypeArguments());
        return arguments.size() == 2 ? Optional.of(arguments) : Optional.empty();
      }
      pending.addAll(types.directSupertypes(type));
    }
    return Optional.empty();
  }

  /** The class named by {@code using}; empty for a primitive, an array or {@code void}. */
  public static Optional<TypeElement> element(TypeMirror using) {
    return using.getKind() == TypeKind.DECLARED
        ? Optional.of((TypeElement) ((DeclaredType) using).asElement())
        : Optional.empty();
  }

  /** Whether the generated companion can write {@code new X(…)}: a public, concrete, top-level or static class. */
  public static boolean isInstantiable(TypeElement type) {
    return type.getKind() == ElementKind.CLASS && !type.getModifiers().contains(Modifier.ABSTRACT)
        && isPublic(type);
  }

  /** Public, and, when nested, in public classes and static (an inner class needs an outer instance). */
  private static boolean isPublic(TypeElement type) {
    for (Element e = type; e instanceof TypeElement t; e = t.getEnclosingElement()) {
      boolean inner = t.getNestingKind() == NestingKind.MEMBER && t.getKind() == ElementKind.CLASS
          && !t.getModifiers().contains(Modifier.STATIC) && t.getEnclosingElement().getKind() == ElementKind.CLASS;
      boolean visible = t.getModifiers().contains(Modifier.PUBLIC) || isInterfaceMember(t);
      if (!visible || inner) {
        return false;
      }
    }
    return true;
  }

  /** Members of interfaces are implicitly public. */
  private static boolean isInterfaceMember(TypeElement type) {
    return type.getNestingKind() == NestingKind.MEMBER && type.getEnclosingElement().getKind().isInterface();
  }

  /** Whether {@code type} has a public constructor without parameters. */
  public static boolean hasNoArgConstructor(TypeElement type) {
    return publicConstructors(type).stream().anyMatch(constructor -> constructor.getParameters().isEmpty());
  }

  /** Whether {@code type} has a public constructor taking one {@code TypeParams}. */
  public static boolean hasParamsConstructor(TypeElement type) {
    return publicConstructors(type).stream().anyMatch(constructor -> constructor.getParameters().size() == 1
        && constructor.getParameters().get(0).asType().toString().equals(TYPE_PARAMS));
  }

  private static List<ExecutableElement> publicConstructors(TypeElement type) {
    return ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
        .filter(constructor -> constructor.getModifiers().contains(Modifier.PUBLIC))
        .toList();
  }

  /** The first of {@code params} that is not {@code key=value}, or a key given twice. */
  public static Optional<String> badParam(List<String> params) {
    Set<String> keys = new HashSet<>();
    for (String param : params) {
      if (!PARAM.matcher(param).matches() || !keys.add(param.substring(0, param.indexOf('=')))) {
        return Optional.of(param);
      }
    }
    return Optional.empty();
  }

  /**
   * Where V goes in a field of {@code fieldType}: the field itself, or the element of a
   * {@code List<V>} or a {@code Map<String, V>}, with how to wrap the element's mapping; empty
   * when V is none of them.
   */
  public Optional<Slot> slot(TypeMirror fieldType, TypeMirror value) {
    if (types.isSameType(fieldType, value)) {
      return Optional.of(new Slot(fieldType, false, UnaryOperator.identity()));
    }
    Optional<TypeMirror> listElement = Targets.listElement(fieldType);
    if (listElement.isPresent() && types.isSameType(listElement.get(), value)) {
      return Optional.of(new Slot(value, true, TypeMapping::listOf));
    }
    return TypeMapper.stringMapValue(fieldType)
        .filter(element -> types.isSameType(element, value))
        .map(element -> new Slot(value, false, TypeMapping::mapOf));
  }

  /** The mapping of a field of {@code fieldType} stored by {@code using}, when it is valid. */
  public Optional<TypeMapping> mapping(TypeMirror fieldType, TypeMirror using, List<String> params) {
    TypeElement element = element(using).orElseThrow();
    List<TypeMirror> arguments = valueAndStored(using).orElseThrow();
    Optional<TypeMapping> stored = storedMapping(arguments.get(1));
    Optional<Slot> slot = slot(fieldType, arguments.get(0));
    if (stored.isEmpty() || slot.isEmpty() || (slot.get().list() && !isArrayElement(stored.get()))) {
      return Optional.empty();
    }
    CustomTypeModel custom = new CustomTypeModel(ClassName.get(element), !hasNoArgConstructor(element),
        pairs(params));
    return Optional.of(slot.get().wrap().apply(
        TypeMapping.customOf(TypeName.get(slot.get().value()), custom, stored.get())));
  }

  /** The mapping of D: a built-in type, not a list of lists nor {@code Object}. */
  public Optional<TypeMapping> storedMapping(TypeMirror stored) {
    return mapper.map(stored).filter(mapping -> mapping.columnType() != ColumnType.ANY);
  }

  /** Whether values stored as {@code stored} can be the elements of a PostgreSQL array (not JSON, bytes or arrays). */
  public static boolean isArrayElement(TypeMapping stored) {
    return switch (stored.columnType()) {
      case JSON_MAP, MAP, BYTES, LIST, ANY, CUSTOM -> false;
      default -> true;
    };
  }

  private static List<String> pairs(List<String> params) {
    List<String> pairs = new ArrayList<>();
    for (String param : params) {
      int at = param.indexOf('=');
      pairs.add(param.substring(0, at));
      pairs.add(param.substring(at + 1));
    }
    return pairs;
  }

  /** The Java type V takes in the field, whether it is a list's element, and how its mapping is wrapped. */
  public record Slot(TypeMirror value, boolean list, UnaryOperator<TypeMapping> wrap) {}
}
