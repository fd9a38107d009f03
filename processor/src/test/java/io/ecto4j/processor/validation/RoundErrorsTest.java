package io.ecto4j.processor.validation;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.ecto4j.processor.Compile.schema;
import static io.ecto4j.processor.validation.Errors.expectError;

import com.google.testing.compile.Compilation;
import io.ecto4j.processor.Compile;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

class RoundErrorsTest {

  /**
   * Two schemas may map one table (Ecto allows it), but a column they share must be defined alike:
   * the second one read gets the error, at the column, naming both schemas.
   */
  @Test
  void twoSchemasDefiningASharedColumnOtherwise() {
    JavaFileObject b = schema("B", """
        @Schema("things")
        public interface B {
          @Field(nullable = false) String name();
        }
        """);
    JavaFileObject a = schema("A", """
        @Schema("things")
        public interface A {
          @Field String name();
          @Field String other();
        }
        """);
    expectError(new JavaFileObject[] {b, a}, "[TableColumnConflict] column \"name\" of table \"things\" is "
        + "varchar(255) NOT NULL in test.B but varchar(255) in test.A, which maps the same table; define the column "
        + "alike in both schemas (type, nullable, defaultValue), or give one of them its own table",
        "@Field(nullable = false) String name();");
  }

  /** A shared column of another type, or another default, conflicts too; in another prefix it is another table. */
  @Test
  void twoSchemasDefiningASharedColumnWithAnotherTypeOrDefault() {
    JavaFileObject b = schema("B", """
        @Schema("things")
        public interface B {
          @Field(defaultValue = "1") int count();
        }
        """);
    JavaFileObject a = schema("A", """
        @Schema("things")
        public interface A {
          @Field(defaultValue = "0") int count();
        }
        """);
    expectError(new JavaFileObject[] {b, a}, "[TableColumnConflict] column \"count\" of table \"things\" is "
        + "integer NOT NULL DEFAULT 1 in test.B but integer NOT NULL DEFAULT 0 in test.A", "int count();");
    JavaFileObject elsewhere = schema("C", """
        @Schema(value = "things", prefix = "archive")
        public interface C {
          @Field Long count();
        }
        """);
    assertThat(Compile.schemas(elsewhere, schema("A", """
        @Schema("things")
        public interface A {
          @Field(defaultValue = "0") int count();
        }
        """))).succeeded();
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
