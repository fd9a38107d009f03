package io.ecto4j.processor.validation;

import static io.ecto4j.processor.Compile.schema;
import static io.ecto4j.processor.validation.Errors.expectError;

import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Each misuse of {@code @Field(using = …, params = …)} and of {@code Object}, at its attribute. */
class CustomTypeErrorsTest {
  /** Types to name in {@code using}: a good one, a parameterized one, and one of each way to get it wrong. */
  private static final JavaFileObject TYPES = JavaFileObjects.forSourceString("test.Types4Test", """
      package test;

      import io.ecto4j.type.*;
      import java.util.Map;

      public final class Types4Test {
        public static final class Email extends CustomType<String, String> {
          public Email() { super(String.class, Types.STRING); }
          protected CastResult<String> castInput(Object input) { return CastResult.ok(String.valueOf(input)); }
          protected String load(String stored) { return stored; }
          protected String dump(String value) { return value; }
        }
        public static final class Money extends CustomType<String, String> {
          public Money(TypeParams params) { super(String.class, Types.STRING, params); }
          protected CastResult<String> castInput(Object input) { return CastResult.ok(String.valueOf(input)); }
          protected String load(String stored) { return stored; }
          protected String dump(String value) { return value; }
        }
        public abstract static class Abstract extends CustomType<String, String> {
          public Abstract() { super(String.class, Types.STRING); }
        }
        public static final class NoConstructor extends CustomType<String, String> {
          public NoConstructor(int size) { super(String.class, Types.STRING); }
          protected CastResult<String> castInput(Object input) { return CastResult.ok(String.valueOf(input)); }
          protected String load(String stored) { return stored; }
          protected String dump(String value) { return value; }
        }
        public static final class Json extends CustomType<String, Map<String, Object>> {
          public Json() { super(String.class, Types.JSON_MAP); }
          protected CastResult<String> castInput(Object input) { return CastResult.ok(String.valueOf(input)); }
          protected String load(Map<String, Object> stored) { return String.valueOf(stored); }
          protected Map<String, Object> dump(String value) { return Map.of("v", value); }
        }
        public static final class Stored extends CustomType<String, StringBuilder> {
          public Stored() { super(String.class, null); }
          protected CastResult<String> castInput(Object input) { return CastResult.ok(String.valueOf(input)); }
          protected String load(StringBuilder stored) { return stored.toString(); }
          protected StringBuilder dump(String value) { return new StringBuilder(value); }
        }
      }
      """);

  private static void expectFieldError(String field, String message, String line) {
    expectError(new JavaFileObject[] {schema("Foo", """
        @Schema("foos")
        public interface Foo {
          %s
        }
        """.formatted(field)), TYPES}, message, line);
  }

  @Test
  void usingAClassThatIsNoCustomType() {
    expectFieldError("@Field(using = String.class) String email();",
        "[CustomTypeClass] @Field(using = String.class) of email() does not extend io.ecto4j.type.CustomType<V, D>",
        "String email()");
  }

  @Test
  void usingAnAbstractType() {
    expectFieldError("@Field(using = Types4Test.Abstract.class) String email();",
        "[CustomTypeInstantiable] Types4Test.Abstract, the custom type of email(), cannot be constructed",
        "String email()");
  }

  @Test
  void usingATypeWithoutUsableConstructor() {
    expectFieldError("@Field(using = Types4Test.NoConstructor.class) String email();",
        "[CustomTypeConstructor] Types4Test.NoConstructor, the custom type of email(), has no public constructor",
        "String email()");
  }

  @Test
  void usingATypeOfAnotherValueType() {
    expectFieldError("@Field(using = Types4Test.Email.class) Integer email();",
        "[CustomTypeValue] Types4Test.Email holds String values, but email() is Integer; declare the field as "
            + "String, List<String> or Map<String, String>", "Integer email()");
  }

  @Test
  void usingATypeStoredAsWhatEcto4jCannotStore() {
    expectFieldError("@Field(using = Types4Test.Stored.class) String email();",
        "[CustomTypeStored] Types4Test.Stored, the custom type of email(), stores StringBuilder", "String email()");
  }

  @Test
  void aListOfATypeStoredAsJson() {
    expectFieldError("@Field(using = Types4Test.Json.class) List<String> notes();",
        "[CustomTypeArray] notes() is a list of Types4Test.Json, which stores Map<String,Object>, and a PostgreSQL "
            + "array cannot hold that", "List<String> notes()");
  }

  @Test
  void paramsToATypeThatTakesNone() {
    expectFieldError("@Field(using = Types4Test.Email.class, params = \"x=1\") String email();",
        "[CustomTypeParams] email() gives params to Types4Test.Email, which has no public constructor taking "
            + "io.ecto4j.type.TypeParams", "String email()");
  }

  @Test
  void paramThatIsNoKeyValue() {
    expectFieldError("@Field(using = Types4Test.Money.class, params = {\"currency=EUR\", \"scale\"}) String price();",
        "[CustomTypeParams] param \"scale\" of price() is not key=value", "String price()");
  }

  @Test
  void paramsWithoutType() {
    expectFieldError("@Field(params = \"currency=EUR\") String price();",
        "[CustomTypeParams] price() has params but no custom type to take them", "String price()");
  }

  /** Ports schema_test.exs "type :any" "raises on non-virtual". */
  @Test
  void objectOnAStoredField() {
    expectFieldError("@Field Object json();",
        "[AnyNotVirtual] @Field json() has the type Object, Ecto's :any, which has no column type; "
            + "mark it @Field(virtual = true)", "Object json()");
  }
}
