package io.ecto4j.processor.writing;

import com.palantir.javapoet.MethodSpec;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;

/**
 * The struct's stand-ins for schema methods that have a compile error of their own. The struct is
 * generated all the same so that the rest of the build finds it, and the user sees the one error
 * at the method rather than a "cannot find symbol" wherever the struct is named; the build fails
 * on that error, so a stand-in never runs.
 */
final class UnreadMembers {
  private UnreadMembers() {}

  /** An override of each abstract method of {@code unread} that throws, in name order. */
  static List<MethodSpec> standIns(Collection<ExecutableElement> unread) {
    return unread.stream()
        .filter(method -> method.getModifiers().contains(Modifier.ABSTRACT))
        .sorted(Comparator.comparing(method -> method.getSimpleName().toString()))
        .map(UnreadMembers::standIn)
        .toList();
  }

  private static MethodSpec standIn(ExecutableElement method) {
    return MethodSpec.overriding(method)
        .addStatement("throw new $T($S)", IllegalStateException.class,
            method.getSimpleName() + "() has a compile error; nothing was generated for it")
        .build();
  }
}
