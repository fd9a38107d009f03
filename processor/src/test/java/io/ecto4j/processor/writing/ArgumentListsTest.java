package io.ecto4j.processor.writing;

import static org.assertj.core.api.Assertions.assertThat;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link ArgumentLists} writes what JavaPoet's {@code ",$W"} joins would have written, line breaks included. */
class ArgumentListsTest {
  @Test
  void namesThatFitStayOnTheStatementsLine() {
    assertThat(ArgumentLists.wrapped(List.of("id", "title", "meta"), 4, 26)).isEqualTo("id, title, meta");
  }

  @Test
  void aNameWrapsWhenItWithTheClosingParenthesisAndSemicolonWouldPassColumnOneHundred() {
    // "a," ends at column 92; the last name then needs 1 + length + 2 (");") columns
    assertThat(ArgumentLists.wrapped(List.of("a", "bbbbb"), 4, 90)).isEqualTo("a, bbbbb");
    assertThat(ArgumentLists.wrapped(List.of("a", "bbbbbb"), 4, 90)).isEqualTo("a,\nbbbbbb");
  }

  @Test
  void wrapsAsJavaPoetDoesForManyListsInMethodsAndInANestedClass() {
    Random random = new Random(21);
    for (int run = 0; run < 300; run++) {
      ClassName struct = ClassName.get("test", "S" + "x".repeat(random.nextInt(30)));
      List<String> names = new ArrayList<>();
      int count = 1 + random.nextInt(30);
      for (int i = 0; i < count; i++) {
        names.add("n" + i + "y".repeat(random.nextInt(20)));
      }
      String call = "return new " + struct.simpleName() + "(";
      CodeBlock javaPoet = CodeBlock.join(names.stream().map(name -> CodeBlock.of("$N", name)).toList(), ",$W");
      String ours = source(struct, javaPoet(struct, CodeBlock.of("$L", ArgumentLists.wrapped(names, 4, 4 + call.length())),
          CodeBlock.of("$L", ArgumentLists.wrapped(names, 6, 6 + call.length()))));
      assertThat(ours).as("run %d", run).isEqualTo(source(struct, javaPoet(struct, javaPoet, javaPoet)));
    }
  }

  /** A class with the statement in a method (indented 4) and in a nested class's method (indented 6). */
  private static TypeSpec javaPoet(ClassName struct, CodeBlock inMethod, CodeBlock inNestedClass) {
    return TypeSpec.classBuilder("Outer")
        .addMethod(method(struct, inMethod))
        .addType(TypeSpec.classBuilder("Inner").addMethod(method(struct, inNestedClass)).build())
        .build();
  }

  private static MethodSpec method(ClassName struct, CodeBlock arguments) {
    return MethodSpec.methodBuilder("make").returns(struct).addStatement("return new $T($L)", struct, arguments).build();
  }

  private static String source(ClassName struct, TypeSpec type) {
    return JavaFile.builder(struct.packageName(), type).indent("  ").build().toString();
  }
}
