package io.ecto4j.processor.validation;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.ecto4j.processor.Compile.schema;
import static io.ecto4j.processor.validation.Errors.expectError;

import io.ecto4j.processor.Compile;
import io.ecto4j.processor.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FieldErrorsTest {

  @Test
  void unsupportedType() {
    expectError(schema("Foo", """
        @Schema("foos")
        public interface Foo {
          @Field float price();
        }
        """), "[UnsupportedType] @Field price() has the type float, which ecto4j cannot store; use one of "
        + Messages.SUPPORTED_TYPES, "float price()");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "char | char",
      "List<Object> | List<Object>",
      "Optional<String> | Optional<String>",
      "List<List<String>> | List<List<String>>",
      "List<byte[]> | List<byte[]>",
      "Map<Integer, Object> | Map<Integer,Object>",
      "Map<String, Map<String, Object>> | Map<String,Map<String,Object>>",
      "Set<String> | Set<String>",
      "Thread | Thread",
      "List | List",
  })
  void otherUnsupportedTypes(String type, String shown) {
    expectError(schema("Foo", """
        @Schema("foos")
        public interface Foo {
          @Field %s value();
        }
        """.formatted(type)), "[UnsupportedType] @Field value() has the type " + shown + ",", "value()");
  }

  @Test
  void sqlTypeOverrideThatIsNoPlainType() {
    expectError(schema("Foo", """
        @Schema("foos")
        public interface Foo {
          @Field(type = "text; DROP TABLE foos") String name();
        }
        """), "[SqlType] @Field(type = \"text; DROP TABLE foos\") of name() is not a column type ecto4j accepts",
        "DROP TABLE");
  }

  @Test
  void columnThatIsNoSqlIdentifier() {
    expectError(schema("Foo", """
        @Schema("foos")
        public interface Foo {
          @Field(column = "Full Name") String name();
        }
        """), "[SqlIdentifier] column of @Field name() \"Full Name\" is not a valid SQL identifier", "Full Name");
  }

  @Test
  void defaultThatIsNoValueOfTheType() {
    expectError(schema("Foo", """
        @Schema("foos")
        public interface Foo {
          @Field(defaultValue = "many") int count();
        }
        """), "[DefaultValue] defaultValue \"many\" of count() is not a valid int; write a literal of the field's "
        + "type, e.g. \"0\"", "defaultValue = \"many\"");
  }

  @Test
  void defaultThatIsNoConstantOfTheEnum() {
    expectError(schema("Foo", """
        @Schema("foos")
        public interface Foo {
          enum Status { DRAFT, PUBLISHED }

          @Field(defaultValue = "draft") Status status();
        }
        """), "[DefaultValue] defaultValue \"draft\" of status() is not a valid constant of Foo.Status; "
        + "write a literal of the field's type, e.g. \"DRAFT\"", "defaultValue = \"draft\"");
  }

  @Test
  void defaultOnAList() {
    expectError(schema("Foo", """
        @Schema("foos")
        public interface Foo {
          @Field(defaultValue = "a,b") List<String> labels();
        }
        """), "[DefaultNotSupported] labels() of type List<String> cannot have a defaultValue", "labels()");
  }

  @Test
  void defaultOnBytes() {
    expectError(schema("Foo", """
        @Schema("foos")
        public interface Foo {
          @Field(defaultValue = "x") byte[] data();
        }
        """), "[DefaultNotSupported] data() of type byte[] cannot have a defaultValue", "data()");
  }

  @Test
  void defaultOnAVirtualFieldIsAllowed() {
    assertThat(Compile.schemas(schema("Foo", """
        @Schema("foos")
        public interface Foo {
          @Field String name();
          @Field(virtual = true, defaultValue = "true") boolean acceptTerms();
        }
        """))).succeededWithoutWarnings();
  }
}
