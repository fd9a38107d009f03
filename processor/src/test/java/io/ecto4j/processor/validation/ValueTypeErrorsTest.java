package io.ecto4j.processor.validation;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.ecto4j.processor.Compile.schema;
import static io.ecto4j.processor.validation.Errors.expectError;

import com.google.testing.compile.Compilation;
import io.ecto4j.processor.Compile;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Compile errors of what values are stored as (issue #17): {@code @EnumValue} mixing strings and
 * numbers or repeating a value (Ecto.Enum's "repeated values" and "bad values" raise at compile time
 * too), an integer enum in a non-integer column, and {@code precision} on a type without a time.
 */
class ValueTypeErrorsTest {
  private static final JavaFileObject HOLDER = schema("Holder", """
      @Schema("holders")
      public interface Holder {
        @Field Level level();
      }
      """);

  private static JavaFileObject level(String constants) {
    return schema("Level", "public enum Level {\n" + constants + "\n}\n");
  }

  /** Ports enum_test.exs "bad values" (a number missing among numbers): the error is at the constant without one. */
  @Test
  void aNumberMissingAmongNumbers() {
    expectError(new JavaFileObject[] {level("""
          @EnumValue(number = 1) LOW,
          MID,
          @EnumValue(number = 5) HIGH
        """), HOLDER},
        "[EnumValueMixed] constant MID of Level has no @EnumValue(number = …) while LOW has one; an enum is "
            + "stored as strings or as integers, not both: give every constant of Level a number", "MID,");
  }

  /** Ports enum_test.exs "bad values" (a string and a number on one constant). */
  @Test
  void aStringAndANumberOnOneConstant() {
    expectError(new JavaFileObject[] {level("""
          @EnumValue(value = "low", number = 1) LOW,
          @EnumValue(number = 5) HIGH
        """), HOLDER}, "[EnumValueMixed] @EnumValue of Level.LOW gives both a string and a number", "LOW,");
  }

  /** Ports enum_test.exs "repeated values": two constants with one stored string. */
  @Test
  void aRepeatedString() {
    expectError(new JavaFileObject[] {level("""
          @EnumValue("low") LOW,
          @EnumValue("low") LOWER
        """), HOLDER},
        "[EnumValueRepeated] Level.LOWER is stored as \"low\", as LOW is; Ecto.Enum values must be unique: "
            + "give LOWER another @EnumValue", "LOWER");
  }

  /** Ports enum_test.exs "repeated values": a mapped string equal to another constant's name. */
  @Test
  void aStringRepeatingAName() {
    expectError(new JavaFileObject[] {level("""
          LOW,
          @EnumValue("LOW") LOWER
        """), HOLDER}, "[EnumValueRepeated] Level.LOWER is stored as \"LOW\", as LOW is", "LOWER");
  }

  /** Ports enum_test.exs "repeated values": two constants with one number. */
  @Test
  void aRepeatedNumber() {
    expectError(new JavaFileObject[] {level("""
          @EnumValue(number = 1) LOW,
          @EnumValue(number = 1) HIGH
        """), HOLDER}, "[EnumValueRepeated] Level.HIGH is stored as 1, as LOW is", "HIGH");
  }

  @Test
  void anIntegerEnumInATextColumn() {
    expectError(new JavaFileObject[] {schema("Holder", """
        @Schema("holders")
        public interface Holder {
          @Field(type = "text") Level level();
        }
        """), level("@EnumValue(number = 1) LOW, @EnumValue(number = 2) HIGH")},
        "[EnumValueType] level() holds an enum stored as integers (@EnumValue(number = …)) but "
            + "@Field(type = \"text\") is not an integer type", "type = \"text\"");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "String name | String",
      "LocalDate name | LocalDate",
      "List<LocalDate> name | List<LocalDate>",
  })
  void precisionOnATypeWithoutTime(String declaration, String shown) {
    expectError(schema("Foo", """
        @Schema("foos")
        public interface Foo {
          @Field(precision = TimePrecision.SECONDS) %s();
        }
        """.formatted(declaration)), "[TimePrecision] @Field(precision = SECONDS) of name() applies to Instant, "
        + "OffsetDateTime, LocalDateTime and LocalTime (or lists of them), not " + shown + "; remove precision",
        "precision");
  }

  /** An enum used by two fields (and a list) is checked once: one error, not three. */
  @Test
  void anEnumHeldTwiceIsReportedOnce() {
    Compilation compilation = Compile.schemas(level("@EnumValue(\"a\") A, @EnumValue(\"a\") B"), schema("Holder", """
        @Schema("holders")
        public interface Holder {
          @Field Level level();
          @Field Level other();
          @Field List<Level> levels();
        }
        """));
    assertThat(compilation).hadErrorCount(1);
  }
}
