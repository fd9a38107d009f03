package io.ecto4j.processor.validation;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.ecto4j.processor.Compile.schema;
import static io.ecto4j.processor.Compile.schemas;
import static io.ecto4j.processor.validation.Errors.expectError;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

class NameErrorsTest {

  @Test
  void fieldNamedSchema() {
    expectError(schema("Foo", """
        @Schema("foos")
        public interface Foo {
          @Field String schema();
        }
        """), "[NameClash] @Field schema() would clash with the generated method schema() of FooStruct; rename it",
        "schema()");
  }

  @Test
  void fieldNamedBuilder() {
    expectError(schema("Foo", """
        @Schema("foos")
        public interface Foo {
          @Field String builder();
        }
        """), "[NameClash] @Field builder() would clash with the generated method builder() of FooStruct; rename it",
        "builder()");
  }

  /** {@code meta} is the struct's metadata component, Ecto's {@code __meta__}. */
  @Test
  void fieldNamedMeta() {
    expectError(schema("Foo", """
        @Schema("foos")
        public interface Foo {
          @Field String meta();
        }
        """), "[NameClash] @Field meta() would clash with the generated method meta() of FooStruct; rename it",
        "meta()");
  }

  @Test
  void defaultMethodNamedWithMeta() {
    expectError(schema("Foo", """
        @Schema("foos")
        public interface Foo {
          @Field String name();
          default Foo withMeta(Object meta) { return this; }
        }
        """), "would clash with the generated copy method withMeta(…)", "withMeta(");
  }

  @Test
  void fieldNamedNotLoaded() {
    expectError(schema("Foo", """
        @Schema("foos")
        public interface Foo {
          @Field String NOT_LOADED();
        }
        """), "[NameClash] @Field NOT_LOADED() would clash with the generated constant FooStruct.NOT_LOADED",
        "NOT_LOADED()");
  }

  @Test
  void fieldNamedLikeTheForeignKeyOfABelongsTo() {
    JavaFileObject post = schema("Post", """
        @Schema("posts")
        public interface Post {
          @Field Long authorId();
          @BelongsTo User author();
        }
        """);
    expectError(new JavaFileObject[] {post, user()}, "[NameClash] the foreign key authorId of @BelongsTo author() "
        + "and @Field authorId() would both be the struct component authorId", "@BelongsTo");
  }

  @Test
  void fieldNamedLikeThePrimaryKey() {
    expectError(schema("Foo", """
        @Schema("foos")
        public interface Foo {
          @Field String id();
        }
        """), "[NameClash] @Field id() and the primary key id would both be the struct component id", "String id()");
  }

  @Test
  void twoFieldsWithOneColumn() {
    expectError(schema("Foo", """
        @Schema("foos")
        public interface Foo {
          @Field String name();
          @Field(column = "name") String displayName();
        }
        """), "[DuplicateColumn] column \"name\" of @Field displayName() is also the column of @Field name()",
        "displayName()");
  }

  @Test
  void fieldWithTheColumnOfATimestamp() {
    expectError(schema("Foo", """
        @Schema("foos")
        @Timestamps
        public interface Foo {
          @Field(column = "inserted_at") Instant created();
        }
        """), "[DuplicateColumn] column \"inserted_at\" of the timestamp insertedAt is also the column of "
        + "@Field created()", "@Timestamps");
  }

  @Test
  void fieldWithTheColumnOfThePrimaryKey() {
    expectError(schema("Foo", """
        @Schema("foos")
        public interface Foo {
          @Field(column = "id") String code();
        }
        """), "[DuplicateColumn] column \"id\" of @Field code() is also the column of the primary key id", "code()");
  }

  @Test
  void fieldWithTheColumnOfAForeignKey() {
    JavaFileObject post = schema("Post", """
        @Schema("posts")
        public interface Post {
          @Field(column = "author_id") Long writer();
          @BelongsTo User author();
        }
        """);
    expectError(new JavaFileObject[] {post, user()}, "[DuplicateColumn] column \"author_id\" of the foreign key "
        + "authorId of @BelongsTo author() is also the column of @Field writer()", "@BelongsTo");
  }

  @Test
  void fieldsWhoseCopyMethodsCollide() {
    expectError(schema("Foo", """
        @Schema("foos")
        public interface Foo {
          @Field String aB();
          @Field(column = "a_b_2") String AB();
        }
        """), "[NameClash] @Field AB() would generate withAB(), as @Field aB() does; rename one of them", "AB()");
  }

  @Test
  void fieldWhoseConstantTheCompanionDeclares() {
    expectError(schema("Foo", """
        @Schema("foos")
        public interface Foo {
          @Field String ddl();
        }
        """), "[NameClash] @Field ddl() would clash with the generated constant Foos.DDL; rename it", "ddl()");
  }

  @Test
  void fieldNamedLikeTheCompanionsDefinition() {
    expectError(schema("Foo", """
        @Schema("foos")
        public interface Foo {
          @Field String definition();
        }
        """), "[NameClash] @Field definition() would clash with the generated constant Foos.DEFINITION; rename it",
        "definition()");
  }

  /** The companion's lists became its definition (#21): their names are a field's to take again. */
  @Test
  void fieldsNamedLikeTheListsCompanionsNoLongerDeclareCompile() {
    Compilation compilation = schemas(schema("Foo", """
        @Schema("foos")
        public interface Foo {
          @Field String insertFields();
          @Field String insertReturning();
          @Field String timestamps();
        }
        """));
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void defaultMethodNamedLikeAGeneratedCopyMethod() {
    expectError(schema("Foo", """
        @Schema("foos")
        public interface Foo {
          @Field String name();

          default Foo withName(String name) {
            return this;
          }
        }
        """), "[NameClash] default method withName() would clash with the generated copy method withName(…)",
        "default Foo withName");
  }

  private static JavaFileObject user() {
    return schema("User", """
        @Schema("users")
        public interface User {
          @Field String name();
        }
        """);
  }
}
