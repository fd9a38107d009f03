package io.ecto4j.processor.validation;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.ecto4j.processor.Compile.schema;
import static io.ecto4j.processor.validation.Errors.expectError;

import com.google.testing.compile.Compilation;
import io.ecto4j.processor.Compile;
import org.junit.jupiter.api.Test;

class MethodErrorsTest {

  @Test
  void fieldWithParameters() {
    expectError(schema("Foo", """
        @Schema("foos")
        public interface Foo {
          @Field String name(int index);
        }
        """), "[MethodParameters] @Field name() takes parameters; an accessor takes none", "name(int index)");
  }

  @Test
  void genericMethod() {
    expectError(schema("Foo", """
        @Schema("foos")
        public interface Foo {
          @Field <T> String name();
        }
        """), "[MethodGeneric] @Field name() declares type parameters", "<T> String name()");
  }

  @Test
  void voidMethod() {
    expectError(schema("Foo", """
        @Schema("foos")
        public interface Foo {
          @Field void name();
        }
        """), "[MethodVoid] @Field name() returns void; return the value's type, e.g. `String name();`", "void name()");
  }

  @Test
  void annotatedDefaultMethod() {
    expectError(schema("Foo", """
        @Schema("foos")
        public interface Foo {
          @Field default String name() { return "x"; }
        }
        """), "[MethodNotAbstract] @Field name() has a body or is static", "default String name()");
  }

  @Test
  void twoAnnotationsOnOneMethod() {
    expectError(schema("Foo", """
        @Schema("foos")
        public interface Foo {
          @Field @BelongsTo Foo parent();
        }
        """), "[ConflictingAnnotations] parent() has both @Field and @BelongsTo; keep one of them", "Foo parent()");
  }

  @Test
  void abstractMethodWithoutAnnotation() {
    expectError(schema("Foo", """
        @Schema("foos")
        @Timestamps
        public interface Foo {
          @Field String name();
          String nickname();
        }
        """), "[UnmappedMethod] abstract method nickname() of Foo is neither annotated nor a generated accessor "
        + "(those are Long id(), Instant insertedAt(), Instant updatedAt())", "String nickname()");
  }

  @Test
  void exposureWithTheWrongType() {
    expectError(schema("Foo", """
        @Schema("foos")
        public interface Foo {
          long id();
          @Field String name();
        }
        """), "[ExposureType] id() exposes the primary key, which is Long, but returns long; declare `Long id();`",
        "long id()");
  }

  @Test
  void exposuresOfGeneratedComponentsAreImplementedByTheStruct() {
    Compilation compilation = Compile.schemas(
        schema("Owner", """
            @Schema(value = "owners", primaryKey = @PrimaryKey(type = PrimaryKey.Type.UUID))
            public interface Owner {
              UUID id();
              @Field String name();
            }
            """),
        schema("Pet", """
            @Schema("pets")
            @Timestamps(type = Timestamps.Type.LOCAL_DATE_TIME, updatedAt = "")
            public interface Pet {
              Long id();
              LocalDateTime insertedAt();
              UUID ownerId();
              @Field String name();
              @BelongsTo Owner owner();
              String toString();
            }
            """));
    assertThat(compilation).succeededWithoutWarnings();
  }
}
