package io.ecto4j.processor.typing;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.ecto4j.processor.Compile;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The generated typed fields turn misuse of changesets and queries into compile errors: a field of
 * another schema, a value of the wrong type, a validation that does not fit the field's type.
 */
class TypedFieldsTest {

  private static Compilation compileWith(String statement) {
    JavaFileObject usage = JavaFileObjects.forSourceString("blog.Usage", """
        package blog;

        import io.ecto4j.changeset.Changeset;
        import io.ecto4j.changeset.Numbers;
        import java.util.Map;

        class Usage {
          static Object use() {
            return %s;
          }
        }
        """.formatted(statement));
    List<JavaFileObject> sources = new ArrayList<>(Compile.blog());
    sources.add(usage);
    return Compile.schemas(sources);
  }

  @Test
  void permittingAFieldOfTheSchemaCompiles() {
    assertThat(compileWith("Changeset.cast(new PostStruct(), Map.of(), Posts.TITLE, Posts.BODY)")).succeeded();
  }

  @Test
  void permittingAnotherSchemasFieldDoesNotCompile() {
    Compilation compilation = compileWith("Changeset.cast(new PostStruct(), Map.of(), Posts.TITLE, Users.NAME)");
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("Changeset").inFile(usageFile(compilation)).onLineContaining("Users.NAME");
  }

  @Test
  void aValueOfTheWrongTypeDoesNotCompile() {
    Compilation compilation = compileWith("Changeset.change(new PostStruct()).putChange(Posts.TITLE, 5)");
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("putChange").inFile(usageFile(compilation)).onLineContaining("putChange");
  }

  @Test
  void comparingAFieldWithAValueOfAnotherTypeDoesNotCompile() {
    Compilation compilation = compileWith("Posts.TITLE.eq(5)");
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("eq").inFile(usageFile(compilation)).onLineContaining("Posts.TITLE.eq(5)");
  }

  @Test
  void numberValidationsNeedANumberField() {
    Compilation compilation = compileWith(
        "Changeset.change(new PostStruct()).validateNumber(Posts.TITLE, Numbers.greaterThan(0))");
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("validateNumber").inFile(usageFile(compilation)).onLineContaining("validateNumber");
  }

  private static JavaFileObject usageFile(Compilation compilation) {
    return compilation.sourceFiles().stream().filter(f -> f.getName().endsWith("Usage.java")).findFirst().orElseThrow();
  }
}
