package io.ecto4j.processor.validation;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.ecto4j.processor.Compile.schema;
import static io.ecto4j.processor.validation.Errors.expectError;

import com.google.testing.compile.Compilation;
import io.ecto4j.processor.Compile;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

class RoundErrorsTest {

  @Test
  void twoSchemasWithOneTable() {
    JavaFileObject b = schema("B", """
        @Schema("things")
        public interface B {
          @Field String name();
        }
        """);
    JavaFileObject a = schema("A", """
        @Schema("things")
        public interface A {
          @Field String name();
        }
        """);
    expectError(new JavaFileObject[] {b, a}, "[DuplicateTable] table \"things\" of test.B is already the table of "
        + "test.A; give each schema its own table", "@Schema(\"things\")");
  }

  @Test
  void structNameOfAnExistingType() {
    expectError(schema("Foo", """
        class FooStruct {}

        @Schema("foos")
        public interface Foo {
          @Field String name();
        }
        """), "[GeneratedNameClash] test.Foo would generate the struct test.FooStruct, but that type already exists; "
        + "rename the existing type or set @Schema(struct = \"…\")", "@Schema");
  }

  @Test
  void twoSchemasGeneratingOneCompanion() {
    JavaFileObject b = schema("B", """
        @Schema(value = "bs", companion = "Things")
        public interface B {
          @Field String name();
        }
        """);
    JavaFileObject a = schema("A", """
        @Schema(value = "as", companion = "Things")
        public interface A {
          @Field String name();
        }
        """);
    expectError(new JavaFileObject[] {b, a}, "[GeneratedNameClash] test.B and test.A would both generate test.Things",
        "companion = \"Things\"");
  }

  @Test
  void everyProblemOfEverySchemaIsReportedInOneCompile() {
    JavaFileObject a = schema("A", """
        @Schema("as")
        public interface A {
          @Field float price();
          @Field(defaultValue = "x") int count();
        }
        """);
    JavaFileObject b = schema("B", """
        @Schema
        public interface B {
          String nickname();
        }
        """);
    Compilation compilation = Compile.schemas(a, b);
    assertThat(compilation).hadErrorContaining("[UnsupportedType]").inFile(a).onLineContaining("float price()");
    assertThat(compilation).hadErrorContaining("[DefaultValue]").inFile(a).onLineContaining("int count()");
    assertThat(compilation).hadErrorContaining("[SchemaTableName]").inFile(b).onLineContaining("@Schema");
    assertThat(compilation).hadErrorContaining("[UnmappedMethod]").inFile(b).onLineContaining("nickname()");
    assertThat(compilation).hadErrorCount(4);
  }
}
