package io.ecto4j.processor.writing;

import static org.assertj.core.api.Assertions.assertThat;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import java.util.Random;
import javax.lang.model.element.Modifier;
import org.junit.jupiter.api.Test;

/** {@link JavaStrings#literal} writes what JavaPoet's {@code $S} writes, in a field and in a statement. */
class JavaStringsTest {
  /** What SQL, DDL and names hold, and every character JavaPoet escapes. */
  private static final String ALPHABET = "aZ09 _.,;:()[]<>*=?'\"\\\n\t\r\b\f\u0000\u0007\u001f\u007f\u00e9\u4e2d";

  @Test
  void escapesQuotesBackslashesAndControlCharacters() {
    assertThat(JavaStrings.literal("say \"hi\"\\ 'x'\t\u0001")).isEqualTo("\"say \\\"hi\\\"\\\\ 'x'\\t\\u0001\"");
    assertThat(JavaStrings.literal(null)).isEqualTo("null");
    assertThat(JavaStrings.literal("")).isEqualTo("\"\"");
  }

  @Test
  void aLineBreakGoesOnTheNextLineTwoIndentsFurtherExceptAtTheEnd() {
    assertThat(JavaStrings.literal("a\nb\n")).isEqualTo("\"a\\n\"\n    + \"b\\n\"");
  }

  @Test
  void writesWhatJavaPoetWritesForManyStrings() {
    Random random = new Random(21);
    for (int run = 0; run < 500; run++) {
      StringBuilder value = new StringBuilder();
      int length = random.nextInt(120);
      for (int i = 0; i < length; i++) {
        value.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      String literal = JavaStrings.literal(value.toString());
      assertThat(source(CodeBlock.of("$L", literal))).as("run %d", run)
          .isEqualTo(source(CodeBlock.of("$S", value.toString())));
    }
  }

  /** The string as a field's initializer (indented 2) and in a nested class's statement (indented 6). */
  private static String source(CodeBlock string) {
    TypeSpec type = TypeSpec.classBuilder("Outer")
        .addField(FieldSpec.builder(String.class, "S", Modifier.STATIC, Modifier.FINAL).initializer(string).build())
        .addType(TypeSpec.classBuilder("Inner")
            .addMethod(MethodSpec.methodBuilder("s").returns(String.class).addStatement("return $L", string).build())
            .build())
        .build();
    return JavaFile.builder("test", type).indent(GeneratedFiles.INDENT).build().toString();
  }
}
